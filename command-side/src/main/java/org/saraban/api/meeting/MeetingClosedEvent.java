package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/** The session ended (เลิกประชุมเวลา). */
@Revision("1")
public record MeetingClosedEvent(String meetingId, PersonRef by, Instant at) {
}
