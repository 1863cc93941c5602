package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/** A named vote: who chose what. */
@Revision("1")
public record VoteCastEvent(String meetingId, String pollId, PersonRef voter, String choice, Instant at) {
}
