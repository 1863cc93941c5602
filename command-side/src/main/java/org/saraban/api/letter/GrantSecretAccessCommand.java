package org.saraban.api.letter;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.saraban.api.common.Actor;
import org.saraban.api.common.PersonRef;

/** A named person may see a secret letter of the agency (ระเบียบว่าด้วยการรักษาความลับของทางราชการ). */
public record GrantSecretAccessCommand(@TargetAggregateIdentifier String letterId, Actor actor, PersonRef grantee,
                                       String reason, Instant at) {
}
