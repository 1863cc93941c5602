package org.saraban.api.register;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.saraban.api.common.PersonRef;

/** Take the next number of a book for a letter; the result is the number issued. */
public record IssueNumberCommand(@TargetAggregateIdentifier String bookId, RegisterBookId book, String letterId,
                                 PersonRef by, Instant at) {
}
