package org.saraban.command.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.instanceOf;
import static org.saraban.api.common.SarabanException.Kind.CONFLICT;
import static org.saraban.command.Refusals.refused;

import java.time.Instant;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.saraban.api.common.PersonRef;
import org.saraban.api.letter.RegisterBookType;
import org.saraban.api.register.IssueNumberCommand;
import org.saraban.api.register.NumberIssuedEvent;
import org.saraban.api.register.NumberVoidedEvent;
import org.saraban.api.register.RegisterBookId;
import org.saraban.api.register.RegisterException;
import org.saraban.api.register.VoidNumberCommand;

class RegisterBookTest {

    private static final RegisterBookId BOOK = new RegisterBookId("สพร", RegisterBookType.SENT, 2569);
    private static final String ID = BOOK.value();
    private static final PersonRef CLERK = new PersonRef("p-clerk", "นางสาวสารบรรณ", "เจ้าพนักงานธุรการ", "สพร", "๐๑");
    private static final Instant AT = Instant.parse("2026-11-21T02:30:00Z");

    private FixtureConfiguration<RegisterBook> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RegisterBook.class);
    }

    private static NumberIssuedEvent issued(long n, String letterId) {
        return new NumberIssuedEvent(ID, "สพร", RegisterBookType.SENT, 2569, n, letterId, CLERK, AT);
    }

    private static NumberVoidedEvent voided(long n, String letterId) {
        return new NumberVoidedEvent(ID, "สพร", RegisterBookType.SENT, 2569, n, letterId, CLERK, "ยกเลิก", AT);
    }

    @Test
    void the_book_id_names_agency_book_and_buddhist_year() {
        assertThat(ID).isEqualTo("register:สพร:sent:2569");
    }

    @Test
    void a_new_book_issues_number_one() {
        fixture.givenNoPriorActivity()
                .when(new IssueNumberCommand(ID, BOOK, "letter-1", CLERK, AT))
                .expectResultMessagePayload(1L)
                .expectEvents(issued(1, "letter-1"));
    }

    @Test
    void the_next_number_follows_the_last_one() {
        fixture.given(issued(1, "letter-1"))
                .when(new IssueNumberCommand(ID, BOOK, "letter-2", CLERK, AT))
                .expectResultMessagePayload(2L)
                .expectEvents(issued(2, "letter-2"));
    }

    @Test
    void a_voided_number_is_never_issued_again() {
        fixture.given(issued(1, "letter-1"), issued(2, "letter-2"), voided(2, "letter-2"))
                .when(new IssueNumberCommand(ID, BOOK, "letter-3", CLERK, AT))
                .expectResultMessagePayload(3L)
                .expectEvents(issued(3, "letter-3"));
    }

    @Test
    void a_command_for_another_book_than_its_target_is_refused() {
        RegisterBookId circulars = new RegisterBookId("สพร", RegisterBookType.CIRCULAR, 2569);
        fixture.givenNoPriorActivity()
                .when(new IssueNumberCommand(ID, circulars, "letter-1", CLERK, AT))
                .expectException(allOf(instanceOf(RegisterException.class),
                        refused(CONFLICT, "REGISTER_BOOK_MISMATCH")))
                .expectNoEvents();
    }

    @Test
    void an_issued_number_is_voided_and_stays_in_the_book() {
        fixture.given(issued(1, "letter-1"), issued(2, "letter-2"))
                .when(new VoidNumberCommand(ID, 1, "letter-1", CLERK, "ยกเลิก", AT))
                .expectEvents(voided(1, "letter-1"));
    }

    @Test
    void a_number_never_issued_cannot_be_voided() {
        fixture.given(issued(1, "letter-1"))
                .when(new VoidNumberCommand(ID, 2, "letter-2", CLERK, "ยกเลิก", AT))
                .expectException(refused(CONFLICT, "NUMBER_NOT_ISSUED"))
                .expectNoEvents();
    }

    @Test
    void number_zero_was_never_issued() {
        fixture.given(issued(1, "letter-1"))
                .when(new VoidNumberCommand(ID, 0, "letter-1", CLERK, "ยกเลิก", AT))
                .expectException(refused(CONFLICT, "NUMBER_NOT_ISSUED"))
                .expectNoEvents();
    }

    @Test
    void a_number_is_voided_only_once() {
        fixture.given(issued(1, "letter-1"), voided(1, "letter-1"))
                .when(new VoidNumberCommand(ID, 1, "letter-1", CLERK, "อีกครั้ง", AT))
                .expectException(refused(CONFLICT, "NUMBER_ALREADY_VOIDED"))
                .expectNoEvents();
    }
}
