package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/** An invitation letter was drafted for the meeting, addressed to its members. */
@Revision("1")
public record InvitationLetterDraftedEvent(String meetingId, String letterId, PersonRef by, Instant at) {
}
