package org.saraban.api.letter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.saraban.api.common.Actor;
import org.saraban.api.common.PersonRef;


/** เกษียน/สั่งการ: annotate a received letter and send it to a unit or a person, with a due date. */
public record RouteLetterCommand(@TargetAggregateIdentifier String letterId,
                                 @TargetAggregateVersion Long expectedVersion, Actor actor, String routeId,
                                 String toUnitCode, String toUnitName, PersonRef toPerson, String instruction,
                                 LocalDate dueDate, Instant at) {
}
