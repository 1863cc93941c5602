package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/**
 * A secret ballot: who voted, and the choice sealed under the poll's key, which is not in MongoDB and is
 * destroyed once the poll is counted (ADR 0008).
 */
@Revision("1")
public record BallotCastEvent(String meetingId, String pollId, PersonRef voter, String sealedBallot, Instant at) {
}
