package org.saraban.api.archive;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/** The events of a loan card (บัตรยืมหนังสือ). */
public final class LoanEvents {

    private LoanEvents() {
    }

    /** {@code crossAgency}: the borrower belongs to another agency (department-level approval). */
    @Revision("1")
    public record Requested(String loanId, String agencyCode, PersonRef borrower, boolean crossAgency,
                            List<LoanItem> items, String purpose, LocalDate dueDate, PersonRef by, Instant at) {
    }

    @Revision("1")
    public record Approved(String loanId, PersonRef by, Instant at) {
    }

    @Revision("1")
    public record Rejected(String loanId, PersonRef by, String reason, Instant at) {
    }

    /** The letters are on loan to {@code borrower} until they are returned. */
    @Revision("1")
    public record Lent(String loanId, String agencyCode, PersonRef borrower, List<String> letterIds,
                       LocalDate dueDate, PersonRef by, Instant at) {
    }

    @Revision("1")
    public record Returned(String loanId, String agencyCode, PersonRef borrower, List<String> letterIds,
                           PersonRef returnedBy, boolean late, PersonRef by, Instant at) {
    }

    /** The loan passed its due date without the letters returned: an alert to the borrower and the records officers. */
    @Revision("1")
    public record Overdue(String loanId, String agencyCode, PersonRef borrower, LocalDate dueDate, Instant at) {
    }
}
