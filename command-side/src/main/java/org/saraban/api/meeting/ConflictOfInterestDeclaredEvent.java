package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/** A member declared an interest in an item: no vote on it, not counted for its quorum, named in the minutes. */
@Revision("1")
public record ConflictOfInterestDeclaredEvent(String meetingId, String itemId, PersonRef member, String reason, Instant at) {
}
