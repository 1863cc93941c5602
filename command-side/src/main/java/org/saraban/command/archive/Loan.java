package org.saraban.command.archive;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.saraban.api.archive.ArchiveException;
import org.saraban.api.archive.LoanCommands;
import org.saraban.api.archive.LoanEvents;
import org.saraban.api.archive.LoanItem;
import org.saraban.api.common.Actor;
import org.saraban.api.common.PersonRef;
import org.saraban.api.common.Role;
import org.saraban.api.common.ThaiText;

/**
 * A loan card (บัตรยืมหนังสือ, DOMAIN.md §1.11). The borrower states the official purpose and a due date; only
 * people of a government agency borrow; a secret letter goes only to a borrower with a named grant for it; the
 * head approves (nobody approves their own loan); the records officer hands the letters over and takes them back.
 * A loan not returned by its due date raises one overdue alert.
 */
@Aggregate
public class Loan {

    /** The longest loan the card accepts. */
    static final int MAX_DAYS = 90;

    enum State { REQUESTED, APPROVED, REJECTED, LENT, RETURNED }

    @AggregateIdentifier
    private String loanId;
    private String agencyCode;
    private PersonRef borrower;
    private List<String> letterIds;
    private LocalDate dueDate;
    private State state;
    private boolean overdueNoticed;

    protected Loan() {
    }

    @CommandHandler
    public Loan(LoanCommands.Request c) {
        Actor actor = c.actor();
        if (actor == null || actor.agencyCode() == null) {
            throw ArchiveException.forbidden("NOT_OF_AN_AGENCY", "only people of the agency record a loan");
        }
        PersonRef borrower = c.borrower();
        if (borrower == null || borrower.agencyCode() == null) {
            throw ArchiveException.invalid("OUTSIDER_MAY_NOT_BORROW",
                    "outsiders may not borrow; they may inspect or copy with a division head's permission");
        }
        boolean forSelf = borrower.id().equals(actor.personId());
        if (!forSelf && !actor.hasRole(Role.RECORDS_OFFICER)) {
            throw ArchiveException.forbidden("NOT_A_RECORDS_OFFICER",
                    "a loan for someone else is recorded by a records officer");
        }
        if (c.purpose() == null || c.purpose().isBlank()) {
            throw ArchiveException.invalid("PURPOSE_MISSING", "the borrower states the official purpose");
        }
        List<LoanItem> items = c.items() == null ? List.of() : List.copyOf(c.items());
        if (items.isEmpty()) {
            throw ArchiveException.invalid("LOAN_EMPTY", "a loan names at least one letter");
        }
        Set<String> seen = new HashSet<>();
        Set<String> granted = c.secretGranted() == null ? Set.of() : Set.copyOf(c.secretGranted());
        for (LoanItem i : items) {
            if (i.letterId() == null || !seen.add(i.letterId())) {
                throw ArchiveException.invalid("LOAN_ITEM_INVALID", "each letter once");
            }
            if (i.secret() && !granted.contains(i.letterId())) {
                throw ArchiveException.forbidden("SECRET_NEEDS_GRANT",
                        "a secret letter is lent only to a borrower with a named grant for it");
            }
        }
        LocalDate today = c.at().atZone(ThaiText.BANGKOK).toLocalDate();
        if (c.dueDate() == null || !c.dueDate().isAfter(today) || c.dueDate().isAfter(today.plusDays(MAX_DAYS))) {
            throw ArchiveException.invalid("DUE_DATE_INVALID", "the due date is after today and within " + MAX_DAYS
                    + " days");
        }
        boolean crossAgency = !borrower.agencyCode().equals(actor.agencyCode());
        apply(new LoanEvents.Requested(c.loanId(), actor.agencyCode(), borrower, crossAgency, items,
                c.purpose().strip(), c.dueDate(), actor.ref(), c.at()));
    }

    @CommandHandler
    void handle(LoanCommands.Approve c) {
        requireAgency(c.actor());
        ArchiveRules.requireRole(c.actor(), "NOT_THE_HEAD", Role.APPROVER);
        if (borrower.id().equals(c.actor().personId())) {
            throw ArchiveException.forbidden("OWN_LOAN", "a borrower does not approve their own loan");
        }
        requireState(State.REQUESTED, "LOAN_NOT_REQUESTED", "the loan is not awaiting approval");
        apply(new LoanEvents.Approved(loanId, c.actor().ref(), c.at()));
    }

    @CommandHandler
    void handle(LoanCommands.Reject c) {
        requireAgency(c.actor());
        ArchiveRules.requireRole(c.actor(), "NOT_THE_HEAD", Role.APPROVER);
        requireState(State.REQUESTED, "LOAN_NOT_REQUESTED", "the loan is not awaiting approval");
        if (c.reason() == null || c.reason().isBlank()) {
            throw ArchiveException.invalid("REASON_MISSING", "a refusal gives its reason");
        }
        apply(new LoanEvents.Rejected(loanId, c.actor().ref(), c.reason().strip(), c.at()));
    }

    @CommandHandler
    void handle(LoanCommands.HandOver c) {
        requireAgency(c.actor());
        ArchiveRules.requireRole(c.actor(), "NOT_A_RECORDS_OFFICER", Role.RECORDS_OFFICER);
        requireState(State.APPROVED, "LOAN_NOT_APPROVED", "the loan is not approved, or already handed over");
        apply(new LoanEvents.Lent(loanId, agencyCode, borrower, letterIds, dueDate, c.actor().ref(), c.at()));
    }

    @CommandHandler
    void handle(LoanCommands.Return c) {
        requireAgency(c.actor());
        ArchiveRules.requireRole(c.actor(), "NOT_A_RECORDS_OFFICER", Role.RECORDS_OFFICER);
        requireState(State.LENT, "LOAN_NOT_LENT", "the letters are not on loan");
        boolean late = c.at().atZone(ThaiText.BANGKOK).toLocalDate().isAfter(dueDate);
        apply(new LoanEvents.Returned(loanId, agencyCode, borrower, letterIds,
                c.returnedBy() == null ? borrower : c.returnedBy(), late, c.actor().ref(), c.at()));
    }

    @CommandHandler
    void handle(LoanCommands.NoticeOverdue c) {
        if (state != State.LENT || overdueNoticed) {
            return; // returned meanwhile, or noticed already: nothing to say
        }
        if (!c.at().atZone(ThaiText.BANGKOK).toLocalDate().isAfter(dueDate)) {
            throw ArchiveException.conflict("LOAN_NOT_DUE", "the loan is not past its due date");
        }
        apply(new LoanEvents.Overdue(loanId, agencyCode, borrower, dueDate, c.at()));
    }

    private void requireAgency(Actor actor) {
        ArchiveRules.requireAgency(actor, agencyCode, "LOAN_NOT_FOUND");
    }

    private void requireState(State wanted, String code, String message) {
        if (state != wanted) {
            throw ArchiveException.conflict(code, message);
        }
    }

    @EventSourcingHandler
    void on(LoanEvents.Requested e) {
        loanId = e.loanId();
        agencyCode = e.agencyCode();
        borrower = e.borrower();
        letterIds = e.items().stream().map(LoanItem::letterId).toList();
        dueDate = e.dueDate();
        state = State.REQUESTED;
    }

    @EventSourcingHandler
    void on(LoanEvents.Approved e) {
        state = State.APPROVED;
    }

    @EventSourcingHandler
    void on(LoanEvents.Rejected e) {
        state = State.REJECTED;
    }

    @EventSourcingHandler
    void on(LoanEvents.Lent e) {
        state = State.LENT;
    }

    @EventSourcingHandler
    void on(LoanEvents.Returned e) {
        state = State.RETURNED;
    }

    @EventSourcingHandler
    void on(LoanEvents.Overdue e) {
        overdueNoticed = true;
    }
}
