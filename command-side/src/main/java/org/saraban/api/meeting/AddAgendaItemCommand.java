package org.saraban.api.meeting;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.saraban.api.common.Actor;

/** Add an item under one of the six sections, with its documents (content-addressed). */
public record AddAgendaItemCommand(@TargetAggregateIdentifier String meetingId, String itemId, Actor actor, int section,
                                   String title, String description, String presenter,
                                   List<MeetingDocument> documents, Instant at) {
}
