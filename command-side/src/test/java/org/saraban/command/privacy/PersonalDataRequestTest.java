package org.saraban.command.privacy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.saraban.api.common.Actor;
import org.saraban.api.common.Role;
import org.saraban.api.privacy.PdpaCommands;
import org.saraban.api.privacy.PdpaCommands.Kind;
import org.saraban.api.privacy.PdpaCommands.Outcome;
import org.saraban.api.privacy.PdpaEvents;

/** PDPA requests: who records and decides, the answer-by dates, what a refusal or a redaction must say. */
class PersonalDataRequestTest {

    private static final String REQ = "pdpa-1";
    private static final Instant AT = Instant.parse("2026-06-01T03:00:00Z");
    private static final Actor RECORDS = new Actor("p-r", "ผู้เก็บ", "เจ้าหน้าที่", "สพร", "๐๔",
            Set.of(Role.RECORDS_OFFICER), null);
    private static final Actor HEAD = new Actor("p-h", "หัวหน้า", "ผู้อำนวยการ", "สพร", "๐๑", Set.of(Role.APPROVER), null);
    private static final List<String> TERMS = List.of("นายสมศักดิ์ ใจดี", "081 234 5678");

    private AggregateTestFixture<PersonalDataRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PersonalDataRequest.class);
    }

    private static PdpaEvents.Received received(Kind kind, LocalDate answerBy) {
        return new PdpaEvents.Received(REQ, "สพร", kind, "นายสมศักดิ์ ใจดี", null, List.of("l-1"), TERMS, answerBy,
                RECORDS.ref(), AT);
    }

    @Test
    void a_request_is_due_in_30_days_or_90_for_erasure() {
        fixture.givenNoPriorActivity()
                .when(new PdpaCommands.Receive(REQ, RECORDS, Kind.ERASURE, " นายสมศักดิ์ ใจดี ", null, List.of("l-1"),
                        List.of(" นายสมศักดิ์ ใจดี", "081 234 5678", " "), AT))
                .expectEvents(received(Kind.ERASURE, LocalDate.of(2026, 8, 30)));
        fixture.givenNoPriorActivity()
                .when(new PdpaCommands.Receive(REQ, RECORDS, Kind.ACCESS, "นายสมศักดิ์ ใจดี", null, List.of("l-1"),
                        TERMS, AT))
                .expectEvents(received(Kind.ACCESS, LocalDate.of(2026, 7, 1)));
        fixture.givenNoPriorActivity()
                .when(new PdpaCommands.Receive(REQ, HEAD, Kind.ACCESS, "นายสมศักดิ์ ใจดี", null, null, null, AT))
                .expectExceptionMessage("a records officer records PDPA requests").expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new PdpaCommands.Receive(REQ, RECORDS, Kind.ERASURE, "นายสมศักดิ์ ใจดี", null, null,
                        List.of("นา"), AT))
                .expectExceptionMessage("each personal datum is at least 3 characters").expectNoEvents();
    }

    @Test
    void the_head_decides_once_and_a_refusal_or_redaction_states_its_basis() {
        PdpaEvents.Received erasure = received(Kind.ERASURE, LocalDate.of(2026, 8, 30));
        fixture.given(erasure)
                .when(new PdpaCommands.Decide(REQ, HEAD, Outcome.REDACTED, "มาตรา ๒๔(๔)", " ", AT))
                .expectExceptionMessage("a refusal or a redaction states its legal basis and reason").expectNoEvents();
        fixture.given(erasure)
                .when(new PdpaCommands.Decide(REQ, RECORDS, Outcome.REDACTED, "มาตรา ๒๔(๔)", "หนังสือราชการต้องเก็บ", AT))
                .expectExceptionMessage("the head decides PDPA requests").expectNoEvents();
        fixture.given(erasure)
                .when(new PdpaCommands.Decide(REQ, HEAD, Outcome.REDACTED, "มาตรา ๒๔(๔)", "หนังสือราชการต้องเก็บ", AT))
                .expectEvents(new PdpaEvents.Decided(REQ, "สพร", Kind.ERASURE, Outcome.REDACTED, "มาตรา ๒๔(๔)",
                        "หนังสือราชการต้องเก็บ", List.of("l-1"), TERMS, false, HEAD.ref(), AT));
        Instant late = Instant.parse("2026-09-01T03:00:00Z");
        fixture.given(erasure, new PdpaEvents.Decided(REQ, "สพร", Kind.ERASURE, Outcome.GRANTED, null, null,
                        List.of("l-1"), TERMS, false, HEAD.ref(), AT))
                .when(new PdpaCommands.Decide(REQ, HEAD, Outcome.GRANTED, null, null, late))
                .expectExceptionMessage("the request is decided").expectNoEvents();
        fixture.given(erasure)
                .when(new PdpaCommands.Decide(REQ, HEAD, Outcome.GRANTED, null, null, late))
                .expectEvents(new PdpaEvents.Decided(REQ, "สพร", Kind.ERASURE, Outcome.GRANTED, null, null,
                        List.of("l-1"), TERMS, true, HEAD.ref(), late));
        fixture.given(received(Kind.ACCESS, LocalDate.of(2026, 7, 1)))
                .when(new PdpaCommands.Decide(REQ, HEAD, Outcome.REDACTED, "มาตรา ๒๔(๔)", "เหตุผล", AT))
                .expectExceptionMessage("redaction answers erasure, restriction or objection").expectNoEvents();
        Actor otherHead = new Actor("p-x", "หัวหน้า", "ผู้อำนวยการ", "นร ๐๕", "๐๑", Set.of(Role.APPROVER), null);
        fixture.given(erasure).when(new PdpaCommands.Decide(REQ, otherHead, Outcome.GRANTED, null, null, AT))
                .expectExceptionMessage("not found").expectNoEvents();
    }
}
