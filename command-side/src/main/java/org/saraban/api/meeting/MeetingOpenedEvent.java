package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/** The session began (เริ่มประชุมเวลา). */
@Revision("1")
public record MeetingOpenedEvent(String meetingId, PersonRef by, Instant at) {
}
