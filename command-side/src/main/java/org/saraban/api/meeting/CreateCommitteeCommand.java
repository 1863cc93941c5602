package org.saraban.api.meeting;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.saraban.api.common.Actor;

/** Set up a committee of the actor's agency with its members, quorum rule and what it decides. */
public record CreateCommitteeCommand(@TargetAggregateIdentifier String committeeId, Actor actor, String name, String appointedBy,
                                     MeetingType type, List<CommitteeMember> members, QuorumRule quorumRule,
                                     Instant at) {
}
