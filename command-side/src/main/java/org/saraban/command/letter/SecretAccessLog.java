package org.saraban.command.letter;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.saraban.api.archive.RecordSecretLetterAccessCommand;
import org.saraban.api.archive.SecretLetterAccessedEvent;

/**
 * The access log of one secret letter: every view, download and print, as an event of its own stream, hash-chained
 * with the rest of the log. Append-only; it holds no rule but that it is about one letter.
 */
@Aggregate
public class SecretAccessLog {

    @AggregateIdentifier
    private String accessLogId;

    protected SecretAccessLog() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordSecretLetterAccessCommand c) {
        apply(new SecretLetterAccessedEvent(c.accessLogId(), c.letterId(), c.agencyCode(), c.person(), c.what(),
                c.detail(), c.at()));
    }

    @EventSourcingHandler
    void on(SecretLetterAccessedEvent e) {
        accessLogId = e.accessLogId();
    }
}
