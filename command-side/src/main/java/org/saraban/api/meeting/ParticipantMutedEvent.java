package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/** A participant was muted or unmuted by the chair. */
@Revision("1")
public record ParticipantMutedEvent(String meetingId, PersonRef person, boolean muted, PersonRef by, Instant at) {
}
