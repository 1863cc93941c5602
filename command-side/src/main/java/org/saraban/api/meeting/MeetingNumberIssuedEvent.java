package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/** The committee numbered a meeting: ครั้งที่ {@code sequence}/{@code yearBE}, counted per calendar year. */
@Revision("1")
public record MeetingNumberIssuedEvent(String committeeId, int yearBE, int sequence, String meetingId, PersonRef by, Instant at) {
}
