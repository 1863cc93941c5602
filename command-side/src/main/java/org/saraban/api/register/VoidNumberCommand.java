package org.saraban.api.register;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.saraban.api.common.PersonRef;

public record VoidNumberCommand(@TargetAggregateIdentifier String bookId, long registerNumber, String letterId,
                                PersonRef by,
                                String reason, Instant at) {
}
