package org.saraban.api.letter;

import java.time.Instant;
import java.util.Set;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.saraban.api.common.Actor;

/**
 * The designated approver approves; the content is frozen from here on. {@code signatureRequired} is the
 * sending agency's setting: the kinds it signs digitally (PAdES), which are numbered and rendered to their
 * PDF of record now, with the approver's visa (ADR 0006).
 */
public record ApproveLetterCommand(@TargetAggregateIdentifier String letterId,
                                   @TargetAggregateVersion Long expectedVersion, Actor actor, String comment,
                                   Set<LetterKind> signatureRequired, Instant at) {

    public ApproveLetterCommand {
        signatureRequired = signatureRequired == null ? Set.of() : Set.copyOf(signatureRequired);
    }

    /** An approval in an agency that signs no kind digitally. */
    public ApproveLetterCommand(String letterId, Long expectedVersion, Actor actor, String comment, Instant at) {
        this(letterId, expectedVersion, actor, comment, Set.of(), at);
    }
}
