package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/**
 * A member asked for a change to the circulated minutes: they cannot be certified by circulation as they stand.
 */
@Revision("1")
public record MinutesObjectionRaisedEvent(String meetingId, PersonRef member, String text, Instant at) {
}
