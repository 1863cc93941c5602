package org.saraban.api.letter;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.saraban.api.common.Actor;
import org.saraban.api.common.PersonRef;

/** เก็บ: file a finished letter under a file code with its retention (≥ 10 years by default, or permanent). */
public record FileLetterCommand(@TargetAggregateIdentifier String letterId,
                                @TargetAggregateVersion Long expectedVersion, Actor actor, String fileCode,
                                Integer retentionYears, boolean permanent, Instant at) {
}
