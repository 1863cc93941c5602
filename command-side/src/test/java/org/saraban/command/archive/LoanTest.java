package org.saraban.command.archive;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.saraban.api.archive.ArchiveException;
import org.saraban.api.archive.LoanCommands;
import org.saraban.api.archive.LoanEvents;
import org.saraban.api.archive.LoanItem;
import org.saraban.api.common.Actor;
import org.saraban.api.common.PersonRef;
import org.saraban.api.common.Role;

/** The loan card: purpose, due date, outsiders, secret letters, approval, handover, return and the overdue alert. */
class LoanTest {

    private static final String LOAN = "loan-1";
    private static final Instant MONDAY = Instant.parse("2026-03-02T03:00:00Z"); // 2 March 2026, Bangkok morning
    private static final LocalDate DUE = LocalDate.of(2026, 3, 16);
    private static final Actor RECORDS = actor("p-records", "สพร", Role.RECORDS_OFFICER);
    private static final Actor OFFICER = actor("p-officer", "สพร", Role.OFFICER);
    private static final Actor HEAD = actor("p-head", "สพร", Role.APPROVER);
    private static final LoanItem ITEM = new LoanItem("l-1", "สพร ๐๒/๑๒", "รายงานการตรวจสอบ", "๒.๑", false);
    private static final LoanItem SECRET = new LoanItem("l-9", "สพร ๐๒/๑๓", "เรื่องลับ", "๒.๑", true);

    private AggregateTestFixture<Loan> fixture;

    private static Actor actor(String id, String agency, Role role) {
        return new Actor(id, "ผู้ใช้ " + id, "ตำแหน่ง", agency, "๐๒", Set.of(role), null);
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Loan.class);
    }

    private static LoanEvents.Requested requested() {
        return new LoanEvents.Requested(LOAN, "สพร", OFFICER.ref(), false, List.of(ITEM), "ใช้ประกอบการตรวจสอบ", DUE,
                OFFICER.ref(), MONDAY);
    }

    private static LoanEvents.Lent lent() {
        return new LoanEvents.Lent(LOAN, "สพร", OFFICER.ref(), List.of("l-1"), DUE, RECORDS.ref(), MONDAY);
    }

    @Test
    void a_borrower_asks_with_the_purpose_and_a_due_date() {
        fixture.givenNoPriorActivity()
                .when(new LoanCommands.Request(LOAN, OFFICER, OFFICER.ref(), List.of(ITEM), List.of(),
                        " ใช้ประกอบการตรวจสอบ ", DUE, MONDAY))
                .expectEvents(requested());
        fixture.givenNoPriorActivity()
                .when(new LoanCommands.Request(LOAN, OFFICER, OFFICER.ref(), List.of(ITEM), List.of(), " ", DUE, MONDAY))
                .expectException(ArchiveException.class).expectExceptionMessage("the borrower states the official purpose");
        fixture.givenNoPriorActivity()
                .when(new LoanCommands.Request(LOAN, OFFICER, OFFICER.ref(), List.of(ITEM), List.of(), "ใช้",
                        LocalDate.of(2026, 3, 2), MONDAY))
                .expectExceptionMessage("the due date is after today and within 90 days").expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new LoanCommands.Request(LOAN, OFFICER, OFFICER.ref(), List.of(ITEM), List.of(), "ใช้",
                        LocalDate.of(2026, 6, 1), MONDAY))
                .expectExceptionMessage("the due date is after today and within 90 days").expectNoEvents();
    }

    @Test
    void outsiders_may_not_borrow_and_only_a_records_officer_asks_for_someone_else() {
        PersonRef outsider = new PersonRef("x-1", "นายบุคคล ภายนอก", "ประชาชน", null, null);
        fixture.givenNoPriorActivity()
                .when(new LoanCommands.Request(LOAN, RECORDS, outsider, List.of(ITEM), List.of(), "ใช้", DUE, MONDAY))
                .expectExceptionMessage("outsiders may not borrow; they may inspect or copy with a division head's permission")
                .expectNoEvents();
        Actor other = actor("p-other", "สพร", Role.OFFICER);
        fixture.givenNoPriorActivity()
                .when(new LoanCommands.Request(LOAN, other, OFFICER.ref(), List.of(ITEM), List.of(), "ใช้", DUE, MONDAY))
                .expectExceptionMessage("a loan for someone else is recorded by a records officer").expectNoEvents();
        PersonRef elsewhere = actor("p-soc", "นร ๐๕", Role.OFFICER).ref();
        fixture.givenNoPriorActivity()
                .when(new LoanCommands.Request(LOAN, RECORDS, elsewhere, List.of(ITEM), List.of(), "ใช้", DUE, MONDAY))
                .expectEvents(new LoanEvents.Requested(LOAN, "สพร", elsewhere, true, List.of(ITEM), "ใช้", DUE,
                        RECORDS.ref(), MONDAY));
    }

    @Test
    void a_secret_letter_is_lent_only_to_a_borrower_with_a_grant_for_it() {
        fixture.givenNoPriorActivity()
                .when(new LoanCommands.Request(LOAN, OFFICER, OFFICER.ref(), List.of(ITEM, SECRET), List.of(), "ใช้",
                        DUE, MONDAY))
                .expectExceptionMessage("a secret letter is lent only to a borrower with a named grant for it")
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new LoanCommands.Request(LOAN, OFFICER, OFFICER.ref(), List.of(SECRET), List.of("l-9"), "ใช้",
                        DUE, MONDAY))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void the_head_approves_but_never_their_own_loan_and_a_refusal_has_its_reason() {
        fixture.given(requested()).when(new LoanCommands.Approve(LOAN, HEAD, MONDAY))
                .expectEvents(new LoanEvents.Approved(LOAN, HEAD.ref(), MONDAY));
        fixture.given(requested()).when(new LoanCommands.Approve(LOAN, RECORDS, MONDAY))
                .expectExceptionMessage("only an approver may").expectNoEvents();
        Actor headBorrowing = actor("p-head", "สพร", Role.APPROVER);
        fixture.given(new LoanEvents.Requested(LOAN, "สพร", headBorrowing.ref(), false, List.of(ITEM), "ใช้", DUE,
                        headBorrowing.ref(), MONDAY))
                .when(new LoanCommands.Approve(LOAN, headBorrowing, MONDAY))
                .expectExceptionMessage("a borrower does not approve their own loan").expectNoEvents();
        fixture.given(requested()).when(new LoanCommands.Reject(LOAN, HEAD, "", MONDAY))
                .expectExceptionMessage("a refusal gives its reason").expectNoEvents();
        fixture.given(requested()).when(new LoanCommands.Approve(LOAN, actor("p-soc", "นร ๐๕", Role.APPROVER), MONDAY))
                .expectExceptionMessage("not found").expectNoEvents();
    }

    @Test
    void letters_are_handed_over_only_after_approval_and_come_back_once() {
        fixture.given(requested()).when(new LoanCommands.HandOver(LOAN, RECORDS, MONDAY))
                .expectExceptionMessage("the loan is not approved, or already handed over").expectNoEvents();
        fixture.given(requested(), new LoanEvents.Approved(LOAN, HEAD.ref(), MONDAY))
                .when(new LoanCommands.HandOver(LOAN, RECORDS, MONDAY)).expectEvents(lent());
        Instant back = Instant.parse("2026-03-17T03:00:00Z");
        fixture.given(requested(), new LoanEvents.Approved(LOAN, HEAD.ref(), MONDAY), lent())
                .when(new LoanCommands.Return(LOAN, RECORDS, null, back))
                .expectEvents(new LoanEvents.Returned(LOAN, "สพร", OFFICER.ref(), List.of("l-1"), OFFICER.ref(), true,
                        RECORDS.ref(), back));
        fixture.given(requested(), new LoanEvents.Approved(LOAN, HEAD.ref(), MONDAY), lent(),
                        new LoanEvents.Returned(LOAN, "สพร", OFFICER.ref(), List.of("l-1"), OFFICER.ref(), false,
                                RECORDS.ref(), MONDAY))
                .when(new LoanCommands.Return(LOAN, RECORDS, null, back))
                .expectExceptionMessage("the letters are not on loan").expectNoEvents();
    }

    @Test
    void an_overdue_loan_raises_one_alert() {
        Instant dueDay = Instant.parse("2026-03-16T10:00:00Z");
        Instant dayAfter = Instant.parse("2026-03-17T01:00:00Z");
        fixture.given(requested(), new LoanEvents.Approved(LOAN, HEAD.ref(), MONDAY), lent())
                .when(new LoanCommands.NoticeOverdue(LOAN, dueDay))
                .expectExceptionMessage("the loan is not past its due date").expectNoEvents();
        fixture.given(requested(), new LoanEvents.Approved(LOAN, HEAD.ref(), MONDAY), lent())
                .when(new LoanCommands.NoticeOverdue(LOAN, dayAfter))
                .expectEvents(new LoanEvents.Overdue(LOAN, "สพร", OFFICER.ref(), DUE, dayAfter));
        fixture.given(requested(), new LoanEvents.Approved(LOAN, HEAD.ref(), MONDAY), lent(),
                        new LoanEvents.Overdue(LOAN, "สพร", OFFICER.ref(), DUE, dayAfter))
                .when(new LoanCommands.NoticeOverdue(LOAN, dayAfter)).expectNoEvents();
    }
}
