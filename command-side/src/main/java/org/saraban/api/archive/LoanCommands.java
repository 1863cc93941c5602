package org.saraban.api.archive;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.saraban.api.common.Actor;
import org.saraban.api.common.PersonRef;

/**
 * Lending filed letters (การยืม, ระเบียบงานสารบรรณ ข้อ ๖๒–๖๕; DOMAIN.md §1.11): a request with its official
 * purpose and due date, the approval, the handover that starts the loan card, the return, and the alert when
 * a loan is overdue.
 */
public final class LoanCommands {

    private LoanCommands() {
    }

    /**
     * A loan of the agency's filed letters to {@code borrower} (a person of this or another government agency;
     * outsiders may not borrow). {@code secretGranted}: the secret letters among the items for which
     * the borrower holds a named grant.
     */
    public record Request(@TargetAggregateIdentifier String loanId, Actor actor, PersonRef borrower,
                          List<LoanItem> items, List<String> secretGranted, String purpose, LocalDate dueDate,
                          Instant at) {
    }

    /** The head approves (within the agency: the division's head; across agencies: recorded as such). */
    public record Approve(@TargetAggregateIdentifier String loanId, Actor actor, Instant at) {
    }

    public record Reject(@TargetAggregateIdentifier String loanId, Actor actor, String reason, Instant at) {
    }

    /** The records officer hands the letters over; the borrower is the recipient (ผู้รับ) from now. */
    public record HandOver(@TargetAggregateIdentifier String loanId, Actor actor, Instant at) {
    }

    /** The letters came back ({@code returnedBy}: ผู้ส่งคืน), received by the records officer. */
    public record Return(@TargetAggregateIdentifier String loanId, Actor actor, PersonRef returnedBy, Instant at) {
    }

    /** The scheduler notices a loan past its due date, once. */
    public record NoticeOverdue(@TargetAggregateIdentifier String loanId, Instant at) {
    }
}
