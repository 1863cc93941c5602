package org.saraban.api.meeting;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/** A numbered meeting was scheduled, with the committee as it stands (members, quorum rule). */
@Revision("1")
public record MeetingScheduledEvent(String meetingId, String committeeId, String agencyCode, String committeeName, int yearBE,
                                    int sequence, String number, String title, Instant startsAt, Instant endsAt,
                                    String place, boolean online, String conferenceUrl,
                                    List<CommitteeMember> members, QuorumRule quorumRule, PersonRef by, Instant at) {
}
