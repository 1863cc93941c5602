package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/** The chair gave the floor; the speaker leaves the queue. */
@Revision("1")
public record FloorGivenEvent(String meetingId, PersonRef speaker, PersonRef by, Instant at) {
}
