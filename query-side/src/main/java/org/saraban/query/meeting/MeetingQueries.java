package org.saraban.query.meeting;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.or;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.saraban.api.common.Actor;
import org.saraban.query.support.PositionedStore;

/**
 * Meetings as their participants and the organising agency see them: the live state, the list, and the
 * events after a sequence number for a client that reconnects. Anyone else does not learn a meeting exists.
 */
public class MeetingQueries {

    private final MongoCollection<Document> meetings;
    private final MongoCollection<Document> events;
    private final MongoCollection<Document> members;
    private final MongoCollection<Document> attendance;
    private final MongoCollection<Document> voters;
    private final PositionedStore positioned;
    private final MeetingFeed feed;

    public MeetingQueries(MongoDatabase db) {
        this(db, new MeetingFeed());
    }

    /** {@code feed}: the one the {@link MeetingProjection} of this process hands what it projects to. */
    public MeetingQueries(MongoDatabase db, MeetingFeed feed) {
        this.feed = feed;
        this.meetings = db.getCollection(MeetingProjection.MEETINGS);
        this.positioned = new PositionedStore(meetings);
        this.events = db.getCollection(MeetingProjection.MEETING_EVENTS);
        this.members = db.getCollection(MeetingProjection.MEMBERS);
        this.attendance = db.getCollection(MeetingProjection.ATTENDANCE);
        this.voters = db.getCollection(MeetingProjection.VOTERS);
    }

    public void ensureIndexes() {
        meetings.createIndex(Indexes.ascending("agencyCode", "startsAt"));
        events.createIndex(Indexes.ascending("meetingId", "seq"));
        members.createIndex(Indexes.ascending("meetingId", "order"));
        members.createIndex(Indexes.ascending("member.personId"));
        attendance.createIndex(Indexes.ascending("meetingId"));
        voters.createIndex(Indexes.ascending("meetingId", "pollId"));
    }

    /**
     * The meeting's live state, if the actor takes part in it or belongs to the organising agency: its document
     * with the members, the join/leave log and each poll's eligible voters and who has voted put back in.
     */
    public Optional<Document> find(String meetingId, Actor actor) {
        Document d = meetings.find(eq("_id", meetingId)).first();
        if (d == null || !(organiser(d, actor) || isParticipant(meetingId, actor.personId()))) {
            return Optional.empty();
        }
        d.remove("_id");
        d.remove("position");
        List<Document> memberList = new ArrayList<>();
        List<String> participants = new ArrayList<>();
        members.find(eq("meetingId", meetingId)).sort(Sorts.ascending("order")).forEach(row -> {
            Document m = row.get("member", Document.class);
            memberList.add(m);
            if (m.getString("personId") != null) {
                participants.add(m.getString("personId"));
            }
        });
        List<Document> log = new ArrayList<>();
        attendance.find(eq("meetingId", meetingId)).sort(Sorts.ascending("_id")).forEach(a -> {
            a.remove("_id");
            a.remove("meetingId");
            log.add(a);
        });
        Map<String, List<Document>> byPoll = new HashMap<>();
        voters.find(eq("meetingId", meetingId)).forEach(v -> byPoll.computeIfAbsent(v.getString("pollId"),
                k -> new ArrayList<>()).add(v));
        for (Document poll : d.getList("polls", Document.class, List.of())) {
            List<Document> rows = byPoll.getOrDefault(poll.getString("pollId"), List.of());
            poll.put("eligible", rows.stream().sorted(java.util.Comparator.comparingInt(v -> v.getInteger("order")))
                    .map(v -> v.getString("personId")).toList());
            poll.put("voted", rows.stream().filter(v -> v.get("votedSeq") != null)
                    .sorted(java.util.Comparator.comparingLong(v -> v.get("votedSeq", Number.class).longValue()))
                    .map(v -> v.getString("personId")).toList());
        }
        d.put("members", memberList);
        d.put("participants", participants);
        d.put("attendance", log);
        return Optional.of(d);
    }

    /**
     * Whether the actor may see the meeting (takes part in it or belongs to the organising agency), by two point
     * reads: what every command checks before it is sent, without putting the live state together.
     */
    public boolean canSee(String meetingId, Actor actor) {
        Document d = meetings.find(eq("_id", meetingId)).projection(Projections.include("agencyCode")).first();
        return d != null && (organiser(d, actor) || isParticipant(meetingId, actor.personId()));
    }

    /** Whether {@code personId} takes part in the meeting (only participants follow it live). */
    public boolean isParticipant(String meetingId, String personId) {
        return personId != null && members.countDocuments(
                eq("_id", MeetingProjection.memberKey(meetingId, personId, -1))) > 0;
    }

    /** The logged event at {@code seq}, as a reconnecting client would get it. */
    public Optional<Document> event(long seq) {
        Optional<Document> projectedHere = feed.recent(seq);
        if (projectedHere.isPresent()) {
            return projectedHere;
        }
        Document d = events.find(eq("_id", seq)).first();
        if (d != null) {
            d.remove("_id");
        }
        return Optional.ofNullable(d);
    }

    /** Whether the actor is one of the meeting's participants (who alone may follow it live). */
    public static boolean participant(Document meeting, Actor actor) {
        return meeting.getList("participants", String.class, List.of()).contains(actor.personId());
    }

    private static boolean organiser(Document meeting, Actor actor) {
        return actor.agencyCode() != null && actor.agencyCode().equals(meeting.getString("agencyCode"));
    }

    /** The meetings the actor takes part in or their agency organises, by start time. */
    public List<Document> list(Actor actor) {
        List<Document> out = new ArrayList<>();
        List<String> taking = new ArrayList<>();
        if (actor.personId() != null) {
            members.find(eq("member.personId", actor.personId())).projection(Projections.include("meetingId"))
                    .forEach(m -> taking.add(m.getString("meetingId")));
        }
        meetings.find(or(in("_id", taking), eq("agencyCode", actor.agencyCode())))
                .sort(Sorts.ascending("startsAt")).forEach(d -> {
                    Document summary = new Document();
                    for (String k : List.of("id", "committeeId", "committeeName", "number", "title", "startsAt",
                            "startsAtThai", "endsAt", "dateThai", "weekdayThai", "timeThai", "place", "online", "status",
                            "quorum", "seq")) {
                        summary.put(k, d.get(k));
                    }
                    Document minutes = d.get("minutes", Document.class);
                    summary.put("minutesStatus", minutes == null ? null : minutes.getString("status"));
                    out.add(summary);
                });
        return out;
    }

    /**
     * Waits until the live state reflects the event at {@code position} (read-your-writes): woken by this
     * process's projection, and reading the position itself every 50 ms for a projection elsewhere.
     */
    public boolean awaitPosition(String meetingId, long position, java.time.Duration timeout) {
        return feed.positions().await(meetingId, position, timeout, () -> positioned.position(meetingId));
    }

    /** The meeting's events after {@code after}, in order; call {@link #find} first for access. */
    public List<Document> eventsAfter(String meetingId, long after) {
        List<Document> out = new ArrayList<>();
        events.find(and(eq("meetingId", meetingId), gt("seq", after))).sort(Sorts.ascending("seq")).forEach(d -> {
            d.remove("_id");
            out.add(d);
        });
        return out;
    }
}
