package org.saraban.command.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.saraban.api.common.SarabanException.Kind.CONFLICT;
import static org.saraban.api.common.SarabanException.Kind.FORBIDDEN;
import static org.saraban.command.Refusals.invalidFields;
import static org.saraban.command.Refusals.refused;
import static org.saraban.command.meeting.MeetingTest.AGENCY;
import static org.saraban.command.meeting.MeetingTest.AT;
import static org.saraban.command.meeting.MeetingTest.CHAIR;
import static org.saraban.command.meeting.MeetingTest.INVITEE;
import static org.saraban.command.meeting.MeetingTest.MEETING;
import static org.saraban.command.meeting.MeetingTest.OUTSIDER;
import static org.saraban.command.meeting.MeetingTest.SECRETARY;
import static org.saraban.command.meeting.MeetingTest.STARTS;
import static org.saraban.command.meeting.MeetingTest.member;
import static org.saraban.command.meeting.MeetingTest.scheduled;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.saraban.api.common.PersonRef;
import org.saraban.api.letter.DocumentVerification;
import org.saraban.api.letter.LetterKind;
import org.saraban.api.letter.PdfStep;
import org.saraban.api.meeting.AgendaItemAddedEvent;
import org.saraban.api.meeting.AgendaItemStartedEvent;
import org.saraban.api.meeting.AgendaSection;
import org.saraban.api.meeting.AnswerInvitationCommand;
import org.saraban.api.meeting.CertifyMinutesCommand;
import org.saraban.api.meeting.CirculateMinutesCommand;
import org.saraban.api.meeting.CloseMeetingCommand;
import org.saraban.api.meeting.CommitteeRole;
import org.saraban.api.meeting.ConflictOfInterestDeclaredEvent;
import org.saraban.api.meeting.EditMinutesCommand;
import org.saraban.api.meeting.InvitationAnsweredEvent;
import org.saraban.api.meeting.InvitationLetterDraftedEvent;
import org.saraban.api.meeting.InvitationLetterProgressedEvent;
import org.saraban.api.meeting.MeetingClosedEvent;
import org.saraban.api.meeting.MeetingOpenedEvent;
import org.saraban.api.meeting.MinutesCertification;
import org.saraban.api.meeting.MinutesCertifiedEvent;
import org.saraban.api.meeting.MinutesCirculatedEvent;
import org.saraban.api.meeting.MinutesDraftedEvent;
import org.saraban.api.meeting.MinutesEditedEvent;
import org.saraban.api.meeting.MinutesFiledEvent;
import org.saraban.api.meeting.MinutesObjectionRaisedEvent;
import org.saraban.api.meeting.MinutesSignedEvent;
import org.saraban.api.meeting.ObjectToMinutesCommand;
import org.saraban.api.meeting.ParticipantJoinedEvent;
import org.saraban.api.meeting.ParticipantLeftEvent;
import org.saraban.api.meeting.PollClosedEvent;
import org.saraban.api.meeting.PollOpenedEvent;
import org.saraban.api.meeting.RecordInvitationLetterCommand;
import org.saraban.api.meeting.RecordInvitationProgressCommand;
import org.saraban.api.meeting.ResolutionRecordedEvent;
import org.saraban.api.meeting.ResolutionType;
import org.saraban.api.meeting.RsvpResponse;
import org.saraban.api.meeting.SignMinutesCommand;
import org.saraban.command.letter.LetterDocuments;

/**
 * Invitations, answers and the minutes of a meeting: drafted from the events at the close, edited by the
 * secretary, circulated, certified and frozen, then signed by the secretary and the chair and filed.
 */
class MinutesTest {

    static final Instant CLOSED = STARTS.plusSeconds(8400);
    static final Instant LATER = CLOSED.plusSeconds(86_400);
    static final Instant DEADLINE = CLOSED.plusSeconds(7 * 86_400);

    /** Records what the meeting asked of the PDF port; each result names the step that made it. */
    static final class RecordingDocuments implements LetterDocuments {
        final List<String> calls = new ArrayList<>();
        final List<LetterOfRecord> rendered = new ArrayList<>();

        @Override
        public String render(LetterOfRecord letter) {
            calls.add("render");
            rendered.add(letter);
            return "a".repeat(64);
        }

        @Override
        public String sign(String pdfSha256, LetterOfRecord letter, PersonRef signer, PdfStep step, Instant at) {
            calls.add(step + " by " + signer.id() + " on " + pdfSha256.charAt(0));
            return (step == PdfStep.SIGNATURE ? "b" : "c").repeat(64);
        }

        @Override
        public DocumentVerification verify(String pdfSha256) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String stampReceipt(String pdfSha256, Receipt receipt) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String preserve(String pdfSha256) {
            calls.add("preserve " + pdfSha256.charAt(0));
            return "d".repeat(64);
        }
    }

    private FixtureConfiguration<Meeting> fixture;
    private RecordingDocuments documents;

    @BeforeEach
    void setUp() {
        documents = new RecordingDocuments();
        fixture = new AggregateTestFixture<>(Meeting.class);
        fixture.registerInjectableResource(fixture.getEventStore());
        fixture.registerInjectableResource(documents);
    }

    /** A session: members 1–6 and the secretary came, 7 sent their apologies, 8 sent a delegate, 3 left early. */
    static List<Object> session() {
        List<Object> h = new ArrayList<>(List.of(scheduled(),
                new InvitationAnsweredEvent(MEETING, member(7).ref(), RsvpResponse.NOT_ATTENDING, "ติดภารกิจต่างประเทศ",
                        null, null, AT),
                new InvitationAnsweredEvent(MEETING, member(8).ref(), RsvpResponse.DELEGATE, null, "นายผู้แทน",
                        "นักวิเคราะห์นโยบายและแผน", AT),
                new AgendaItemAddedEvent(MEETING, "i1", AgendaSection.CHAIR_REPORTS, "๑.๑", "ผลการหารือ",
                        "ประธานแจ้งผลการหารือ", "ประธานกรรมการ", List.of(), SECRETARY.ref(), AT),
                new AgendaItemAddedEvent(MEETING, "i5", AgendaSection.FOR_CONSIDERATION, "๕.๑", "แนวทางการขยายผล",
                        "ฝ่ายเลขานุการเสนอแนวทาง", "ฝ่ายเลขานุการ", List.of(), SECRETARY.ref(), AT),
                new MeetingOpenedEvent(MEETING, CHAIR.ref(), STARTS.plusSeconds(300))));
        for (int n : new int[] {1, 2, 3, 4, 5, 6, 9}) {
            h.add(new ParticipantJoinedEvent(MEETING, member(n).ref(), n == 1 ? CommitteeRole.CHAIR
                    : n == 9 ? CommitteeRole.SECRETARY : CommitteeRole.MEMBER, "203.0.113." + n, "browser", STARTS));
        }
        h.add(new ParticipantJoinedEvent(MEETING, INVITEE.ref(), CommitteeRole.INVITEE, null, null, STARTS));
        h.add(new AgendaItemStartedEvent(MEETING, "i1", 7, 9, 5, true, List.of(), CHAIR.ref(), STARTS));
        h.add(new ResolutionRecordedEvent(MEETING, "i1", ResolutionType.ACKNOWLEDGED, null, null, Map.of(),
                CHAIR.ref(), STARTS));
        h.add(new ConflictOfInterestDeclaredEvent(MEETING, "i5", member(6).ref(), "เป็นผู้เสนอโครงการ", STARTS));
        h.add(new AgendaItemStartedEvent(MEETING, "i5", 6, 8, 5, true, List.of("p-6"), CHAIR.ref(), STARTS));
        h.add(new PollOpenedEvent(MEETING, "poll-1", "i5", "เห็นชอบแนวทางหรือไม่", List.of("เห็นชอบ", "ไม่เห็นชอบ",
                "งดออกเสียง"), true, List.of("p-1", "p-2", "p-3", "p-4", "p-5", "p-9"), 6, 5, CHAIR.ref(), STARTS));
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        counts.put("เห็นชอบ", 5);
        counts.put("ไม่เห็นชอบ", 0);
        counts.put("งดออกเสียง", 1);
        h.add(new PollClosedEvent(MEETING, "poll-1", counts, 6, 6, CHAIR.ref(), STARTS));
        h.add(new ResolutionRecordedEvent(MEETING, "i5", ResolutionType.ENDORSED,
                "เห็นชอบแนวทางการขยายผล ๓ ระยะ ตามที่ฝ่ายเลขานุการเสนอ", "poll-1", Map.of(), CHAIR.ref(), STARTS));
        h.add(new ParticipantLeftEvent(MEETING, member(3).ref(), null, null, STARTS.plusSeconds(3600)));
        return h;
    }

    static List<Object> closed() {
        List<Object> h = session();
        h.add(new MeetingClosedEvent(MEETING, CHAIR.ref(), CLOSED));
        h.add(new MinutesDraftedEvent(MEETING, MinutesText.draft(MeetingHistory.of(h)), CLOSED));
        return h;
    }

    @Nested
    class Drafting {

        @Test
        void closing_drafts_the_minutes_in_the_regulations_form_from_the_sessions_events() {
            List<String> drafted = new ArrayList<>();
            fixture.given(session())
                    .when(new CloseMeetingCommand(MEETING, CHAIR, CLOSED))
                    .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                            org.hamcrest.Matchers.<Object>equalTo(new MeetingClosedEvent(MEETING, CHAIR.ref(), CLOSED)),
                            Matchers.matches(e -> e instanceof MinutesDraftedEvent d && drafted.add(d.text())),
                            Matchers.andNoMore())));
            String text = drafted.get(0);
            assertThat(text).startsWith("รายงานการประชุมคณะกรรมการขับเคลื่อนระบบสารบรรณอิเล็กทรอนิกส์ภาครัฐ\n"
                    + "ครั้งที่ ๒/๒๕๖๘\nเมื่อวันอังคารที่ ๑๘ มีนาคม ๒๕๖๘ เวลา ๐๙.๓๐ น.\nณ ห้องประชุม ๑๗๐๑\n"
                    + "และผ่านสื่ออิเล็กทรอนิกส์\n");
            // the regulation's words, in its order
            assertThat(text).containsSubsequence("ผู้มาประชุม", "ผู้ไม่มาประชุม", "ผู้เข้าร่วมประชุม",
                    "เริ่มประชุมเวลา ๐๙.๓๕ น.", "ระเบียบวาระที่ ๑ เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ",
                    "ระเบียบวาระที่ ๖ เรื่องอื่น ๆ", "เลิกประชุมเวลา ๑๑.๕๐ น.", "ผู้จดรายงานการประชุม");
            assertThat(text).doesNotContain("บันทึกการประชุม", "เปิดประชุมเวลา", "ปิดประชุมเวลา", "ผู้บันทึกรายงาน");
            String present = text.substring(text.indexOf("ผู้มาประชุม"), text.indexOf("ผู้ไม่มาประชุม"));
            assertThat(present).contains("๑. นายวรวุฒิ ศรีสวัสดิ์วงศ์", "ประธานกรรมการ", "๗. นางสาวณัฐธิดา ใจงาม",
                    "(ประชุมผ่านสื่ออิเล็กทรอนิกส์ ออกจากการประชุมเวลา ๑๐.๓๐ น.)");
            String absent = text.substring(text.indexOf("ผู้ไม่มาประชุม"), text.indexOf("ผู้เข้าร่วมประชุม"));
            assertThat(absent).contains("๑. กรรมการคนที่ 7", "(ติดภารกิจต่างประเทศ)", "๒. กรรมการคนที่ 8",
                    "(มอบหมาย นายผู้แทน นักวิเคราะห์นโยบายและแผน เข้าประชุมแทน)");
            assertThat(text.substring(text.indexOf("ผู้เข้าร่วมประชุม"), text.indexOf("เริ่มประชุมเวลา")))
                    .contains("๑. นายผู้ชี้แจง");
            assertThat(text).contains("มีกรรมการมาประชุม ๗ คน จากจำนวนกรรมการทั้งหมด ๙ คน", "ครบเป็นองค์ประชุม",
                    "๑.๑ ผลการหารือ\nประธานแจ้งผลการหารือ\nมติที่ประชุม รับทราบ\n",
                    "กรรมการคนที่ 6 แจ้งว่ามีส่วนได้เสียในเรื่องนี้ (เป็นผู้เสนอโครงการ) จึงไม่ร่วมพิจารณา",
                    "โดยวิธีลงคะแนนลับ", "ผลการลงมติ เห็นชอบ ๕ เสียง ไม่เห็นชอบ ไม่มี งดออกเสียง ๑ เสียง"
                            + " จากผู้มีสิทธิออกเสียง ๖ คน",
                    "มติที่ประชุม เห็นชอบแนวทางการขยายผล ๓ ระยะ ตามที่ฝ่ายเลขานุการเสนอ",
                    "ระเบียบวาระที่ ๒ รับรองรายงานการประชุม\nไม่มี");
        }

        @Test
        void the_certified_text_prints_as_the_minutes_form_with_the_secretary_as_minute_taker() {
            List<Object> h = closed();
            String text = ((MinutesDraftedEvent) h.get(h.size() - 1)).text();
            var content = MinutesText.toLetter(text, SECRETARY.ref());
            assertThat(content.kind()).isEqualTo(LetterKind.MINUTES);
            assertThat(content.subject()).isEqualTo("รายงานการประชุมคณะกรรมการขับเคลื่อนระบบสารบรรณอิเล็กทรอนิกส์ภาครัฐ");
            assertThat(content.body().get(0)).isEqualTo("ณ ห้องประชุม ๑๗๐๑");
            assertThat(content.body()).contains("ผู้มาประชุม").doesNotContain("ครั้งที่ ๒/๒๕๖๘")
                    .noneMatch(l -> l.startsWith("(ลงชื่อ)") || l.startsWith("---") || l.isBlank());
            assertThat(content.body().get(content.body().size() - 1)).startsWith("เลิกประชุมเวลา");
            assertThat(content.signatory()).isEqualTo(SECRETARY.ref());
        }
    }

    @Nested
    class Editing {

        @Test
        void the_secretary_edits_from_the_current_revision_only() {
            fixture.given(closed())
                    .when(new EditMinutesCommand(MEETING, SECRETARY, "รายงานการประชุม (แก้ไข)", 1, LATER))
                    .expectEvents(new MinutesEditedEvent(MEETING, "รายงานการประชุม (แก้ไข)", 2, SECRETARY.ref(), LATER));
            List<Object> edited = closed();
            edited.add(new MinutesEditedEvent(MEETING, "ฉบับที่ ๒", 2, SECRETARY.ref(), LATER));
            fixture.given(edited)
                    .when(new EditMinutesCommand(MEETING, SECRETARY, "ฉบับที่ ๓ จากฉบับเก่า", 1, LATER))
                    .expectException(refused(CONFLICT, "STALE_REVISION"))
                    .expectNoEvents();
            fixture.given(closed())
                    .when(new EditMinutesCommand(MEETING, CHAIR, "ประธานแก้", 1, LATER))
                    .expectException(refused(FORBIDDEN, "NOT_THE_SECRETARY"));
            fixture.given(closed())
                    .when(new EditMinutesCommand(MEETING, SECRETARY, " ", 1, LATER))
                    .expectException(invalidFields("MINUTES_INVALID", "text"));
            fixture.given(session())
                    .when(new EditMinutesCommand(MEETING, SECRETARY, "ก่อนปิด", 0, LATER))
                    .expectException(refused(CONFLICT, "NO_MINUTES"));
        }
    }

    @Nested
    class Certification {

        private List<Object> circulated() {
            List<Object> h = closed();
            h.add(new MinutesCirculatedEvent(MEETING, 1, DEADLINE, SECRETARY.ref(), LATER));
            return h;
        }

        @Test
        void circulated_minutes_are_certified_after_the_deadline_if_nobody_asked_for_a_change() {
            fixture.given(closed())
                    .when(new CirculateMinutesCommand(MEETING, SECRETARY, DEADLINE, LATER))
                    .expectEvents(new MinutesCirculatedEvent(MEETING, 1, DEADLINE, SECRETARY.ref(), LATER));
            fixture.given(closed())
                    .when(new CirculateMinutesCommand(MEETING, SECRETARY, LATER.minusSeconds(1), LATER))
                    .expectException(invalidFields("MINUTES_INVALID", "deadline"));
            fixture.given(circulated())
                    .when(new CertifyMinutesCommand(MEETING, SECRETARY, MinutesCertification.CIRCULATION, null, null,
                            null, "สำนักงานพัฒนารัฐบาลดิจิทัล", DEADLINE.minusSeconds(1)))
                    .expectException(refused(CONFLICT, "CIRCULATION_NOT_OVER"));
            assertThat(documents.calls).isEmpty();
            List<Object> history = circulated();
            String text = ((MinutesDraftedEvent) history.get(history.size() - 2)).text();
            fixture.given(history)
                    .when(new CertifyMinutesCommand(MEETING, SECRETARY, MinutesCertification.CIRCULATION, null, null,
                            null, "สำนักงานพัฒนารัฐบาลดิจิทัล", DEADLINE))
                    .expectEvents(new MinutesCertifiedEvent(MEETING, 1, Meeting.sha256(text),
                            MinutesCertification.CIRCULATION, null, null, null, "สำนักงานพัฒนารัฐบาลดิจิทัล",
                            "a".repeat(64), SECRETARY.ref(), DEADLINE));
            assertThat(documents.calls).containsExactly("render");
            LetterDocuments.LetterOfRecord record = documents.rendered.get(0);
            assertThat(record.number()).isEqualTo("ครั้งที่ ๒/๒๕๖๘");
            assertThat(record.agencyCode()).isEqualTo(AGENCY);
            assertThat(record.content().kind()).isEqualTo(LetterKind.MINUTES);
            assertThat(record.content().signatory().displayName()).isEqualTo(SECRETARY.displayName());
            assertThat(record.content().signatory().position()).isEqualTo("กรรมการและเลขานุการ");
        }

        @Test
        void a_members_request_for_a_change_stops_certification_by_circulation() {
            fixture.given(circulated())
                    .when(new ObjectToMinutesCommand(MEETING, member(4), "ขอแก้ไขถ้อยคำในระเบียบวาระที่ ๔", LATER))
                    .expectEvents(new MinutesObjectionRaisedEvent(MEETING, member(4).ref(),
                            "ขอแก้ไขถ้อยคำในระเบียบวาระที่ ๔", LATER));
            fixture.given(circulated())
                    .when(new ObjectToMinutesCommand(MEETING, member(4), "ช้าไป", DEADLINE))
                    .expectException(refused(CONFLICT, "MINUTES_NOT_CIRCULATING"));
            fixture.given(circulated())
                    .when(new ObjectToMinutesCommand(MEETING, INVITEE, "ผู้ชี้แจงขอแก้", LATER))
                    .expectException(refused(FORBIDDEN, "NOT_A_MEMBER"));
            List<Object> objected = circulated();
            objected.add(new MinutesObjectionRaisedEvent(MEETING, member(4).ref(), "ขอแก้", LATER));
            fixture.given(objected)
                    .when(new CertifyMinutesCommand(MEETING, SECRETARY, MinutesCertification.CIRCULATION, null, null,
                            null, "สพร", DEADLINE))
                    .expectException(refused(CONFLICT, "MINUTES_OBJECTED"))
                    .expectNoEvents();
            // an edit answers the request; circulated again, the new text can be certified
            objected.add(new MinutesEditedEvent(MEETING, "แก้ไขแล้ว", 2, SECRETARY.ref(), LATER));
            objected.add(new MinutesCirculatedEvent(MEETING, 2, DEADLINE.plusSeconds(86_400), SECRETARY.ref(), LATER));
            fixture.given(objected)
                    .when(new CertifyMinutesCommand(MEETING, CHAIR, MinutesCertification.CIRCULATION, null, null,
                            null, "สพร", DEADLINE.plusSeconds(86_400)))
                    .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                            Matchers.matches(e -> e instanceof MinutesCertifiedEvent c && c.revision() == 2
                                    && c.textSha256().equals(Meeting.sha256("แก้ไขแล้ว"))),
                            Matchers.andNoMore())));
        }

        @Test
        void minutes_are_certified_at_a_later_meeting_and_then_cannot_change() {
            fixture.given(closed())
                    .when(new CertifyMinutesCommand(MEETING, CHAIR, MinutesCertification.NEXT_MEETING, "meeting-3",
                            "ครั้งที่ ๓/๒๕๖๘", "item-2-1", "สพร", LATER))
                    .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                            Matchers.matches(e -> e instanceof MinutesCertifiedEvent c
                                    && c.method() == MinutesCertification.NEXT_MEETING
                                    && "meeting-3".equals(c.certifyingMeetingId()) && c.by().equals(CHAIR.ref())),
                            Matchers.andNoMore())));
            fixture.given(closed())
                    .when(new CertifyMinutesCommand(MEETING, CHAIR, MinutesCertification.NEXT_MEETING, MEETING,
                            null, "x", "สพร", LATER))
                    .expectException(invalidFields("MINUTES_INVALID", "meetingId"));
            fixture.given(closed())
                    .when(new CertifyMinutesCommand(MEETING, member(2), MinutesCertification.NEXT_MEETING, "meeting-3",
                            null, "x", "สพร", LATER))
                    .expectException(refused(FORBIDDEN, "NOT_AN_ORGANISER"));
            List<Object> certified = certified();
            fixture.given(certified)
                    .when(new EditMinutesCommand(MEETING, SECRETARY, "แก้หลังรับรอง", 1, LATER))
                    .expectException(refused(CONFLICT, "MINUTES_CERTIFIED"))
                    .expectNoEvents();
            fixture.given(certified)
                    .when(new CirculateMinutesCommand(MEETING, SECRETARY, DEADLINE, LATER))
                    .expectException(refused(CONFLICT, "MINUTES_CERTIFIED"));
        }
    }

    static List<Object> certified() {
        List<Object> h = closed();
        h.add(new MinutesCertifiedEvent(MEETING, 1, "0".repeat(64), MinutesCertification.NEXT_MEETING, "meeting-3",
                "ครั้งที่ ๓/๒๕๖๘", "item-2-1", "สพร", "a".repeat(64), CHAIR.ref(), LATER));
        return h;
    }

    @Nested
    class Signing {

        @Test
        void the_secretary_and_the_chair_sign_and_the_second_signature_files_the_minutes() {
            fixture.given(certified())
                    .when(new SignMinutesCommand(MEETING, SECRETARY, null, null, null, LATER))
                    .expectEvents(new MinutesSignedEvent(MEETING, CommitteeRole.SECRETARY, SECRETARY.ref(),
                            "b".repeat(64), LATER));
            assertThat(documents.calls).containsExactly("SIGNATURE by p-9 on a");
            documents.calls.clear();
            List<Object> signed = certified();
            signed.add(new MinutesSignedEvent(MEETING, CommitteeRole.SECRETARY, SECRETARY.ref(), "b".repeat(64), LATER));
            fixture.given(signed)
                    .when(new SignMinutesCommand(MEETING, CHAIR, "๐๒.๐๑", null, true, LATER))
                    .expectEvents(new MinutesSignedEvent(MEETING, CommitteeRole.CHAIR, CHAIR.ref(), "c".repeat(64),
                                    LATER),
                            new MinutesFiledEvent(MEETING, "๐๒.๐๑", null, true, "d".repeat(64), LATER));
            assertThat(documents.calls).containsExactly("VISA by p-1 on b", "preserve c");
            fixture.given(signed)
                    .when(new SignMinutesCommand(MEETING, SECRETARY, null, null, null, LATER))
                    .expectException(refused(CONFLICT, "ALREADY_SIGNED"));
            fixture.given(signed)
                    .when(new SignMinutesCommand(MEETING, CHAIR, null, 0, null, LATER))
                    .expectException(invalidFields("MINUTES_INVALID", "retentionYears"));
            fixture.given(certified())
                    .when(new SignMinutesCommand(MEETING, member(2), null, null, null, LATER))
                    .expectException(refused(FORBIDDEN, "NOT_A_SIGNER"));
            fixture.given(closed())
                    .when(new SignMinutesCommand(MEETING, SECRETARY, null, null, null, LATER))
                    .expectException(refused(CONFLICT, "MINUTES_NOT_CERTIFIED"));
        }

        @Test
        void filing_keeps_ten_years_by_default_under_the_meetings_number() {
            List<Object> signed = certified();
            signed.add(new MinutesSignedEvent(MEETING, CommitteeRole.CHAIR, CHAIR.ref(), "c".repeat(64), LATER));
            fixture.given(signed)
                    .when(new SignMinutesCommand(MEETING, SECRETARY, null, null, null, LATER))
                    .expectEvents(new MinutesSignedEvent(MEETING, CommitteeRole.SECRETARY, SECRETARY.ref(),
                                    "b".repeat(64), LATER),
                            new MinutesFiledEvent(MEETING, "รายงานการประชุม ครั้งที่ ๒/๒๕๖๘", 10, false, "d".repeat(64),
                                    LATER));
        }
    }

    @Nested
    class Invitations {

        @Test
        void members_answer_for_themselves_and_a_delegate_is_named() {
            fixture.given(scheduled())
                    .when(new AnswerInvitationCommand(MEETING, member(4), RsvpResponse.DELEGATE, null, " นายผู้แทน ",
                            "ผู้อำนวยการกอง", AT))
                    .expectEvents(new InvitationAnsweredEvent(MEETING, member(4).ref(), RsvpResponse.DELEGATE, null,
                            "นายผู้แทน", "ผู้อำนวยการกอง", AT));
            fixture.given(scheduled())
                    .when(new AnswerInvitationCommand(MEETING, member(4), RsvpResponse.DELEGATE, null, null, null, AT))
                    .expectException(invalidFields("RSVP_INVALID", "delegateName"));
            fixture.given(scheduled())
                    .when(new AnswerInvitationCommand(MEETING, member(4), null, null, null, null, AT))
                    .expectException(invalidFields("RSVP_INVALID", "response"));
            fixture.given(scheduled())
                    .when(new AnswerInvitationCommand(MEETING, OUTSIDER, RsvpResponse.ATTENDING, null, null, null, AT))
                    .expectException(refused(org.saraban.api.common.SarabanException.Kind.NOT_FOUND, "MEETING_NOT_FOUND"));
        }

        @Test
        void the_letter_flows_progress_is_recorded_once_for_the_members_of_each_agency() {
            List<Object> invited = new ArrayList<>(List.of(scheduled(),
                    new InvitationLetterDraftedEvent(MEETING, "letter-1", SECRETARY.ref(), AT)));
            fixture.given(scheduled())
                    .when(new RecordInvitationLetterCommand(MEETING, "letter-1", SECRETARY, AT))
                    .expectEvents(new InvitationLetterDraftedEvent(MEETING, "letter-1", SECRETARY.ref(), AT));
            fixture.given(scheduled())
                    .when(new RecordInvitationLetterCommand(MEETING, "letter-1", member(3), AT))
                    .expectException(refused(FORBIDDEN, "NOT_AN_ORGANISER"));
            fixture.given(invited)
                    .when(new RecordInvitationProgressCommand(MEETING, "letter-1",
                            InvitationLetterProgressedEvent.Step.DELIVERED, "นร ๐๕", null, AT))
                    .expectEvents(new InvitationLetterProgressedEvent(MEETING, "letter-1",
                            InvitationLetterProgressedEvent.Step.DELIVERED, "นร ๐๕", null,
                            List.of("p-2", "p-3", "p-4", "p-5", "p-6", "p-7", "p-8"), AT));
            invited.add(new InvitationLetterProgressedEvent(MEETING, "letter-1",
                    InvitationLetterProgressedEvent.Step.DELIVERED, "นร ๐๕", null, List.of(), AT));
            fixture.given(invited)
                    .when(new RecordInvitationProgressCommand(MEETING, "letter-1",
                            InvitationLetterProgressedEvent.Step.DELIVERED, "นร ๐๕", null, AT))
                    .expectNoEvents();
            fixture.given(invited)
                    .when(new RecordInvitationProgressCommand(MEETING, "another-letter",
                            InvitationLetterProgressedEvent.Step.DELIVERED, "นร ๐๕", null, AT))
                    .expectNoEvents();
        }
    }
}
