package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/**
 * The secretary edited the minutes: the text of the new {@code revision}. An edit ends any circulation.
 */
@Revision("1")
public record MinutesEditedEvent(String meetingId, String text, int revision, PersonRef by, Instant at) {
}
