package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.saraban.api.common.Actor;

/** The chair moves the session to an item. */
public record StartAgendaItemCommand(@TargetAggregateIdentifier String meetingId, String itemId, Actor actor, Instant at) {
}
