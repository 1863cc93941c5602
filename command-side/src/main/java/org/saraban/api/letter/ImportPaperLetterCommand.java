package org.saraban.api.letter;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.saraban.api.common.Actor;
import org.saraban.api.common.PersonRef;

/** Register an incoming paper or e-mailed letter from its scan and the metadata the clerk confirmed. */
public record ImportPaperLetterCommand(@TargetAggregateIdentifier String copyId, Actor actor,
                                       ImportedLetter letter, String scanSha256, Instant at) {
}
