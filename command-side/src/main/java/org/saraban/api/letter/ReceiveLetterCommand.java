package org.saraban.api.letter;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.saraban.api.common.Actor;
import org.saraban.api.common.PersonRef;

/** The recipient agency's clerk receives the copy: issues the เลขรับ and stamps the time. */
public record ReceiveLetterCommand(@TargetAggregateIdentifier String copyId,
                                   @TargetAggregateVersion Long expectedVersion, Actor actor, Instant at) {
}
