package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/** A participant's identity was verified for this meeting before joining (MDES process 1). */
@Revision("1")
public record ParticipantIdentityVerifiedEvent(String meetingId, PersonRef person, String method, Instant at) {
}
