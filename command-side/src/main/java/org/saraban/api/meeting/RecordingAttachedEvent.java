package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/** The recording of the session, kept with the minutes record by its hash. */
@Revision("1")
public record RecordingAttachedEvent(String meetingId, MeetingDocument recording, PersonRef by, Instant at) {
}
