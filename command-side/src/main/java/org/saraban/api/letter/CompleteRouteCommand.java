package org.saraban.api.letter;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.saraban.api.common.Actor;
import org.saraban.api.common.PersonRef;

/** The routed-to person or unit reports the work done. */
public record CompleteRouteCommand(@TargetAggregateIdentifier String letterId, String routeId, Actor actor,
                                   String note, Instant at) {
}
