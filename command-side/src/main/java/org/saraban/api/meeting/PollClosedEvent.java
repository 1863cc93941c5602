package org.saraban.api.meeting;

import java.time.Instant;
import java.util.Map;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/**
 * The poll closed with its count per option (in the order of the options), the votes cast and the number of
 * voters who were eligible.
 */
@Revision("1")
public record PollClosedEvent(String meetingId, String pollId, Map<String, Integer> counts, int votes, int eligible, PersonRef by,
                              Instant at) {
}
