package org.saraban.command.register;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.saraban.api.register.IssueNumberCommand;
import org.saraban.api.register.NumberIssuedEvent;
import org.saraban.api.register.NumberVoidedEvent;
import org.saraban.api.register.RegisterBookId;
import org.saraban.api.register.RegisterException;
import org.saraban.api.register.VoidNumberCommand;

/**
 * One register book (ทะเบียน) of one agency for one Buddhist year. Its numbers are gapless and unique
 * because every number is an event in this one stream: appends to it are serialized by the stream's
 * unique (aggregate, sequence) index, and a conflicting writer retries (DESIGN.md §3).
 */
@Aggregate(cache = "aggregateCache", snapshotTriggerDefinition = "registerBookSnapshotTrigger")
public class RegisterBook {

    @AggregateIdentifier
    private String bookId;
    private RegisterBookId book;
    private long lastNumber;
    private Set<Long> voided = new HashSet<>();

    public RegisterBook() {
        // for Axon
    }

    /** Issues the next number; a new book starts at 1 (ระเบียบสารบรรณ: numbers run per calendar year). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(IssueNumberCommand c) {
        if (!c.book().value().equals(c.bookId())) {
            throw new RegisterException("REGISTER_BOOK_MISMATCH", "book id does not match " + c.book());
        }
        long next = lastNumber + 1;
        apply(new NumberIssuedEvent(c.bookId(), c.book().agencyCode(), c.book().book(), c.book().yearBE(), next,
                c.letterId(), c.by(), c.at()));
        return next;
    }

    /** A voided number stays in the book, marked, and is never issued again. */
    @CommandHandler
    public void handle(VoidNumberCommand c) {
        if (c.registerNumber() < 1 || c.registerNumber() > lastNumber) {
            throw new RegisterException("NUMBER_NOT_ISSUED", "number " + c.registerNumber() + " was never issued");
        }
        if (voided.contains(c.registerNumber())) {
            throw new RegisterException("NUMBER_ALREADY_VOIDED", "number " + c.registerNumber() + " is void already");
        }
        apply(new NumberVoidedEvent(bookId, book.agencyCode(), book.book(), book.yearBE(), c.registerNumber(),
                c.letterId(), c.by(), c.reason(), c.at()));
    }

    @EventSourcingHandler
    void on(NumberIssuedEvent e) {
        bookId = e.bookId();
        book = new RegisterBookId(e.agencyCode(), e.book(), e.yearBE());
        lastNumber = e.registerNumber();
    }

    @EventSourcingHandler
    void on(NumberVoidedEvent e) {
        voided.add(e.registerNumber());
    }
}
