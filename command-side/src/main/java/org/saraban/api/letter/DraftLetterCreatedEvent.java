package org.saraban.api.letter;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/** An outgoing letter was drafted at {@code agencyCode} by {@code author}, owned by the author's unit. */
@Revision("1")
public record DraftLetterCreatedEvent(String letterId, String agencyCode, String agencyName, String ownerUnitCode,
                                      PersonRef author, LetterContent content, Instant at) {
}
