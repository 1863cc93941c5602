package org.saraban.api.letter;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

@Revision("1")
public record RouteCompletedEvent(String letterId, String routeId, PersonRef by, String note, Instant at) {
}
