package org.saraban.api.meeting;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.saraban.api.common.Actor;

/** The chair opens a poll on the current item: named (who chose what is recorded) or secret. */
public record OpenPollCommand(@TargetAggregateIdentifier String meetingId, String pollId, String itemId, Actor actor,
                              String question, List<String> options, boolean secret, Instant at) {
}
