package org.saraban.query.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.saraban.api.common.Actor;
import org.saraban.api.common.PersonRef;
import org.saraban.api.common.Role;
import org.saraban.api.meeting.AgendaItemAddedEvent;
import org.saraban.api.meeting.AgendaSection;
import org.saraban.api.meeting.BallotCastEvent;
import org.saraban.api.meeting.CommitteeMember;
import org.saraban.api.meeting.CommitteeRole;
import org.saraban.api.meeting.InvitationAnsweredEvent;
import org.saraban.api.meeting.MeetingOpenedEvent;
import org.saraban.api.meeting.MeetingScheduledEvent;
import org.saraban.api.meeting.ParticipantIdentityVerifiedEvent;
import org.saraban.api.meeting.ParticipantJoinedEvent;
import org.saraban.api.meeting.ParticipantLeftEvent;
import org.saraban.api.meeting.ParticipantMutedEvent;
import org.saraban.api.meeting.PollClosedEvent;
import org.saraban.api.meeting.PollOpenedEvent;
import org.saraban.api.meeting.QuorumChangedEvent;
import org.saraban.api.meeting.QuorumRule;
import org.saraban.api.meeting.RsvpResponse;
import org.saraban.api.meeting.VoteCastEvent;
import org.saraban.query.support.EmbeddedMongoServer;
import org.saraban.query.support.EventLog;

/**
 * The meetings projection's handlers, called directly, writing to a real (embedded) MongoDB: the live state put
 * back together from its four collections, who may see it, and replays (whole, and after a crash that cut an
 * event short) that leave it as one pass over the events does.
 */
class MeetingProjectionTest {

    @RegisterExtension
    static final EmbeddedMongoServer MONGO = new EmbeddedMongoServer();

    private static final String M = "meeting-1";
    private static final Instant AT = Instant.parse("2026-11-20T02:30:00Z");
    private static final PersonRef CHAIR = person("p-chair", "นายประธาน ใจดี");
    private static final PersonRef ANNA = person("p-anna", "นางสาวอันนา รักงาน");
    private static final PersonRef BEN = person("p-ben", "นายเบญจ ตั้งใจ");
    private static final List<String> OPTIONS = List.of("เห็นชอบ", "ไม่เห็นชอบ", "งดออกเสียง");

    private MongoDatabase db;
    private MeetingProjection projection;
    private MeetingQueries queries;
    private EventLog log;

    @BeforeEach
    void setUp() {
        db = MONGO.newDatabase();
        projection = new MeetingProjection(db);
        queries = new MeetingQueries(db);
        queries.ensureIndexes();
        log = new EventLog(projection);
    }

    private static PersonRef person(String id, String name) {
        return new PersonRef(id, name, "กรรมการ", "สพร", "๐๒");
    }

    private static CommitteeMember member(PersonRef p, CommitteeRole role) {
        return new CommitteeMember(p.id(), p.displayName(), p.position(), "สพร", "กรรมการ", role);
    }

    private static Actor actor(String personId, String agency) {
        return new Actor(personId, "ผู้ใช้ " + personId, "นักวิเคราะห์", agency, "๐๒", Set.of(Role.OFFICER), null);
    }

    /** A session: three members and an outside expert without an account, joins, a leave, two polls. */
    private List<Object> session() {
        List<Object> events = new ArrayList<>();
        events.add(new MeetingScheduledEvent(M, "c-1", "สพร", "คณะกรรมการทดสอบ", 2569, 3, "๓/๒๕๖๙", "ประชุมประจำเดือน",
                AT, null, "ห้องประชุม ๑", true, null, List.of(member(CHAIR, CommitteeRole.CHAIR),
                member(ANNA, CommitteeRole.MEMBER), member(BEN, CommitteeRole.MEMBER),
                new CommitteeMember(null, "ศ.ดร.ผู้เชี่ยวชาญ ภายนอก", "ผู้ทรงคุณวุฒิ", null, "ที่ปรึกษา",
                        CommitteeRole.INVITEE)), QuorumRule.HALF, CHAIR, AT));
        events.add(new AgendaItemAddedEvent(M, "item-1", AgendaSection.FOR_CONSIDERATION, "๕.๑", "ร่างแผน", null, null,
                List.of(), CHAIR, AT));
        events.add(new InvitationAnsweredEvent(M, BEN, RsvpResponse.ATTENDING, null, null, null, AT));
        events.add(new MeetingOpenedEvent(M, CHAIR, AT.plusSeconds(60)));
        for (PersonRef p : List.of(CHAIR, ANNA, BEN)) {
            events.add(new ParticipantIdentityVerifiedEvent(M, p, "PASSWORD", AT.plusSeconds(61)));
            events.add(new ParticipantJoinedEvent(M, p, CommitteeRole.MEMBER, "10.0.0.7", "Firefox", AT.plusSeconds(62)));
        }
        events.add(new QuorumChangedEvent(M, 3, 3, 2, true, AT.plusSeconds(62)));
        events.add(new ParticipantMutedEvent(M, BEN, true, CHAIR, AT.plusSeconds(70)));
        events.add(new PollOpenedEvent(M, "poll-named", "item-1", "เห็นชอบร่างแผนหรือไม่", OPTIONS, false,
                List.of(CHAIR.id(), ANNA.id(), BEN.id()), 3, 2, CHAIR, AT.plusSeconds(80)));
        events.add(new VoteCastEvent(M, "poll-named", BEN, "เห็นชอบ", AT.plusSeconds(81)));
        events.add(new VoteCastEvent(M, "poll-named", ANNA, "งดออกเสียง", AT.plusSeconds(82)));
        events.add(new PollClosedEvent(M, "poll-named", counts(1, 0, 1), 2, 3, CHAIR, AT.plusSeconds(90)));
        events.add(new PollOpenedEvent(M, "poll-secret", "item-1", "ลับ", OPTIONS, true,
                List.of(CHAIR.id(), ANNA.id(), BEN.id()), 3, 2, CHAIR, AT.plusSeconds(100)));
        events.add(new BallotCastEvent(M, "poll-secret", ANNA, "sealed-1", AT.plusSeconds(101)));
        events.add(new ParticipantLeftEvent(M, BEN, null, null, AT.plusSeconds(110)));
        events.add(new QuorumChangedEvent(M, 2, 3, 2, true, AT.plusSeconds(110)));
        return events;
    }

    private static Map<String, Integer> counts(int yes, int no, int abstain) {
        Map<String, Integer> c = new LinkedHashMap<>();
        c.put(OPTIONS.get(0), yes);
        c.put(OPTIONS.get(1), no);
        c.put(OPTIONS.get(2), abstain);
        return c;
    }

    private Document live() {
        return queries.find(M, actor(ANNA.id(), "อื่น")).orElseThrow();
    }

    @Test
    void the_live_state_is_put_back_together_from_members_attendance_and_voters() {
        session().forEach(log::apply);
        Document d = live();

        assertThat(d.getString("status")).isEqualTo("OPEN");
        assertThat(d.getLong("seq")).isEqualTo(log.position());
        assertThat(d.get("quorum", Document.class).getInteger("present")).isEqualTo(2);
        assertThat(d.getList("participants", String.class)).containsExactly(CHAIR.id(), ANNA.id(), BEN.id());

        List<Document> members = d.getList("members", Document.class);
        assertThat(members).extracting(m -> m.getString("name")).containsExactly(CHAIR.displayName(),
                ANNA.displayName(), BEN.displayName(), "ศ.ดร.ผู้เชี่ยวชาญ ภายนอก");
        assertThat(members).extracting(m -> m.getBoolean("present")).containsExactly(true, true, false, false);
        assertThat(members.get(2).getBoolean("muted")).isTrue();
        assertThat(members.get(2).get("rsvp", Document.class).getString("response")).isEqualTo("ATTENDING");
        assertThat(members.get(1).get("rsvp")).isNull();

        List<Document> attendance = d.getList("attendance", Document.class);
        assertThat(attendance).extracting(a -> a.getString("what")).containsExactly("IDENTITY_VERIFIED", "JOINED",
                "IDENTITY_VERIFIED", "JOINED", "IDENTITY_VERIFIED", "JOINED", "LEFT");
        assertThat(attendance.get(0).getString("method")).isEqualTo("PASSWORD");
        assertThat(attendance.get(1).getString("address")).isEqualTo("10.0.0.7");
        assertThat(attendance.get(6).getString("personId")).isEqualTo(BEN.id());

        List<Document> polls = d.getList("polls", Document.class);
        Document named = polls.get(0);
        assertThat(named.getString("status")).isEqualTo("CLOSED");
        assertThat(named.getList("eligible", String.class)).containsExactly(CHAIR.id(), ANNA.id(), BEN.id());
        assertThat(named.getList("voted", String.class)).containsExactly(BEN.id(), ANNA.id()); // in voting order
        assertThat(named.get("counts", Document.class)).containsEntry("เห็นชอบ", 1).containsEntry("งดออกเสียง", 1);
        Document secret = polls.get(1);
        assertThat(secret.getString("status")).isEqualTo("OPEN");
        assertThat(secret.getInteger("votes")).isEqualTo(1);
        assertThat(secret.getList("voted", String.class)).containsExactly(ANNA.id());
        assertThat(secret.get("counts")).isNull();
    }

    @Test
    void votes_count_while_the_poll_is_open() {
        List<Object> events = session();
        events.subList(0, events.indexOf(events.stream().filter(e -> e instanceof PollClosedEvent).findFirst()
                .orElseThrow())).forEach(log::apply);
        Document named = live().getList("polls", Document.class).get(0);
        assertThat(named.getInteger("votes")).isEqualTo(2);
        assertThat(named.get("counts", Document.class)).containsEntry("เห็นชอบ", 1).containsEntry("ไม่เห็นชอบ", 0)
                .containsEntry("งดออกเสียง", 1);
    }

    @Test
    void only_participants_and_the_organising_agency_see_the_meeting_or_find_it_in_their_list() {
        session().forEach(log::apply);
        Actor member = actor(BEN.id(), "กรม ก");
        Actor organiser = actor("p-clerk", "สพร");
        Actor outsider = actor("p-other", "กรม ข");

        assertThat(queries.canSee(M, member)).isTrue();
        assertThat(queries.canSee(M, organiser)).isTrue();
        assertThat(queries.canSee(M, outsider)).isFalse();
        assertThat(queries.canSee("no-such-meeting", organiser)).isFalse();
        assertThat(queries.find(M, outsider)).isEmpty();
        assertThat(queries.isParticipant(M, BEN.id())).isTrue();
        assertThat(queries.isParticipant(M, "p-clerk")).isFalse();
        assertThat(queries.list(member)).extracting(m -> m.getString("id")).containsExactly(M);
        assertThat(queries.list(organiser)).extracting(m -> m.getString("id")).containsExactly(M);
        assertThat(queries.list(outsider)).isEmpty();
    }

    @Test
    void a_whole_replay_changes_nothing() {
        session().forEach(log::apply);
        Map<String, List<Document>> once = readModel();
        log.appended().forEach(log::feed);
        assertThat(readModel()).isEqualTo(once);
    }

    /** Another node wrote the meeting meanwhile (the processor's claim moved and came back): its writes stand. */
    @Test
    void a_document_written_elsewhere_meanwhile_is_read_again_before_the_next_event() {
        List<TrackedEventMessage<?>> appended = new ArrayList<>();
        session().forEach(e -> appended.add(log.apply(e)));
        Map<String, List<Document>> clean = readModel();

        MongoDatabase other = MONGO.newDatabase();
        EventLog nodeA = new EventLog(new MeetingProjection(other));
        EventLog nodeB = new EventLog(new MeetingProjection(other));
        int half = appended.size() / 2;
        appended.subList(0, half).forEach(nodeA::feed);
        appended.subList(half, half + 3).forEach(nodeB::feed);
        appended.subList(half + 3, appended.size()).forEach(nodeA::feed);
        assertThat(readModel(other)).isEqualTo(clean);
    }

    /**
     * A crash after an event's members, attendance or voters were written and before the meeting's document was:
     * the processor delivers that event again and goes on, and the read model ends as one clean pass leaves it.
     */
    @Test
    void an_event_cut_short_by_a_crash_is_done_again_without_doubling_anything() {
        session().forEach(log::apply);
        Map<String, List<Document>> clean = readModel();
        List<TrackedEventMessage<?>> appended = log.appended();

        for (int cut = 1; cut < appended.size(); cut++) {
            MongoDatabase other = MONGO.newDatabase();
            EventLog replay = new EventLog(new MeetingProjection(other));
            appended.subList(0, cut).forEach(replay::feed);
            Document before = other.getCollection(MeetingProjection.MEETINGS).find().first();
            replay.feed(appended.get(cut));
            // the meeting's document as it was before the event: its own write was lost, and the process restarts
            other.getCollection(MeetingProjection.MEETINGS).replaceOne(new Document("_id", M), before);
            EventLog restarted = new EventLog(new MeetingProjection(other));
            appended.subList(cut, appended.size()).forEach(restarted::feed);
            assertThat(readModel(other)).as("cut at event %d (%s)", cut,
                    appended.get(cut).getPayloadType().getSimpleName()).isEqualTo(clean);
        }
    }

    private Map<String, List<Document>> readModel() {
        return readModel(db);
    }

    private static Map<String, List<Document>> readModel(MongoDatabase d) {
        Map<String, List<Document>> all = new LinkedHashMap<>();
        for (String name : List.of(MeetingProjection.MEETINGS, MeetingProjection.MEETING_EVENTS, MeetingProjection.MEMBERS,
                MeetingProjection.ATTENDANCE, MeetingProjection.VOTERS)) {
            all.put(name, d.getCollection(name).find().sort(Sorts.ascending("_id")).into(new ArrayList<>()));
        }
        return all;
    }
}
