package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.saraban.api.common.Actor;

/** Schedule a meeting of a committee; it is numbered ครั้งที่ N/พ.ศ. by the year it takes place in. */
public record ScheduleMeetingCommand(String meetingId, @TargetAggregateIdentifier String committeeId, Actor actor, String title,
                                     Instant startsAt, Instant endsAt, String place, boolean online,
                                     String conferenceUrl, Instant at) {
}
