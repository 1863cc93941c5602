package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/** A participant joined the speakers' queue ({@code withdrawn}: left it). */
@Revision("1")
public record FloorRequestedEvent(String meetingId, PersonRef person, boolean withdrawn, Instant at) {
}
