package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** Attendance changed the quorum: {@code present} voting members of {@code members}, {@code required} needed. */
@Revision("1")
public record QuorumChangedEvent(String meetingId, int present, int members, int required, boolean met, Instant at) {
}
