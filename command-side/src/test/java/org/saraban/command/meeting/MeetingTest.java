package org.saraban.command.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.saraban.api.common.SarabanException.Kind.CONFLICT;
import static org.saraban.api.common.SarabanException.Kind.FORBIDDEN;
import static org.saraban.api.common.SarabanException.Kind.NOT_FOUND;
import static org.saraban.command.Refusals.invalidFields;
import static org.saraban.command.Refusals.refused;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.saraban.api.common.Actor;
import org.saraban.api.common.Role;
import org.saraban.api.meeting.AddAgendaItemCommand;
import org.saraban.api.meeting.AttachRecordingCommand;
import org.saraban.api.meeting.FloorGivenEvent;
import org.saraban.api.meeting.FloorRequestedEvent;
import org.saraban.api.meeting.GiveFloorCommand;
import org.saraban.api.meeting.MeetingDocument;
import org.saraban.api.meeting.MeetingSuspendedEvent;
import org.saraban.api.meeting.MuteParticipantCommand;
import org.saraban.api.meeting.ParticipantMutedEvent;
import org.saraban.api.meeting.ProblemReportedEvent;
import org.saraban.api.meeting.RecordingAttachedEvent;
import org.saraban.api.meeting.ReportProblemCommand;
import org.saraban.api.meeting.RequestFloorCommand;
import org.saraban.api.meeting.SuspendMeetingCommand;
import org.saraban.api.meeting.BallotCastEvent;
import org.saraban.api.meeting.CastVoteCommand;
import org.saraban.api.meeting.ClosePollCommand;
import org.saraban.api.meeting.OpenPollCommand;
import org.saraban.api.meeting.PollClosedEvent;
import org.saraban.api.meeting.PollOpenedEvent;
import org.saraban.api.meeting.RecordResolutionCommand;
import org.saraban.api.meeting.ResolutionRecordedEvent;
import org.saraban.api.meeting.ResolutionType;
import org.saraban.api.meeting.VoteCastEvent;
import org.saraban.api.meeting.AgendaItemAddedEvent;
import org.saraban.api.meeting.AgendaItemStartedEvent;
import org.saraban.api.meeting.AgendaSection;
import org.saraban.api.meeting.CloseMeetingCommand;
import org.saraban.api.meeting.CommitteeCreatedEvent;
import org.saraban.api.meeting.CommitteeMember;
import org.saraban.api.meeting.CommitteeRole;
import org.saraban.api.meeting.ConflictOfInterestDeclaredEvent;
import org.saraban.api.meeting.CreateCommitteeCommand;
import org.saraban.api.meeting.DeclareConflictCommand;
import org.saraban.api.meeting.JoinMeetingCommand;
import org.saraban.api.meeting.LeaveMeetingCommand;
import org.saraban.api.meeting.MeetingClosedEvent;
import org.saraban.api.meeting.MeetingNumberIssuedEvent;
import org.saraban.api.meeting.MeetingOpenedEvent;
import org.saraban.api.meeting.MeetingScheduledEvent;
import org.saraban.api.meeting.MeetingType;
import org.saraban.api.meeting.OpenMeetingCommand;
import org.saraban.api.meeting.ParticipantIdentityVerifiedEvent;
import org.saraban.api.meeting.ParticipantJoinedEvent;
import org.saraban.api.meeting.ParticipantLeftEvent;
import org.saraban.api.meeting.QuorumChangedEvent;
import org.saraban.api.meeting.QuorumRule;
import org.saraban.api.meeting.ScheduleMeetingCommand;
import org.saraban.api.meeting.StartAgendaItemCommand;

/**
 * Committees and the session of a meeting: numbering per calendar year, the six-section agenda, joins after
 * identity verification with traffic data, the quorum on every change and per item with recusals, and the
 * chair's control. A committee of nine as in {@code ../shared/samples/meetings/committee-01.json}.
 */
class MeetingTest {

    static final String AGENCY = "สพร";
    static final String COMMITTEE = "committee-1";
    static final String MEETING = "meeting-1";
    static final Instant AT = Instant.parse("2025-03-04T02:00:00Z");
    static final Instant STARTS = Instant.parse("2025-03-18T02:30:00Z");

    static final Actor CLERK = actor("p-clerk", "นางสาวสารบรรณ", AGENCY, Role.CLERK);
    static final Actor CHAIR = actor("p-1", "นายวรวุฒิ ศรีสวัสดิ์วงศ์", AGENCY, Role.APPROVER);
    static final Actor SECRETARY = actor("p-9", "นางสาวณัฐธิดา ใจงาม", AGENCY, Role.OFFICER);
    static final Actor OUTSIDER = actor("p-x", "นายคนนอก", "กค", Role.CLERK);
    static final Actor COLLEAGUE = actor("p-colleague", "นายเพื่อนร่วมงาน", AGENCY, Role.OFFICER);
    static final Actor INVITEE = actor("p-invitee", "นายผู้ชี้แจง", "นร ๑๒", Role.OFFICER);

    static Actor actor(String id, String name, String agency, Role... roles) {
        return new Actor(id, name, "ตำแหน่งของ " + name, agency, null, Set.of(roles), "PASSWORD");
    }

    /** Member {@code n} of nine (1 is the chair, 9 the secretary), as an actor of their own agency. */
    static Actor member(int n) {
        return n == 1 ? CHAIR : n == 9 ? SECRETARY : actor("p-" + n, "กรรมการคนที่ " + n, "นร ๐๕", Role.OFFICER);
    }

    static List<CommitteeMember> members() {
        List<CommitteeMember> members = new ArrayList<>();
        for (int n = 1; n <= 9; n++) {
            Actor a = member(n);
            CommitteeRole role = n == 1 ? CommitteeRole.CHAIR : n == 9 ? CommitteeRole.SECRETARY : CommitteeRole.MEMBER;
            members.add(new CommitteeMember(a.personId(), a.displayName(), a.position(), a.agencyCode(),
                    n == 1 ? "ประธานกรรมการ" : n == 9 ? "กรรมการและเลขานุการ" : "กรรมการ", role));
        }
        members.add(new CommitteeMember(INVITEE.personId(), INVITEE.displayName(), INVITEE.position(),
                INVITEE.agencyCode(), "ผู้เข้าร่วมประชุม", CommitteeRole.INVITEE));
        return members;
    }

    static CommitteeCreatedEvent created(MeetingType type) {
        return new CommitteeCreatedEvent(COMMITTEE, AGENCY, "คณะกรรมการขับเคลื่อนระบบสารบรรณอิเล็กทรอนิกส์ภาครัฐ",
                "คำสั่ง ที่ ๑๕/๒๕๖๘", type, members(), QuorumRule.HALF, CLERK.ref(), AT);
    }

    static MeetingScheduledEvent scheduled() {
        return new MeetingScheduledEvent(MEETING, COMMITTEE, AGENCY, created(MeetingType.GENERAL).name(), 2568, 2,
                "ครั้งที่ ๒/๒๕๖๘", "การประชุมคณะกรรมการฯ", STARTS, STARTS.plusSeconds(9000), "ห้องประชุม ๑๗๐๑", true,
                "https://e-meeting.example/join/2", members(), QuorumRule.HALF, SECRETARY.ref(), AT);
    }

    static ScheduleMeetingCommand schedule(String meetingId, Actor by, Instant startsAt, boolean online) {
        return new ScheduleMeetingCommand(meetingId, COMMITTEE, by, "การประชุมคณะกรรมการฯ", startsAt,
                startsAt.plusSeconds(9000), "ห้องประชุม ๑๗๐๑", online, "https://e-meeting.example/join/x", AT);
    }

    @Nested
    class Committees {

        private EmbeddedEventStore meetingStore;
        private FixtureConfiguration<Committee> fixture;

        @BeforeEach
        void setUp() {
            meetingStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
            var meetings = EventSourcingRepository.builder(Meeting.class).eventStore(meetingStore).build();
            AggregateTestFixture<Committee> f = new AggregateTestFixture<>(Committee.class);
            f.registerAnnotatedCommandHandler(new MeetingScheduler(f.getRepository(), meetings));
            fixture = f;
        }

        @AfterEach
        void tearDown() {
            meetingStore.shutDown();
        }

        private List<Object> meetingEvents(String id) {
            return meetingStore.readEvents(id).asStream().map(Message::getPayload).map(Object.class::cast).toList();
        }

        @Test
        void a_clerk_sets_up_a_committee_with_the_default_quorum_of_half() {
            fixture.givenNoPriorActivity()
                    .when(new CreateCommitteeCommand(COMMITTEE, CLERK, created(MeetingType.GENERAL).name(),
                            "คำสั่ง ที่ ๑๕/๒๕๖๘", MeetingType.GENERAL, members(), null, AT))
                    .expectEvents(created(MeetingType.GENERAL));
            assertThat(QuorumRule.HALF.required(9)).isEqualTo(5);
            assertThat(QuorumRule.HALF.required(10)).isEqualTo(5);
        }

        @Test
        void a_committee_needs_exactly_one_chair_and_named_members() {
            List<CommitteeMember> noChair = members().stream().filter(m -> m.role() != CommitteeRole.CHAIR).toList();
            fixture.givenNoPriorActivity()
                    .when(new CreateCommitteeCommand(COMMITTEE, CLERK, "คณะกรรมการ", null, MeetingType.GENERAL,
                            noChair, null, AT))
                    .expectException(invalidFields("COMMITTEE_INVALID", "members"))
                    .expectNoEvents();
        }

        @Test
        void only_a_clerk_sets_up_a_committee() {
            fixture.givenNoPriorActivity()
                    .when(new CreateCommitteeCommand(COMMITTEE, COLLEAGUE, "คณะกรรมการ", null, MeetingType.GENERAL,
                            members(), null, AT))
                    .expectException(refused(FORBIDDEN, "ROLE_REQUIRED"));
        }

        @Test
        void meetings_are_numbered_per_committee_from_one_each_calendar_year_of_the_meeting() {
            fixture.given(created(MeetingType.GENERAL))
                    .when(schedule("m-1", SECRETARY, STARTS, true))
                    .expectResultMessagePayload(Map.of("meetingId", "m-1", "number", "ครั้งที่ ๑/๒๕๖๘"))
                    .expectEvents(new MeetingNumberIssuedEvent(COMMITTEE, 2568, 1, "m-1", SECRETARY.ref(), AT));
            assertThat(meetingEvents("m-1")).singleElement().isInstanceOfSatisfying(MeetingScheduledEvent.class,
                    e -> {
                        assertThat(e.number()).isEqualTo("ครั้งที่ ๑/๒๕๖๘");
                        assertThat(e.members()).hasSize(10);
                        assertThat(e.online()).isTrue();
                    });

            fixture.given(created(MeetingType.GENERAL),
                            new MeetingNumberIssuedEvent(COMMITTEE, 2568, 1, "m-1", SECRETARY.ref(), AT))
                    .when(schedule("m-2", CLERK, STARTS.plusSeconds(30L * 86400), false))
                    .expectResultMessagePayload(Map.of("meetingId", "m-2", "number", "ครั้งที่ ๒/๒๕๖๘"));
            // 1 January 2026 07:00 in Bangkok is in BE 2569: the count starts again
            fixture.given(created(MeetingType.GENERAL),
                            new MeetingNumberIssuedEvent(COMMITTEE, 2568, 2, "m-2", SECRETARY.ref(), AT))
                    .when(schedule("m-3", CHAIR, Instant.parse("2025-12-31T17:00:00Z"), true))
                    .expectResultMessagePayload(Map.of("meetingId", "m-3", "number", "ครั้งที่ ๑/๒๕๖๙"));
        }

        @Test
        void a_procurement_committee_may_not_meet_electronically() {
            fixture.given(created(MeetingType.PROCUREMENT))
                    .when(schedule("m-1", SECRETARY, STARTS, true))
                    .expectException(invalidFields("MEETING_INVALID", "online"))
                    .expectNoEvents();
            fixture.given(created(MeetingType.PROCUREMENT))
                    .when(schedule("m-1", SECRETARY, STARTS, false))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void a_plain_member_does_not_schedule_and_another_agency_does_not_see_the_committee() {
            fixture.given(created(MeetingType.GENERAL))
                    .when(schedule("m-1", member(3), STARTS, true))
                    .expectException(refused(FORBIDDEN, "NOT_AN_ORGANISER"));
            fixture.given(created(MeetingType.GENERAL))
                    .when(schedule("m-1", OUTSIDER, STARTS, true))
                    .expectException(refused(NOT_FOUND, "MEETING_NOT_FOUND"));
        }
    }

    @Nested
    class Session {

        private FixtureConfiguration<Meeting> fixture;

        @BeforeEach
        void setUp() {
            fixture = new AggregateTestFixture<>(Meeting.class);
            fixture.registerInjectableResource(fixture.getEventStore());
        }

        private List<Object> joinedBy(int... numbers) {
            List<Object> history = new ArrayList<>(List.of(scheduled(), new MeetingOpenedEvent(MEETING, CHAIR.ref(), STARTS)));
            for (int n : numbers) {
                history.add(new ParticipantJoinedEvent(MEETING, member(n).ref(), n == 1 ? CommitteeRole.CHAIR
                        : n == 9 ? CommitteeRole.SECRETARY : CommitteeRole.MEMBER, "203.0.113." + n, "browser", STARTS));
            }
            return history;
        }

        private AgendaItemAddedEvent item(String id, AgendaSection section, String number) {
            return new AgendaItemAddedEvent(MEETING, id, section, number, "เรื่อง " + id, null, null, List.of(),
                    SECRETARY.ref(), AT);
        }

        @Test
        void agenda_items_are_numbered_within_their_section() {
            fixture.given(scheduled(), item("a", AgendaSection.FOR_CONSIDERATION, "๕.๑"))
                    .when(new AddAgendaItemCommand(MEETING, "b", SECRETARY, 5, "ขอความเห็นชอบแผน", null, "ฝ่ายเลขานุการ",
                            List.of(), AT))
                    .expectEvents(new AgendaItemAddedEvent(MEETING, "b", AgendaSection.FOR_CONSIDERATION, "๕.๒",
                            "ขอความเห็นชอบแผน", null, "ฝ่ายเลขานุการ", List.of(), SECRETARY.ref(), AT));
            fixture.given(scheduled())
                    .when(new AddAgendaItemCommand(MEETING, "c", SECRETARY, 7, "เรื่อง", null, null, List.of(), AT))
                    .expectException(invalidFields("AGENDA_ITEM_INVALID", "section"));
            fixture.given(scheduled())
                    .when(new AddAgendaItemCommand(MEETING, "c", member(3), 4, "เรื่อง", null, null, List.of(), AT))
                    .expectException(refused(FORBIDDEN, "NOT_AN_ORGANISER"));
        }

        @Test
        void a_member_joins_only_after_verifying_identity_and_the_quorum_is_recomputed() {
            fixture.given(joinedBy(1, 2, 3))
                    .when(new JoinMeetingCommand(MEETING, member(4), "TOTP", "203.0.113.4", "Firefox 140", STARTS))
                    .expectEvents(new ParticipantIdentityVerifiedEvent(MEETING, member(4).ref(), "TOTP", STARTS),
                            new ParticipantJoinedEvent(MEETING, member(4).ref(), CommitteeRole.MEMBER, "203.0.113.4",
                                    "Firefox 140", STARTS),
                            new QuorumChangedEvent(MEETING, 4, 9, 5, false, STARTS));
            fixture.given(joinedBy(1, 2, 3, 4))
                    .when(new JoinMeetingCommand(MEETING, member(5), "PASSWORD", null, null, STARTS))
                    .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                            org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                    org.hamcrest.Matchers.any(Object.class), org.hamcrest.Matchers.any(Object.class),
                                    org.hamcrest.Matchers.equalTo(new QuorumChangedEvent(MEETING, 5, 9, 5, true, STARTS)),
                                    org.axonframework.test.matchers.Matchers.andNoMore())));
            fixture.given(joinedBy(1))
                    .when(new JoinMeetingCommand(MEETING, member(2), null, null, null, STARTS))
                    .expectException(invalidFields("IDENTITY_NOT_VERIFIED", "method"))
                    .expectNoEvents();
        }

        @Test
        void an_invitee_joins_without_counting_for_the_quorum() {
            fixture.given(joinedBy(1))
                    .when(new JoinMeetingCommand(MEETING, INVITEE, "PASSWORD", null, null, STARTS))
                    .expectEvents(new ParticipantIdentityVerifiedEvent(MEETING, INVITEE.ref(), "PASSWORD", STARTS),
                            new ParticipantJoinedEvent(MEETING, INVITEE.ref(), CommitteeRole.INVITEE, null, null, STARTS));
        }

        @Test
        void only_participants_join_and_others_outside_the_agency_do_not_see_the_meeting() {
            fixture.given(joinedBy(1))
                    .when(new JoinMeetingCommand(MEETING, COLLEAGUE, "PASSWORD", null, null, STARTS))
                    .expectException(refused(FORBIDDEN, "NOT_A_PARTICIPANT"));
            fixture.given(joinedBy(1))
                    .when(new JoinMeetingCommand(MEETING, OUTSIDER, "PASSWORD", null, null, STARTS))
                    .expectException(refused(NOT_FOUND, "MEETING_NOT_FOUND"));
            fixture.given(joinedBy(1, 2))
                    .when(new JoinMeetingCommand(MEETING, member(2), "PASSWORD", null, null, STARTS))
                    .expectException(refused(CONFLICT, "ALREADY_JOINED"));
        }

        @Test
        void a_recused_member_is_not_counted_for_the_items_quorum() {
            List<Object> history = joinedBy(1, 2, 3, 4, 5);
            history.add(1, item("a", AgendaSection.FOR_CONSIDERATION, "๕.๑"));
            history.add(new ConflictOfInterestDeclaredEvent(MEETING, "a", member(5).ref(), "เป็นคู่สัญญา", STARTS));
            fixture.given(history)
                    .when(new StartAgendaItemCommand(MEETING, "a", CHAIR, STARTS))
                    .expectEvents(new AgendaItemStartedEvent(MEETING, "a", 4, 8, 5, false, List.of("p-5"), CHAIR.ref(),
                            STARTS));
        }

        @Test
        void a_member_declares_an_interest_once_with_a_reason() {
            List<Object> history = joinedBy(1, 5);
            history.add(item("a", AgendaSection.FOR_CONSIDERATION, "๕.๑"));
            fixture.given(history)
                    .when(new DeclareConflictCommand(MEETING, "a", member(5), "เป็นคู่สัญญา", STARTS))
                    .expectEvents(new ConflictOfInterestDeclaredEvent(MEETING, "a", member(5).ref(), "เป็นคู่สัญญา",
                            STARTS));
            fixture.given(history)
                    .when(new DeclareConflictCommand(MEETING, "a", member(5), " ", STARTS))
                    .expectException(invalidFields("REASON_REQUIRED", "reason"));
            fixture.given(history)
                    .when(new DeclareConflictCommand(MEETING, "a", INVITEE, "เกี่ยวข้อง", STARTS))
                    .expectException(refused(FORBIDDEN, "NOT_A_MEMBER"));
        }

        @Test
        void the_speakers_queue_runs_in_order_and_the_chair_gives_the_floor() {
            fixture.given(joinedBy(1, 2, 3))
                    .when(new RequestFloorCommand(MEETING, member(3), false, STARTS))
                    .expectEvents(new FloorRequestedEvent(MEETING, member(3).ref(), false, STARTS));
            List<Object> queued = joinedBy(1, 2, 3);
            queued.add(new FloorRequestedEvent(MEETING, member(3).ref(), false, STARTS));
            queued.add(new FloorRequestedEvent(MEETING, member(2).ref(), false, STARTS));
            fixture.given(queued)
                    .when(new GiveFloorCommand(MEETING, CHAIR, null, STARTS))
                    .expectEvents(new FloorGivenEvent(MEETING, new org.saraban.api.common.PersonRef("p-3",
                            member(3).displayName(), member(3).position(), "นร ๐๕", null), CHAIR.ref(), STARTS));
            fixture.given(queued)
                    .when(new RequestFloorCommand(MEETING, member(3), false, STARTS))
                    .expectException(refused(CONFLICT, "ALREADY_QUEUED"));
            fixture.given(joinedBy(1))
                    .when(new RequestFloorCommand(MEETING, member(4), false, STARTS))
                    .expectException(refused(CONFLICT, "NOT_PRESENT"));
        }

        @Test
        void the_chair_mutes_and_suspends_and_no_poll_opens_while_suspended() {
            fixture.given(joinedBy(1, 2))
                    .when(new MuteParticipantCommand(MEETING, CHAIR, "p-2", true, STARTS))
                    .expectEvents(new ParticipantMutedEvent(MEETING, new org.saraban.api.common.PersonRef("p-2",
                            member(2).displayName(), member(2).position(), "นร ๐๕", null), true, CHAIR.ref(), STARTS));
            fixture.given(joinedBy(1, 2))
                    .when(new MuteParticipantCommand(MEETING, member(2), "p-1", true, STARTS))
                    .expectException(refused(FORBIDDEN, "NOT_THE_CHAIR"));
            List<Object> suspended = joinedBy(1, 2, 3, 4, 5);
            suspended.add(1, new AgendaItemAddedEvent(MEETING, "a", AgendaSection.FOR_CONSIDERATION, "๕.๑", "เรื่อง",
                    null, null, List.of(), SECRETARY.ref(), AT));
            suspended.add(new AgendaItemStartedEvent(MEETING, "a", 5, 9, 5, true, List.of(), CHAIR.ref(), STARTS));
            suspended.add(new MeetingSuspendedEvent(MEETING, true, "สัญญาณขัดข้อง", CHAIR.ref(), STARTS));
            var withBox = new AggregateTestFixture<>(Meeting.class).registerInjectableResource(new BallotBox() {
                // never reached: the suspension refuses first
                public void open(String pollId) {
                    throw new AssertionError("no key while suspended");
                }

                public String seal(String pollId, String choice) {
                    throw new AssertionError();
                }

                public Map<String, Integer> count(String pollId, List<String> options, List<String> sealed) {
                    throw new AssertionError();
                }

                public void shred(String pollId) {
                    throw new AssertionError();
                }
            });
            withBox.given(suspended)
                    .when(new OpenPollCommand(MEETING, "poll-1", "a", CHAIR, "เห็นชอบหรือไม่", List.of("เห็นชอบ",
                            "ไม่เห็นชอบ"), true, STARTS))
                    .expectException(refused(CONFLICT, "MEETING_SUSPENDED"));
            fixture.given(suspended)
                    .when(new SuspendMeetingCommand(MEETING, CHAIR, false, null, STARTS))
                    .expectEvents(new MeetingSuspendedEvent(MEETING, false, null, CHAIR.ref(), STARTS));
        }

        @Test
        void participants_report_problems_and_the_secretary_attaches_the_recording() {
            fixture.given(joinedBy(1, 2))
                    .when(new ReportProblemCommand(MEETING, member(2), "ไม่ได้ยินเสียงประธาน", STARTS))
                    .expectEvents(new ProblemReportedEvent(MEETING, member(2).ref(), "ไม่ได้ยินเสียงประธาน", STARTS));
            fixture.given(joinedBy(1))
                    .when(new ReportProblemCommand(MEETING, COLLEAGUE, "ทดสอบ", STARTS))
                    .expectException(refused(FORBIDDEN, "NOT_A_PARTICIPANT"));
            MeetingDocument recording = new MeetingDocument("บันทึกภาพและเสียง", "ab".repeat(32), "meeting.webm",
                    "video/webm", 1024L);
            fixture.given(joinedBy(1))
                    .when(new AttachRecordingCommand(MEETING, SECRETARY, recording, STARTS))
                    .expectEvents(new RecordingAttachedEvent(MEETING, recording, SECRETARY.ref(), STARTS));
            fixture.given(joinedBy(1))
                    .when(new AttachRecordingCommand(MEETING, member(2), recording, STARTS))
                    .expectException(refused(FORBIDDEN, "NOT_AN_ORGANISER"));
        }

        @Test
        void the_chair_alone_opens_moves_removes_and_closes() {
            fixture.given(scheduled())
                    .when(new OpenMeetingCommand(MEETING, SECRETARY, STARTS))
                    .expectException(refused(FORBIDDEN, "NOT_THE_CHAIR"));
            fixture.given(scheduled())
                    .when(new OpenMeetingCommand(MEETING, CHAIR, STARTS))
                    .expectEvents(new MeetingOpenedEvent(MEETING, CHAIR.ref(), STARTS));
            fixture.given(joinedBy(1, 3))
                    .when(new LeaveMeetingCommand(MEETING, CHAIR, "p-3", "เสียงรบกวน", STARTS))
                    .expectEvents(new ParticipantLeftEvent(MEETING, new org.saraban.api.common.PersonRef("p-3",
                                    member(3).displayName(), member(3).position(), "นร ๐๕", null), CHAIR.ref(),
                                    "เสียงรบกวน", STARTS),
                            new QuorumChangedEvent(MEETING, 1, 9, 5, false, STARTS));
            fixture.given(joinedBy(1, 3))
                    .when(new LeaveMeetingCommand(MEETING, member(2), "p-3", null, STARTS))
                    .expectException(refused(FORBIDDEN, "NOT_THE_CHAIR"));
            fixture.given(joinedBy(1))
                    .when(new CloseMeetingCommand(MEETING, CHAIR, STARTS))
                    .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                            org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                    org.hamcrest.Matchers.equalTo(new MeetingClosedEvent(MEETING, CHAIR.ref(), STARTS)),
                                    org.hamcrest.Matchers.instanceOf(org.saraban.api.meeting.MinutesDraftedEvent.class),
                                    org.axonframework.test.matchers.Matchers.andNoMore())));
            fixture.given(scheduled())
                    .when(new CloseMeetingCommand(MEETING, CHAIR, STARTS))
                    .expectException(refused(CONFLICT, "MEETING_NOT_OPEN"));
        }
    }

    @Nested
    class Polls {

        /** Seals by number and remembers the choice in memory only, as the real box keeps its key out of MongoDB. */
        final class MemoryBallotBox implements BallotBox {
            final Map<String, String> choices = new java.util.HashMap<>();
            final List<String> opened = new ArrayList<>();
            final List<String> shredded = new ArrayList<>();

            @Override
            public void open(String pollId) {
                opened.add(pollId);
            }

            @Override
            public String seal(String pollId, String choice) {
                String sealed = "ballot-" + java.util.UUID.randomUUID();
                choices.put(sealed, choice);
                return sealed;
            }

            @Override
            public Map<String, Integer> count(String pollId, List<String> options, List<String> sealedBallots) {
                Map<String, Integer> counts = new java.util.LinkedHashMap<>();
                options.forEach(o -> counts.put(o, 0));
                sealedBallots.forEach(b -> counts.merge(choices.get(b), 1, Integer::sum));
                return counts;
            }

            @Override
            public void shred(String pollId) {
                shredded.add(pollId);
            }
        }

        static final List<String> OPTIONS = List.of("เห็นชอบ", "ไม่เห็นชอบ", "งดออกเสียง");

        private MemoryBallotBox box;
        private FixtureConfiguration<Meeting> fixture;

        @BeforeEach
        void setUp() {
            box = new MemoryBallotBox();
            fixture = new AggregateTestFixture<>(Meeting.class).registerInjectableResource(box);
        }

        /** The session at item ๕.๑ with members {@code numbers} present. */
        private List<Object> atItem(int... numbers) {
            List<Object> history = new ArrayList<>(List.of(scheduled(),
                    new AgendaItemAddedEvent(MEETING, "a", AgendaSection.FOR_CONSIDERATION, "๕.๑", "ขอความเห็นชอบ",
                            null, null, List.of(), SECRETARY.ref(), AT),
                    new MeetingOpenedEvent(MEETING, CHAIR.ref(), STARTS)));
            for (int n : numbers) {
                history.add(new ParticipantJoinedEvent(MEETING, member(n).ref(), n == 1 ? CommitteeRole.CHAIR
                        : n == 9 ? CommitteeRole.SECRETARY : CommitteeRole.MEMBER, null, null, STARTS));
            }
            history.add(new AgendaItemStartedEvent(MEETING, "a", numbers.length, 9, 5, numbers.length >= 5, List.of(),
                    CHAIR.ref(), STARTS));
            return history;
        }

        private PollOpenedEvent opened(boolean secret, String... eligible) {
            return new PollOpenedEvent(MEETING, "poll-1", "a", "เห็นชอบแผนหรือไม่", OPTIONS, secret, List.of(eligible),
                    eligible.length, 5, CHAIR.ref(), STARTS);
        }

        @Test
        void a_poll_without_a_quorum_for_the_item_is_refused() {
            fixture.given(atItem(1, 2, 3, 4))
                    .when(new OpenPollCommand(MEETING, "poll-1", "a", CHAIR, "เห็นชอบแผนหรือไม่", OPTIONS, true, STARTS))
                    .expectException(refused(CONFLICT, "QUORUM_NOT_MET"))
                    .expectNoEvents();
            List<Object> recusal = atItem(1, 2, 3, 4, 5);
            recusal.add(new ConflictOfInterestDeclaredEvent(MEETING, "a", member(5).ref(), "เป็นคู่สัญญา", STARTS));
            fixture.given(recusal)
                    .when(new OpenPollCommand(MEETING, "poll-1", "a", CHAIR, "เห็นชอบแผนหรือไม่", OPTIONS, false, STARTS))
                    .expectException(refused(CONFLICT, "QUORUM_NOT_MET"));
            assertThat(box.opened).isEmpty();
        }

        @Test
        void opening_records_who_was_present_and_eligible_and_the_quorum_at_that_instant() {
            List<Object> history = atItem(1, 2, 3, 4, 5, 6);
            history.add(new ConflictOfInterestDeclaredEvent(MEETING, "a", member(6).ref(), "เป็นคู่สัญญา", STARTS));
            fixture.given(history)
                    .when(new OpenPollCommand(MEETING, "poll-1", "a", CHAIR, "เห็นชอบแผนหรือไม่", OPTIONS, true, STARTS))
                    .expectEvents(opened(true, "p-1", "p-2", "p-3", "p-4", "p-5"));
            assertThat(box.opened).containsExactly("poll-1");
            fixture.given(atItem(1, 2, 3, 4, 5))
                    .when(new OpenPollCommand(MEETING, "poll-1", "b", CHAIR, "เห็นชอบแผนหรือไม่", OPTIONS, false, STARTS))
                    .expectException(invalidFields("POLL_INVALID", "itemId"));
        }

        @Test
        void a_named_vote_records_the_choice_once_per_eligible_present_member() {
            List<Object> history = atItem(1, 2, 3, 4, 5);
            history.add(opened(false, "p-1", "p-2", "p-3", "p-4", "p-5"));
            fixture.given(history)
                    .when(new CastVoteCommand(MEETING, "poll-1", member(2), "เห็นชอบ", STARTS))
                    .expectEvents(new VoteCastEvent(MEETING, "poll-1", member(2).ref(), "เห็นชอบ", STARTS));
            history.add(new VoteCastEvent(MEETING, "poll-1", member(2).ref(), "เห็นชอบ", STARTS));
            fixture.given(history)
                    .when(new CastVoteCommand(MEETING, "poll-1", member(2), "ไม่เห็นชอบ", STARTS))
                    .expectException(refused(CONFLICT, "ALREADY_VOTED"));
            fixture.given(history)
                    .when(new CastVoteCommand(MEETING, "poll-1", member(3), "อาจจะ", STARTS))
                    .expectException(invalidFields("CHOICE_INVALID", "choice"));
            history.add(new ParticipantJoinedEvent(MEETING, member(7).ref(), CommitteeRole.MEMBER, null, null, STARTS));
            fixture.given(history)
                    .when(new CastVoteCommand(MEETING, "poll-1", member(7), "เห็นชอบ", STARTS))
                    .expectException(refused(FORBIDDEN, "NOT_ELIGIBLE"));
            history.add(new ParticipantLeftEvent(MEETING, member(3).ref(), null, null, STARTS));
            fixture.given(history)
                    .when(new CastVoteCommand(MEETING, "poll-1", member(3), "เห็นชอบ", STARTS))
                    .expectException(refused(FORBIDDEN, "NOT_ELIGIBLE"));
        }

        @Test
        void a_secret_ballot_records_who_voted_and_only_the_sealed_choice() {
            List<Object> history = atItem(1, 2, 3, 4, 5);
            history.add(opened(true, "p-1", "p-2", "p-3", "p-4", "p-5"));
            fixture.given(history)
                    .when(new CastVoteCommand(MEETING, "poll-1", member(3), "ไม่เห็นชอบ", STARTS))
                    .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                            org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                    org.hamcrest.Matchers.<Object>allOf(
                                            org.hamcrest.Matchers.instanceOf(BallotCastEvent.class),
                                            org.hamcrest.Matchers.hasToString(org.hamcrest.Matchers.not(
                                                    org.hamcrest.Matchers.containsString("เห็นชอบ")))),
                                    org.axonframework.test.matchers.Matchers.andNoMore())));
            assertThat(box.choices.values()).containsExactly("ไม่เห็นชอบ");
        }

        @Test
        void closing_a_secret_poll_counts_the_ballots_and_then_destroys_its_key() {
            List<Object> history = atItem(1, 2, 3, 4, 5);
            history.add(opened(true, "p-1", "p-2", "p-3", "p-4", "p-5"));
            String[] choices = {"เห็นชอบ", "เห็นชอบ", "ไม่เห็นชอบ", "เห็นชอบ"};
            for (int i = 0; i < choices.length; i++) {
                history.add(new BallotCastEvent(MEETING, "poll-1", member(i + 1).ref(), box.seal("poll-1", choices[i]),
                        STARTS));
            }
            Map<String, Integer> counts = new java.util.LinkedHashMap<>();
            counts.put("เห็นชอบ", 3);
            counts.put("ไม่เห็นชอบ", 1);
            counts.put("งดออกเสียง", 0);
            fixture.given(history)
                    .when(new ClosePollCommand(MEETING, "poll-1", CHAIR, STARTS))
                    .expectEvents(new PollClosedEvent(MEETING, "poll-1", counts, 4, 5, CHAIR.ref(), STARTS));
            assertThat(box.shredded).containsExactly("poll-1");
        }

        @Test
        void a_resolution_carries_its_polls_counts_and_is_recorded_once() {
            List<Object> history = atItem(1, 2, 3, 4, 5);
            history.add(opened(false, "p-1", "p-2", "p-3", "p-4", "p-5"));
            Map<String, Integer> counts = Map.of("เห็นชอบ", 5, "ไม่เห็นชอบ", 0, "งดออกเสียง", 0);
            history.add(new PollClosedEvent(MEETING, "poll-1", counts, 5, 5, CHAIR.ref(), STARTS));
            fixture.given(history)
                    .when(new RecordResolutionCommand(MEETING, "a", SECRETARY, ResolutionType.ENDORSED, "เห็นชอบแผน",
                            "poll-1", STARTS))
                    .expectEvents(new ResolutionRecordedEvent(MEETING, "a", ResolutionType.ENDORSED, "เห็นชอบแผน",
                            "poll-1", counts, SECRETARY.ref(), STARTS));
            history.add(new ResolutionRecordedEvent(MEETING, "a", ResolutionType.ENDORSED, "เห็นชอบแผน", "poll-1",
                    counts, SECRETARY.ref(), STARTS));
            fixture.given(history)
                    .when(new RecordResolutionCommand(MEETING, "a", CHAIR, ResolutionType.OTHER, "แก้ไข", null, STARTS))
                    .expectException(refused(CONFLICT, "ALREADY_RESOLVED"));
            fixture.given(history)
                    .when(new RecordResolutionCommand(MEETING, "a", member(3), ResolutionType.OTHER, "x", null, STARTS))
                    .expectException(refused(FORBIDDEN, "NOT_THE_CHAIR"));
        }
    }
}
