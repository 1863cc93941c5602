package org.saraban.query.meeting;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.or;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
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
    private final PositionedStore positioned;

    public MeetingQueries(MongoDatabase db) {
        this.meetings = db.getCollection(MeetingProjection.MEETINGS);
        this.positioned = new PositionedStore(meetings);
        this.events = db.getCollection(MeetingProjection.MEETING_EVENTS);
    }

    public void ensureIndexes() {
        meetings.createIndex(Indexes.ascending("participants"));
        meetings.createIndex(Indexes.ascending("agencyCode", "startsAt"));
        events.createIndex(Indexes.ascending("meetingId", "seq"));
    }

    /** The meeting's live state, if the actor takes part in it or belongs to the organising agency. */
    public Optional<Document> find(String meetingId, Actor actor) {
        Document d = meetings.find(eq("_id", meetingId)).first();
        if (d == null || !visible(d, actor)) {
            return Optional.empty();
        }
        d.remove("_id");
        d.remove("position");
        return Optional.of(d);
    }

    /** Whether {@code personId} takes part in the meeting (only participants follow it live). */
    public boolean isParticipant(String meetingId, String personId) {
        return personId != null && meetings.countDocuments(and(eq("_id", meetingId), eq("participants", personId))) > 0;
    }

    /** The logged event at {@code seq}, as a reconnecting client would get it. */
    public Optional<Document> event(long seq) {
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

    private static boolean visible(Document meeting, Actor actor) {
        return participant(meeting, actor) || actor.agencyCode() != null
                && actor.agencyCode().equals(meeting.getString("agencyCode"));
    }

    /** The meetings the actor takes part in or their agency organises, by start time. */
    public List<Document> list(Actor actor) {
        List<Document> out = new ArrayList<>();
        meetings.find(or(eq("participants", actor.personId()), eq("agencyCode", actor.agencyCode())))
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

    /** Waits until the live state reflects the event at {@code position} (read-your-writes). */
    public boolean awaitPosition(String meetingId, long position, java.time.Duration timeout) {
        return positioned.awaitPosition(meetingId, position, timeout);
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
