package org.saraban.api.meeting;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/** A committee was set up; its members and quorum rule as appointed. */
@Revision("1")
public record CommitteeCreatedEvent(String committeeId, String agencyCode, String name, String appointedBy, MeetingType type,
                                    List<CommitteeMember> members, QuorumRule quorumRule, PersonRef by,
                                    Instant at) {
}
