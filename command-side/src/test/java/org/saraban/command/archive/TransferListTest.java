package org.saraban.command.archive;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.saraban.api.archive.ArchiveException;
import org.saraban.api.archive.TransferCommands;
import org.saraban.api.archive.TransferEvents;
import org.saraban.api.archive.TransferItem;
import org.saraban.api.common.Actor;
import org.saraban.api.common.Role;

/** The 20-year lists: who prepares and approves, reasons to keep, one list per letter, the 31 January deadline. */
class TransferListTest {

    private static final String LIST = "t-1";
    private static final Instant JANUARY = Instant.parse("2026-01-15T03:00:00Z"); // BE 2569
    private static final Actor RECORDS = actor("p-records", Role.RECORDS_OFFICER);
    private static final Actor HEAD = actor("p-head", Role.APPROVER);
    private static final TransferItem OLD = new TransferItem("l-1", "สพร ๒๕๔๘/๑", "2005-03-01", "เรื่องเก่า", "๒.๑", null);
    private static final TransferItem KEPT = new TransferItem("l-2", "สพร ๒๕๔๘/๒", "2005-03-02", "คดีที่ยังพิจารณา",
            "๒.๑", "ใช้เป็นหลักฐานในคดี");

    private AggregateTestFixture<TransferList> fixture;

    private static Actor actor(String id, Role role) {
        return new Actor(id, "ผู้ใช้ " + id, "ตำแหน่ง", "สพร", "๐๔", Set.of(role), null);
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TransferList.class);
    }

    private TransferEvents.ListsPrepared prepared() {
        return new TransferEvents.ListsPrepared(LIST, "สพร", 2568, List.of(OLD), List.of(KEPT), false, RECORDS.ref(),
                JANUARY);
    }

    @Test
    void a_records_officer_prepares_both_lists_by_31_january_and_a_kept_letter_has_its_reason() {
        fixture.givenNoPriorActivity()
                .when(new TransferCommands.Prepare(LIST, RECORDS, 2568, List.of(OLD), List.of(KEPT), JANUARY))
                .expectEvents(prepared());
        Instant february = Instant.parse("2026-02-02T03:00:00Z");
        fixture.givenNoPriorActivity()
                .when(new TransferCommands.Prepare(LIST, RECORDS, 2568, List.of(OLD), List.of(), february))
                .expectEvents(new TransferEvents.ListsPrepared(LIST, "สพร", 2568, List.of(OLD), List.of(), true,
                        RECORDS.ref(), february));
        fixture.givenNoPriorActivity()
                .when(new TransferCommands.Prepare(LIST, RECORDS, 2568, List.of(), List.of(new TransferItem("l-2", null,
                        null, null, null, " ")), JANUARY))
                .expectExceptionMessage("a letter the agency keeps needs its reason").expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new TransferCommands.Prepare(LIST, RECORDS, 2568, List.of(OLD), List.of(new TransferItem("l-1",
                        null, null, null, null, "ยังใช้")), JANUARY))
                .expectException(ArchiveException.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new TransferCommands.Prepare(LIST, HEAD, 2568, List.of(OLD), List.of(), JANUARY))
                .expectException(ArchiveException.class).expectNoEvents();
    }

    @Test
    void the_handover_needs_the_heads_approval_and_is_recorded_once() {
        fixture.given(prepared())
                .when(new TransferCommands.RecordHandover(LIST, RECORDS, "กศ ๐๔๐๑/๑๒", JANUARY))
                .expectExceptionMessage("the head has not approved the lists").expectNoEvents();
        fixture.given(prepared())
                .when(new TransferCommands.Approve(LIST, RECORDS, JANUARY))
                .expectException(ArchiveException.class).expectNoEvents();
        fixture.given(prepared(), new TransferEvents.ListsApproved(LIST, HEAD.ref(), JANUARY))
                .when(new TransferCommands.RecordHandover(LIST, RECORDS, "กศ ๐๔๐๑/๑๒", JANUARY))
                .expectEvents(new TransferEvents.LettersTransferred(LIST, "สพร", List.of(OLD), "กศ ๐๔๐๑/๑๒",
                        RECORDS.ref(), JANUARY));
        fixture.given(prepared(), new TransferEvents.ListsApproved(LIST, HEAD.ref(), JANUARY),
                        new TransferEvents.LettersTransferred(LIST, "สพร", List.of(OLD), "x", RECORDS.ref(), JANUARY))
                .when(new TransferCommands.RecordHandover(LIST, RECORDS, "again", JANUARY))
                .expectException(ArchiveException.class).expectNoEvents();
    }
}
