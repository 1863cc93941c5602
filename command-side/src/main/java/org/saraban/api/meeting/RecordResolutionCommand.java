package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.saraban.api.common.Actor;

/** Record the resolution (มติ) of an item, with the counts of the poll it rests on, if any. */
public record RecordResolutionCommand(@TargetAggregateIdentifier String meetingId, String itemId, Actor actor, ResolutionType type,
                                      String text, String pollId, Instant at) {
}
