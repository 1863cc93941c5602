package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/** A participant left or was removed by the chair ({@code removedBy} set). */
@Revision("1")
public record ParticipantLeftEvent(String meetingId, PersonRef person, PersonRef removedBy, String reason, Instant at) {
}
