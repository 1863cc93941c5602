package org.saraban.api.letter;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.saraban.api.common.Actor;
import org.saraban.api.common.PersonRef;

/** The clerk issues the number (ออกเลข) from the agency's register and sends to every recipient. */
public record DispatchLetterCommand(@TargetAggregateIdentifier String letterId,
                                    @TargetAggregateVersion Long expectedVersion, Actor actor, Instant at) {
}
