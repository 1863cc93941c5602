package org.saraban.api.meeting;

import java.time.Instant;
import java.util.Map;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/** The resolution of an item; {@code counts} are the poll's (empty without one). */
@Revision("1")
public record ResolutionRecordedEvent(String meetingId, String itemId, ResolutionType type, String text, String pollId,
                                      Map<String, Integer> counts, PersonRef by, Instant at) {
}
