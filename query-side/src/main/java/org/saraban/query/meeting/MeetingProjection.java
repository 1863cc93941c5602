package org.saraban.query.meeting;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.saraban.api.common.PersonRef;
import org.saraban.api.common.ThaiText;
import org.saraban.api.meeting.AgendaItemAddedEvent;
import org.saraban.api.meeting.InvitationAnsweredEvent;
import org.saraban.api.meeting.InvitationLetterDraftedEvent;
import org.saraban.api.meeting.InvitationLetterProgressedEvent;
import org.saraban.api.meeting.MinutesCertifiedEvent;
import org.saraban.api.meeting.MinutesCirculatedEvent;
import org.saraban.api.meeting.MinutesDraftedEvent;
import org.saraban.api.meeting.MinutesEditedEvent;
import org.saraban.api.meeting.MinutesFiledEvent;
import org.saraban.api.meeting.MinutesObjectionRaisedEvent;
import org.saraban.api.meeting.MinutesSignedEvent;
import org.saraban.api.meeting.FloorGivenEvent;
import org.saraban.api.meeting.FloorRequestedEvent;
import org.saraban.api.meeting.MeetingSuspendedEvent;
import org.saraban.api.meeting.ParticipantMutedEvent;
import org.saraban.api.meeting.ProblemReportedEvent;
import org.saraban.api.meeting.RecordingAttachedEvent;
import org.saraban.api.meeting.AgendaItemStartedEvent;
import org.saraban.api.meeting.BallotCastEvent;
import org.saraban.api.meeting.CommitteeMember;
import org.saraban.api.meeting.ConflictOfInterestDeclaredEvent;
import org.saraban.api.meeting.MeetingClosedEvent;
import org.saraban.api.meeting.MeetingOpenedEvent;
import org.saraban.api.meeting.MeetingScheduledEvent;
import org.saraban.api.meeting.ParticipantIdentityVerifiedEvent;
import org.saraban.api.meeting.ParticipantJoinedEvent;
import org.saraban.api.meeting.ParticipantLeftEvent;
import org.saraban.api.meeting.PollClosedEvent;
import org.saraban.api.meeting.PollOpenedEvent;
import org.saraban.api.meeting.QuorumChangedEvent;
import org.saraban.api.meeting.ResolutionRecordedEvent;
import org.saraban.api.meeting.VoteCastEvent;
import org.saraban.query.support.Docs;
import org.saraban.query.support.PositionedStore;
import org.saraban.query.support.Positions;

/**
 * Projects meeting events into the live state and {@code meeting_events} (each event once, by its global
 * position, for clients that reconnect). A secret ballot appears in both only as "this member voted": its
 * sealed choice is never copied out of the event store.
 * <p>
 * The live state is kept in four collections, so that no event rewrites more than it changes however large the
 * meeting: {@code meetings} (one document per meeting: heading, quorum, agenda with recusals and resolutions,
 * polls with their running counts, speakers, minutes), {@code meeting_members} (one per member: presence,
 * invitation, answer), {@code meeting_attendance} (one per join, leave or identity check, by the event's
 * position) and {@code meeting_voters} (one per eligible voter of a poll: whether and when they voted).
 * {@link MeetingQueries#find} puts them back together. A meeting of 1,000 members would otherwise be a
 * document of about a megabyte, read and written whole for every vote.
 * <p>
 * Idempotent by position: the meeting's document records the last event it reflects and is written last, after
 * the other collections, whose writes are themselves idempotent ({@code $set} of the event's values, or an
 * upsert by a key the event fixes). A replay skips every event at or below the meeting's position, and redoes
 * the one event whose other writes a crash may have cut short.
 */
@ProcessingGroup(MeetingProjection.GROUP)
public class MeetingProjection {

    public static final String GROUP = "meetings";
    public static final String MEETINGS = "meetings";
    public static final String MEETING_EVENTS = "meeting_events";
    public static final String MEMBERS = "meeting_members";
    public static final String ATTENDANCE = "meeting_attendance";
    public static final String VOTERS = "meeting_voters";

    private final PositionedStore meetings;
    private final MongoCollection<Document> events;
    private final MongoCollection<Document> members;
    private final MongoCollection<Document> attendance;
    private final MongoCollection<Document> voters;
    private final MeetingFeed feed;
    /** The meetings' documents as last written here: this processor is their only writer (see change()). */
    private final Map<String, Document> written = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Document> eldest) {
                    return size() > WRITTEN_KEPT;
                }
            });
    static final int WRITTEN_KEPT = 256;

    public MeetingProjection(com.mongodb.client.MongoDatabase db) {
        this(db, new MeetingFeed());
    }

    /** {@code feed}: shared with the {@link MeetingQueries} of this process, to hand them what it projects. */
    public MeetingProjection(com.mongodb.client.MongoDatabase db, MeetingFeed feed) {
        this.feed = feed;
        this.meetings = new PositionedStore(db.getCollection(MEETINGS));
        this.events = db.getCollection(MEETING_EVENTS);
        this.members = db.getCollection(MEMBERS);
        this.attendance = db.getCollection(ATTENDANCE);
        this.voters = db.getCollection(VOTERS);
    }

    @ResetHandler
    void reset() {
        feed.clear();
        written.clear();
        meetings.collection().drop();
        events.drop();
        members.drop();
        attendance.drop();
        voters.drop();
    }

    /** A member's key: the meeting and the person, or the member's place in the list if they have no account. */
    static String memberKey(String meetingId, String personId, int order) {
        return meetingId + "/" + (personId != null ? personId : "#" + order);
    }

    static String voterKey(String pollId, String personId) {
        return pollId + "/" + personId;
    }

    @EventHandler
    void on(MeetingScheduledEvent e, TrackingToken token, MetaData meta) {
        long position = Positions.of(token, meta);
        log(e.meetingId(), position, "MeetingScheduled", e.at(), Docs.of(e));
        if (meetings.position(e.meetingId()) >= position) {
            return;
        }
        List<WriteModel<Document>> memberDocs = new ArrayList<>();
        for (int i = 0; i < e.members().size(); i++) {
            CommitteeMember m = e.members().get(i);
            String key = memberKey(e.meetingId(), m.personId(), i);
            memberDocs.add(new ReplaceOneModel<>(eq("_id", key), new Document("_id", key)
                    .append("meetingId", e.meetingId()).append("order", i).append("member", Docs.of(m)
                            .append("present", false).append("invitation", null).append("rsvp", null)),
                    new ReplaceOptions().upsert(true)));
        }
        if (!memberDocs.isEmpty()) {
            members.bulkWrite(memberDocs, new BulkWriteOptions().ordered(true));
        }
        meetings.create(e.meetingId(), position, d -> {
            d.put("id", e.meetingId());
            d.put("committeeId", e.committeeId());
            d.put("committeeName", e.committeeName());
            d.put("agencyCode", e.agencyCode());
            d.put("number", e.number());
            d.put("yearBE", e.yearBE());
            d.put("sequence", e.sequence());
            d.put("title", e.title());
            Docs.putTime(d, "startsAt", e.startsAt());
            d.put("dateThai", ThaiText.date(e.startsAt()));
            d.put("weekdayThai", "วัน" + ThaiText.weekday(e.startsAt()));
            d.put("timeThai", ThaiText.time(e.startsAt()));
            if (e.endsAt() != null) {
                Docs.putTime(d, "endsAt", e.endsAt());
            }
            d.put("place", e.place());
            d.put("online", e.online());
            d.put("conferenceUrl", e.conferenceUrl());
            d.put("status", "SCHEDULED");
            int voting = (int) e.members().stream().filter(m -> m.role().voting()).count();
            d.put("quorum", new Document("present", 0).append("members", voting)
                    .append("required", e.quorumRule().required(voting)).append("met", false));
            d.put("agenda", new ArrayList<Document>());
            d.put("polls", new ArrayList<Document>());
            d.put("currentItem", null);
            d.put("speakers", new ArrayList<Document>());
            d.put("speaking", null);
            d.put("problems", new ArrayList<Document>());
            d.put("recording", null);
            d.put("invitations", new ArrayList<Document>());
            d.put("minutes", null);
            d.put("seq", position);
        });
        written.remove(e.meetingId());
        feed.projected(e.meetingId(), position);
    }

    @EventHandler
    void on(AgendaItemAddedEvent e, TrackingToken token, MetaData meta) {
        change(e.meetingId(), "AgendaItemAdded", e.at(), Docs.of(e), token, meta, d -> {
            Document item = new Document("itemId", e.itemId()).append("section", e.section().number())
                    .append("sectionThai", e.section().thai()).append("number", e.number()).append("title", e.title())
                    .append("description", e.description()).append("presenter", e.presenter())
                    .append("documents", Docs.list(e.documents())).append("recused", new ArrayList<Document>())
                    .append("resolution", null);
            List<Document> agenda = d.getList("agenda", Document.class);
            agenda.add(item);
            agenda.sort(Comparator.comparingInt(a -> a.getInteger("section"))); // stable: items keep their order
        });
    }

    @EventHandler
    void on(MeetingOpenedEvent e, TrackingToken token, MetaData meta) {
        change(e.meetingId(), "MeetingOpened", e.at(), Docs.of(e), token, meta, d -> {
            d.put("status", "OPEN");
            Docs.putTime(d, "openedAt", e.at());
        });
    }

    @EventHandler
    void on(ParticipantIdentityVerifiedEvent e, TrackingToken token, MetaData meta) {
        change(e.meetingId(), "ParticipantIdentityVerified", e.at(), Docs.of(e), token, meta, position ->
                attend(e.meetingId(), position, e.person(), "IDENTITY_VERIFIED", e.at(),
                        new Document("method", e.method())), d -> { });
    }

    @EventHandler
    void on(ParticipantJoinedEvent e, TrackingToken token, MetaData meta) {
        change(e.meetingId(), "ParticipantJoined", e.at(), Docs.of(e), token, meta, position -> {
            attend(e.meetingId(), position, e.person(), "JOINED", e.at(),
                    new Document("address", e.address()).append("client", e.client()));
            setMember(e.meetingId(), e.person().id(), "present", true);
        }, d -> { });
    }

    @EventHandler
    void on(ParticipantLeftEvent e, TrackingToken token, MetaData meta) {
        change(e.meetingId(), "ParticipantLeft", e.at(), Docs.of(e), token, meta, position -> {
            attend(e.meetingId(), position, e.person(), "LEFT", e.at(),
                    new Document("removedBy", Docs.of(e.removedBy())).append("reason", e.reason()));
            setMember(e.meetingId(), e.person().id(), "present", false);
        }, d -> {
            d.getList("speakers", Document.class).removeIf(x -> e.person().id().equals(x.getString("personId")));
        });
    }

    @EventHandler
    void on(FloorRequestedEvent e, TrackingToken token, MetaData meta) {
        change(e.meetingId(), "FloorRequested", e.at(), Docs.of(e), token, meta, d -> {
            List<Document> speakers = d.getList("speakers", Document.class);
            speakers.removeIf(x -> e.person().id().equals(x.getString("personId")));
            if (!e.withdrawn()) {
                Document speaker = new Document("personId", e.person().id()).append("name", e.person().displayName());
                Docs.putTime(speaker, "at", e.at());
                speakers.add(speaker);
            }
        });
    }

    @EventHandler
    void on(FloorGivenEvent e, TrackingToken token, MetaData meta) {
        change(e.meetingId(), "FloorGiven", e.at(), Docs.of(e), token, meta, d -> {
            d.getList("speakers", Document.class).removeIf(x -> e.speaker().id().equals(x.getString("personId")));
            Document speaking = new Document("personId", e.speaker().id()).append("name", e.speaker().displayName());
            Docs.putTime(speaking, "since", e.at());
            d.put("speaking", speaking);
        });
    }

    @EventHandler
    void on(ParticipantMutedEvent e, TrackingToken token, MetaData meta) {
        change(e.meetingId(), "ParticipantMuted", e.at(), Docs.of(e), token, meta, position ->
                setMember(e.meetingId(), e.person().id(), "muted", e.muted()), d -> { });
    }

    @EventHandler
    void on(MeetingSuspendedEvent e, TrackingToken token, MetaData meta) {
        change(e.meetingId(), e.suspended() ? "MeetingSuspended" : "MeetingResumed", e.at(), Docs.of(e), token, meta,
                d -> {
                    d.put("status", e.suspended() ? "SUSPENDED" : "OPEN");
                    d.put("suspendedReason", e.suspended() ? e.reason() : null);
                });
    }

    @EventHandler
    void on(ProblemReportedEvent e, TrackingToken token, MetaData meta) {
        change(e.meetingId(), "ProblemReported", e.at(), Docs.of(e), token, meta, d -> {
            Document problem = new Document("personId", e.person().id()).append("name", e.person().displayName())
                    .append("text", e.text());
            Docs.putTime(problem, "at", e.at());
            d.getList("problems", Document.class).add(problem);
        });
    }

    @EventHandler
    void on(RecordingAttachedEvent e, TrackingToken token, MetaData meta) {
        change(e.meetingId(), "RecordingAttached", e.at(), Docs.of(e), token, meta, d ->
                d.put("recording", Docs.of(e.recording()).append("by", Docs.of(e.by()))));
    }

    @EventHandler
    void on(QuorumChangedEvent e, TrackingToken token, MetaData meta) {
        change(e.meetingId(), "QuorumChanged", e.at(), Docs.of(e), token, meta, d -> d.put("quorum",
                new Document("present", e.present()).append("members", e.members())
                        .append("required", e.required()).append("met", e.met())));
    }

    @EventHandler
    void on(AgendaItemStartedEvent e, TrackingToken token, MetaData meta) {
        change(e.meetingId(), "AgendaItemStarted", e.at(), Docs.of(e), token, meta, d -> {
            d.put("currentItem", e.itemId());
            item(d, e.itemId()).put("quorumAtStart", new Document("present", e.present())
                    .append("eligible", e.eligible()).append("required", e.required()).append("met", e.quorumMet()));
        });
    }

    @EventHandler
    void on(ConflictOfInterestDeclaredEvent e, TrackingToken token, MetaData meta) {
        change(e.meetingId(), "ConflictOfInterestDeclared", e.at(), Docs.of(e), token, meta, d ->
                item(d, e.itemId()).getList("recused", Document.class).add(new Document("personId", e.member().id())
                        .append("name", e.member().displayName()).append("reason", e.reason())));
    }

    @EventHandler
    void on(PollOpenedEvent e, TrackingToken token, MetaData meta) {
        change(e.meetingId(), "PollOpened", e.at(), Docs.of(e), token, meta, position -> {
            List<WriteModel<Document>> eligible = new ArrayList<>();
            for (int i = 0; i < e.eligibleVoters().size(); i++) {
                String key = voterKey(e.pollId(), e.eligibleVoters().get(i));
                eligible.add(new ReplaceOneModel<>(eq("_id", key), new Document("_id", key)
                        .append("meetingId", e.meetingId()).append("pollId", e.pollId())
                        .append("personId", e.eligibleVoters().get(i)).append("order", i).append("votedSeq", null),
                        new ReplaceOptions().upsert(true)));
            }
            if (!eligible.isEmpty()) {
                voters.bulkWrite(eligible, new BulkWriteOptions().ordered(true));
            }
        }, d -> {
            Document poll = new Document("pollId", e.pollId()).append("itemId", e.itemId())
                    .append("question", e.question()).append("options", e.options()).append("secret", e.secret())
                    .append("status", "OPEN").append("present", e.present())
                    .append("required", e.required()).append("votes", 0)
                    .append("counts", e.secret() ? null : zeroCounts(e.options()));
            Docs.putTime(poll, "openedAt", e.at());
            d.getList("polls", Document.class).add(poll);
        });
    }

    @EventHandler
    void on(VoteCastEvent e, TrackingToken token, MetaData meta) {
        change(e.meetingId(), "VoteCast", e.at(), Docs.of(e), token, meta, position ->
                voted(e.pollId(), e.voter().id(), position), d -> {
            Document poll = poll(d, e.pollId());
            poll.put("votes", poll.getInteger("votes", 0) + 1);
            Document counts = poll.get("counts", Document.class);
            counts.put(e.choice(), counts.getInteger(e.choice(), 0) + 1);
        });
    }

    /** Only "this member voted" leaves the event store: the sealed choice is not copied anywhere. */
    @EventHandler
    void on(BallotCastEvent e, TrackingToken token, MetaData meta) {
        Document withoutBallot = new Document("meetingId", e.meetingId()).append("pollId", e.pollId())
                .append("voter", Docs.of(e.voter())).append("at", e.at().toString());
        change(e.meetingId(), "BallotCast", e.at(), withoutBallot, token, meta, position ->
                voted(e.pollId(), e.voter().id(), position), d -> {
            Document poll = poll(d, e.pollId());
            poll.put("votes", poll.getInteger("votes", 0) + 1);
        });
    }

    @EventHandler
    void on(PollClosedEvent e, TrackingToken token, MetaData meta) {
        change(e.meetingId(), "PollClosed", e.at(), Docs.of(e), token, meta, d -> {
            Document poll = poll(d, e.pollId());
            poll.put("status", "CLOSED");
            poll.put("counts", new Document(e.counts()));
            poll.put("votes", e.votes());
            Docs.putTime(poll, "closedAt", e.at());
        });
    }

    @EventHandler
    void on(ResolutionRecordedEvent e, TrackingToken token, MetaData meta) {
        change(e.meetingId(), "ResolutionRecorded", e.at(), Docs.of(e), token, meta, d ->
                item(d, e.itemId()).put("resolution", new Document("type", e.type().name())
                        .append("typeThai", e.type().thai()).append("text", e.text()).append("pollId", e.pollId())
                        .append("counts", new Document(e.counts())).append("by", Docs.of(e.by()))));
    }

    @EventHandler
    void on(MeetingClosedEvent e, TrackingToken token, MetaData meta) {
        change(e.meetingId(), "MeetingClosed", e.at(), Docs.of(e), token, meta, d -> {
            d.put("status", "CLOSED");
            d.put("currentItem", null);
            Docs.putTime(d, "closedAt", e.at());
        });
    }

    // ------------------------------------------------------------------ invitations and answers

    @EventHandler
    void on(InvitationLetterDraftedEvent e, TrackingToken token, MetaData meta) {
        change(e.meetingId(), "InvitationLetterDrafted", e.at(), Docs.of(e), token, meta, d -> {
            Document letter = new Document("letterId", e.letterId()).append("status", "DRAFT")
                    .append("by", Docs.of(e.by())).append("number", null).append("dispatchedAt", null);
            Docs.putTime(letter, "at", e.at());
            invitations(d).add(letter);
        });
    }

    @EventHandler
    void on(InvitationLetterProgressedEvent e, TrackingToken token, MetaData meta) {
        change(e.meetingId(), "InvitationLetterProgressed", e.at(), Docs.of(e), token, meta, position -> {
            List<String> keys = e.members().stream().map(p -> memberKey(e.meetingId(), p, -1)).toList();
            for (Document row : members.find(in("_id", keys))) {
                Document m = row.get("member", Document.class);
                Document invitation = m.get("invitation", Document.class);
                if (invitation == null || !e.letterId().equals(invitation.getString("letterId"))) {
                    invitation = new Document("letterId", e.letterId()).append("dispatchedAt", null)
                            .append("deliveredAt", null).append("receivedAt", null).append("receivingNumber", null);
                }
                switch (e.step()) {
                    case DISPATCHED -> Docs.putTime(invitation, "dispatchedAt", e.at());
                    case DELIVERED -> Docs.putTime(invitation, "deliveredAt", e.at());
                    case RECEIVED -> {
                        Docs.putTime(invitation, "receivedAt", e.at());
                        invitation.put("receivingNumber", e.number());
                    }
                }
                members.updateOne(eq("_id", row.get("_id")), Updates.set("member.invitation", invitation));
            }
        }, d -> {
            Document letter = invitations(d).stream().filter(l -> e.letterId().equals(l.getString("letterId")))
                    .findFirst().orElse(null);
            if (letter != null && e.step() == InvitationLetterProgressedEvent.Step.DISPATCHED) {
                letter.put("status", "DISPATCHED");
                letter.put("number", e.number());
                Docs.putTime(letter, "dispatchedAt", e.at());
            }
        });
    }

    @EventHandler
    void on(InvitationAnsweredEvent e, TrackingToken token, MetaData meta) {
        change(e.meetingId(), "InvitationAnswered", e.at(), Docs.of(e), token, meta, position -> {
            Document rsvp = new Document("response", e.response().name())
                    .append("responseThai", e.response().thai()).append("reason", e.reason())
                    .append("delegateName", e.delegateName()).append("delegatePosition", e.delegatePosition());
            Docs.putTime(rsvp, "at", e.at());
            setMember(e.meetingId(), e.member().id(), "rsvp", rsvp);
        }, d -> { });
    }

    private static List<Document> invitations(Document d) {
        if (d.get("invitations") == null) {
            d.put("invitations", new ArrayList<Document>());
        }
        return d.getList("invitations", Document.class);
    }

    // ------------------------------------------------------------------ minutes

    @EventHandler
    void on(MinutesDraftedEvent e, TrackingToken token, MetaData meta) {
        change(e.meetingId(), "MinutesDrafted", e.at(), Docs.of(e), token, meta, d -> {
            Document minutes = new Document("meetingId", e.meetingId()).append("status", "DRAFT").append("revision", 1)
                    .append("text", e.text()).append("editedAt", null).append("editedBy", null)
                    .append("circulation", null).append("certification", null)
                    .append("signatures", new ArrayList<Document>()).append("pdf", null).append("filed", null);
            Docs.putTime(minutes, "draftedAt", e.at());
            d.put("minutes", minutes);
        });
    }

    @EventHandler
    void on(MinutesEditedEvent e, TrackingToken token, MetaData meta) {
        change(e.meetingId(), "MinutesEdited", e.at(), Docs.of(e), token, meta, d -> {
            Document minutes = d.get("minutes", Document.class);
            minutes.put("status", "DRAFT");
            minutes.put("revision", e.revision());
            minutes.put("text", e.text());
            minutes.put("editedBy", Docs.of(e.by()));
            Docs.putTime(minutes, "editedAt", e.at());
            minutes.put("circulation", null);
        });
    }

    @EventHandler
    void on(MinutesCirculatedEvent e, TrackingToken token, MetaData meta) {
        change(e.meetingId(), "MinutesCirculated", e.at(), Docs.of(e), token, meta, d -> {
            Document minutes = d.get("minutes", Document.class);
            minutes.put("status", "CIRCULATED");
            Document circulation = new Document("revision", e.revision()).append("by", Docs.of(e.by()))
                    .append("objections", new ArrayList<Document>());
            Docs.putTime(circulation, "deadline", e.deadline());
            Docs.putTime(circulation, "at", e.at());
            minutes.put("circulation", circulation);
        });
    }

    @EventHandler
    void on(MinutesObjectionRaisedEvent e, TrackingToken token, MetaData meta) {
        change(e.meetingId(), "MinutesObjectionRaised", e.at(), Docs.of(e), token, meta, d -> {
            Document objection = new Document("personId", e.member().id()).append("name", e.member().displayName())
                    .append("text", e.text());
            Docs.putTime(objection, "at", e.at());
            d.get("minutes", Document.class).get("circulation", Document.class)
                    .getList("objections", Document.class).add(objection);
        });
    }

    @EventHandler
    void on(MinutesCertifiedEvent e, TrackingToken token, MetaData meta) {
        change(e.meetingId(), "MinutesCertified", e.at(), Docs.of(e), token, meta, d -> {
            Document minutes = d.get("minutes", Document.class);
            minutes.put("status", "CERTIFIED");
            Document certification = new Document("method", e.method().name()).append("methodThai", e.method().thai())
                    .append("revision", e.revision()).append("textSha256", e.textSha256())
                    .append("meetingId", e.certifyingMeetingId()).append("meetingNumber", e.certifyingMeetingNumber())
                    .append("itemId", e.itemId()).append("by", Docs.of(e.by()));
            Docs.putTime(certification, "at", e.at());
            minutes.put("certification", certification);
            minutes.put("pdf", new Document("sha256", e.pdfSha256()));
        });
    }

    @EventHandler
    void on(MinutesSignedEvent e, TrackingToken token, MetaData meta) {
        change(e.meetingId(), "MinutesSigned", e.at(), Docs.of(e), token, meta, d -> {
            Document minutes = d.get("minutes", Document.class);
            Document signature = new Document("role", e.role().name()).append("personId", e.signer().id())
                    .append("name", e.signer().displayName()).append("pdfSha256", e.pdfSha256());
            Docs.putTime(signature, "at", e.at());
            minutes.getList("signatures", Document.class).add(signature);
            minutes.put("status", "SIGNED");
            minutes.put("pdf", new Document("sha256", e.pdfSha256()));
        });
    }

    @EventHandler
    void on(MinutesFiledEvent e, TrackingToken token, MetaData meta) {
        change(e.meetingId(), "MinutesFiled", e.at(), Docs.of(e), token, meta, d -> {
            Document minutes = d.get("minutes", Document.class);
            minutes.put("status", "FILED");
            Document filed = new Document("fileCode", e.fileCode()).append("retentionYears", e.retentionYears())
                    .append("permanent", e.permanent());
            Docs.putTime(filed, "at", e.at());
            minutes.put("filed", filed);
            minutes.put("pdf", new Document("sha256", e.pdfSha256()));
        });
    }

    // ------------------------------------------------------------------ helpers

    /** What an event writes outside the meeting's document, given the event's position. */
    @FunctionalInterface
    private interface Elsewhere {
        void write(long position);
    }

    private void change(String meetingId, String type, Instant at, Document payload, TrackingToken token, MetaData meta,
                        Consumer<Document> change) {
        change(meetingId, type, at, payload, token, meta, position -> { }, change);
    }

    private void change(String meetingId, String type, Instant at, Document payload, TrackingToken token, MetaData meta,
                        Elsewhere elsewhere, Consumer<Document> change) {
        long position = Positions.of(token, meta);
        // the log first: once the live state shows an event, its log entry is there to push or to fetch
        log(meetingId, position, type, at, payload);
        Document d = written.remove(meetingId);
        boolean fromMemory = d != null;
        if (d == null) {
            d = meetings.get(meetingId);
        }
        if (d == null) {
            return;
        }
        long previous = d.get(PositionedStore.POSITION, Number.class).longValue();
        if (previous >= position) {
            written.put(meetingId, d);
            return;
        }
        // then the other collections, then the meeting's document, whose position says the event is all written
        elsewhere.write(position);
        boolean applied;
        try {
            change.accept(d);
            d.put("seq", position);
            applied = !fromMemory || meetings.replaceIfAt(d, previous, position);
        } catch (RuntimeException e) {
            if (!fromMemory) {
                throw e;
            }
            applied = false;
        }
        if (!applied) {
            // written elsewhere meanwhile (the processor's claim moved to another node and back): read it again
            change(meetingId, type, at, payload, token, meta, elsewhere, change);
            return;
        }
        if (!fromMemory) {
            meetings.replace(d, position);
        }
        written.put(meetingId, d);
        feed.projected(meetingId, position);
    }

    /** The event for clients that reconnect: {@code seq} is its global position, so it only grows. */
    private void log(String meetingId, long position, String type, Instant at, Document payload) {
        Document entry = new Document("_id", position).append("meetingId", meetingId).append("seq", position)
                .append("type", type).append("payload", payload);
        Docs.putTime(entry, "at", at);
        events.replaceOne(eq("_id", position), entry, new ReplaceOptions().upsert(true));
        feed.logged(position, entry);
    }

    /** One line of the join/leave log, keyed by the event's position (so written once however often replayed). */
    private void attend(String meetingId, long position, PersonRef person, String what, Instant at, Document more) {
        Document entry = new Document("_id", position).append("meetingId", meetingId).append("personId", person.id())
                .append("name", person.displayName()).append("position", person.position()).append("what", what);
        Docs.putTime(entry, "at", at);
        entry.putAll(more);
        attendance.replaceOne(eq("_id", position), entry, new ReplaceOptions().upsert(true));
    }

    private void setMember(String meetingId, String personId, String field, Object value) {
        members.updateOne(eq("_id", memberKey(meetingId, personId, -1)), Updates.set("member." + field, value));
    }

    /** The voter's row of the poll records the vote's position: whether, and in what order, they voted. */
    private void voted(String pollId, String personId, long position) {
        voters.updateOne(eq("_id", voterKey(pollId, personId)), Updates.set("votedSeq", position));
    }

    private static Document item(Document d, String itemId) {
        return d.getList("agenda", Document.class).stream().filter(i -> itemId.equals(i.getString("itemId")))
                .findFirst().orElseThrow(() -> new IllegalStateException("no agenda item " + itemId));
    }

    private static Document poll(Document d, String pollId) {
        return d.getList("polls", Document.class).stream().filter(p -> pollId.equals(p.getString("pollId")))
                .findFirst().orElseThrow(() -> new IllegalStateException("no poll " + pollId));
    }

    private static Document zeroCounts(List<String> options) {
        Document counts = new Document();
        options.forEach(o -> counts.put(o, 0));
        return counts;
    }
}
