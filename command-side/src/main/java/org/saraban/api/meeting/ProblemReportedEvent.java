package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/** A problem was reported during the meeting; it is kept with the minutes record. */
@Revision("1")
public record ProblemReportedEvent(String meetingId, PersonRef person, String text, Instant at) {
}
