package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/** A member answered the invitation (RSVP); the minutes take absences' reasons and delegates from it. */
@Revision("1")
public record InvitationAnsweredEvent(String meetingId, PersonRef member, RsvpResponse response, String reason,
                                      String delegateName, String delegatePosition, Instant at) {
}
