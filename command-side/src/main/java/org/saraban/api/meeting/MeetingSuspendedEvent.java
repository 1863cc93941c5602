package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/** The session was suspended ({@code suspended}) or resumed. */
@Revision("1")
public record MeetingSuspendedEvent(String meetingId, boolean suspended, String reason, PersonRef by, Instant at) {
}
