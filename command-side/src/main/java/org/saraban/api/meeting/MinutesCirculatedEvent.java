package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/**
 * The minutes at {@code revision} went round the members, to be certified by circulation after {@code deadline}.
 */
@Revision("1")
public record MinutesCirculatedEvent(String meetingId, int revision, Instant deadline, PersonRef by, Instant at) {
}
