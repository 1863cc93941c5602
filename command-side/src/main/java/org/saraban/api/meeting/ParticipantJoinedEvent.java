package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/** A participant joined; the join log with standard time and traffic data is part of the minutes record. */
@Revision("1")
public record ParticipantJoinedEvent(String meetingId, PersonRef person, CommitteeRole role, String address, String client, Instant at) {
}
