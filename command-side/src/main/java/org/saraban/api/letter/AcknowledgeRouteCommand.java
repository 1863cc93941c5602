package org.saraban.api.letter;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.saraban.api.common.Actor;
import org.saraban.api.common.PersonRef;

/** The routed-to person or unit acknowledges the instruction. */
public record AcknowledgeRouteCommand(@TargetAggregateIdentifier String letterId, String routeId, Actor actor,
                                      Instant at) {
}
