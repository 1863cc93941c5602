package org.saraban.api.meeting;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/**
 * A poll opened on an item. {@code eligibleVoters} (person ids), {@code present} and {@code required} are the
 * attendance, eligibility and quorum at this instant: the replay proof of the vote.
 */
@Revision("1")
public record PollOpenedEvent(String meetingId, String pollId, String itemId, String question, List<String> options,
                              boolean secret, List<String> eligibleVoters, int present, int required,
                              PersonRef by, Instant at) {
}
