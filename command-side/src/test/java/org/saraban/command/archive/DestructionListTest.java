package org.saraban.command.archive;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.saraban.api.archive.ArchiveException;
import org.saraban.api.archive.DestructionCommands;
import org.saraban.api.archive.DestructionEvents;
import org.saraban.api.archive.DestructionItem;
import org.saraban.api.common.Actor;
import org.saraban.api.common.PersonRef;
import org.saraban.api.common.Role;

/** The destruction list's rules (ข้อ ๖๖–๗๐): who does each step, the committee's size, the archives' window. */
class DestructionListTest {

    private static final String LIST = "list-1";
    private static final Instant SURVEY = Instant.parse("2026-01-20T03:00:00Z");
    private static final Actor RECORDS = actor("p-records", Role.RECORDS_OFFICER);
    private static final Actor HEAD = actor("p-head", Role.APPROVER);
    private static final Actor OFFICER = actor("p-officer", Role.OFFICER);
    private static final PersonRef CHAIR = new PersonRef("p-chair", "นายประธาน ทำลาย", "ผู้อำนวยการกอง", "สพร", "๐๑");
    private static final PersonRef M1 = new PersonRef("p-m1", "นางสาวหนึ่ง", "นักจัดการงานทั่วไป", "สพร", "๐๔");
    private static final PersonRef M2 = new PersonRef("p-m2", "นายสอง", "เจ้าพนักงานธุรการ", "สพร", "๐๔");
    private static final Actor CHAIR_ACTOR = new Actor("p-chair", CHAIR.displayName(), CHAIR.position(), "สพร", "๐๑",
            Set.of(Role.OFFICER), null);
    private static final DestructionItem OLD = new DestructionItem("letter-1", "สพร ๒๕๕๗/๑๒", "2014-03-01",
            "ขอเชิญประชุม", "๒.๑", 2567, List.of("sha-a"));
    private static final DestructionItem OLDER = new DestructionItem("letter-2", "สพร ๒๕๕๗/๑๓", "2014-03-02",
            "ขอส่งรายงาน", "๒.๑", 2567, List.of("sha-b", "sha-c"));

    private AggregateTestFixture<DestructionList> fixture;

    private static Actor actor(String id, Role role) {
        return new Actor(id, "ผู้ใช้ " + id, "ตำแหน่ง", "สพร", "๐๔", Set.of(role), null);
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DestructionList.class);
    }

    private DestructionEvents.ListPrepared prepared() {
        return new DestructionEvents.ListPrepared(LIST, "สพร", 2568, List.of(OLD, OLDER), false, RECORDS.ref(), SURVEY);
    }

    private Object[] approvedHistory() {
        return new Object[] {prepared(),
                new DestructionEvents.CommitteeAppointed(LIST, CHAIR, List.of(M1, M2), HEAD.ref(), SURVEY),
                new DestructionEvents.ListReviewed(LIST, List.of("letter-2"), "เก็บไว้อีก ๕ ปี", CHAIR_ACTOR.ref(), SURVEY),
                new DestructionEvents.ListApproved(LIST, SURVEY.plusSeconds(60L * 86400), HEAD.ref(), SURVEY)};
    }

    @Test
    void a_records_officer_prepares_the_list_and_a_survey_after_60_days_is_marked_late() {
        fixture.givenNoPriorActivity()
                .when(new DestructionCommands.Prepare(LIST, RECORDS, 2568, List.of(OLD, OLDER), SURVEY))
                .expectEvents(prepared());
        fixture.givenNoPriorActivity()
                .when(new DestructionCommands.Prepare(LIST, RECORDS, 2568, List.of(OLD), Instant.parse("2026-03-10T03:00:00Z")))
                .expectEvents(new DestructionEvents.ListPrepared(LIST, "สพร", 2568, List.of(OLD), true, RECORDS.ref(),
                        Instant.parse("2026-03-10T03:00:00Z")));
        fixture.givenNoPriorActivity()
                .when(new DestructionCommands.Prepare(LIST, OFFICER, 2568, List.of(OLD), SURVEY))
                .expectException(ArchiveException.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new DestructionCommands.Prepare(LIST, RECORDS, 2569, List.of(OLD), SURVEY))
                .expectExceptionMessage("the survey is of a year that has ended (ข้อ ๖๖: within 60 days after it)")
                .expectNoEvents();
    }

    @Test
    void the_committee_is_a_chair_and_at_least_two_members_appointed_by_the_head() {
        fixture.given(prepared())
                .when(new DestructionCommands.AppointCommittee(LIST, HEAD, CHAIR, List.of(M1), SURVEY))
                .expectExceptionMessage("a chair and at least two other members, each once (ข้อ ๖๗)").expectNoEvents();
        fixture.given(prepared())
                .when(new DestructionCommands.AppointCommittee(LIST, HEAD, CHAIR, List.of(M1, CHAIR), SURVEY))
                .expectException(ArchiveException.class).expectNoEvents();
        fixture.given(prepared())
                .when(new DestructionCommands.AppointCommittee(LIST, RECORDS, CHAIR, List.of(M1, M2), SURVEY))
                .expectException(ArchiveException.class).expectNoEvents();
        fixture.given(prepared())
                .when(new DestructionCommands.AppointCommittee(LIST, HEAD, CHAIR, List.of(M1, M2), SURVEY))
                .expectEvents(new DestructionEvents.CommitteeAppointed(LIST, CHAIR, List.of(M1, M2), HEAD.ref(), SURVEY));
    }

    @Test
    void only_the_chair_reports_and_the_head_approves_only_a_reviewed_list() {
        fixture.given(prepared(), new DestructionEvents.CommitteeAppointed(LIST, CHAIR, List.of(M1, M2), HEAD.ref(), SURVEY))
                .when(new DestructionCommands.Review(LIST, RECORDS, List.of(), null, SURVEY))
                .expectException(ArchiveException.class).expectNoEvents();
        fixture.given(prepared(), new DestructionEvents.CommitteeAppointed(LIST, CHAIR, List.of(M1, M2), HEAD.ref(), SURVEY))
                .when(new DestructionCommands.Approve(LIST, HEAD, SURVEY))
                .expectExceptionMessage("the committee has not reported on the list").expectNoEvents();
        fixture.given(prepared(), new DestructionEvents.CommitteeAppointed(LIST, CHAIR, List.of(M1, M2), HEAD.ref(), SURVEY))
                .when(new DestructionCommands.Review(LIST, CHAIR_ACTOR, List.of("letter-9"), null, SURVEY))
                .expectException(ArchiveException.class).expectNoEvents();
    }

    @Test
    void nothing_is_destroyed_while_the_archives_may_object_or_after_they_did() {
        fixture.given(approvedHistory())
                .when(new DestructionCommands.Destroy(LIST, RECORDS, SURVEY.plusSeconds(59L * 86400)))
                .expectException(ArchiveException.class).expectNoEvents();
        Object[] objected = append(approvedHistory(),
                new DestructionEvents.ArchivesReplied(LIST, true, "ขอให้เก็บไว้", RECORDS.ref(), SURVEY));
        fixture.given(objected)
                .when(new DestructionCommands.Destroy(LIST, RECORDS, SURVEY.plusSeconds(90L * 86400)))
                .expectExceptionMessage("the National Archives objected: nothing is destroyed").expectNoEvents();
    }

    @Test
    void after_the_window_the_listed_letters_but_those_kept_longer_are_destroyed_once() {
        Instant after = SURVEY.plusSeconds(61L * 86400);
        fixture.given(approvedHistory())
                .when(new DestructionCommands.Destroy(LIST, RECORDS, after))
                .expectEvents(new DestructionEvents.LettersDestroyed(LIST, "สพร", List.of(OLD), RECORDS.ref(), after));
        Object[] agreed = append(approvedHistory(),
                new DestructionEvents.ArchivesReplied(LIST, false, "ไม่ขัดข้อง", RECORDS.ref(), SURVEY));
        fixture.given(agreed)
                .when(new DestructionCommands.Destroy(LIST, RECORDS, SURVEY.plusSeconds(86400)))
                .expectSuccessfulHandlerExecution();
        fixture.given(append(approvedHistory(), new DestructionEvents.LettersDestroyed(LIST, "สพร", List.of(OLD),
                        RECORDS.ref(), after)))
                .when(new DestructionCommands.Destroy(LIST, RECORDS, after))
                .expectException(ArchiveException.class).expectNoEvents();
    }

    private static Object[] append(Object[] history, Object event) {
        Object[] out = java.util.Arrays.copyOf(history, history.length + 1);
        out[history.length] = event;
        return out;
    }
}
