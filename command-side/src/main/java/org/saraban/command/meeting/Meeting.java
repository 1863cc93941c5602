package org.saraban.command.meeting;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.saraban.api.common.Actor;
import org.saraban.api.common.FieldError;
import org.saraban.api.common.InvalidFieldsException;
import org.saraban.api.common.PersonRef;
import org.saraban.api.common.Role;
import org.saraban.api.common.ThaiText;
import org.saraban.api.letter.PdfStep;
import org.saraban.api.meeting.AddAgendaItemCommand;
import org.saraban.api.meeting.AnswerInvitationCommand;
import org.saraban.api.meeting.CertifyMinutesCommand;
import org.saraban.api.meeting.CirculateMinutesCommand;
import org.saraban.api.meeting.EditMinutesCommand;
import org.saraban.api.meeting.InvitationAnsweredEvent;
import org.saraban.api.meeting.InvitationLetterDraftedEvent;
import org.saraban.api.meeting.InvitationLetterProgressedEvent;
import org.saraban.api.meeting.MinutesCertification;
import org.saraban.api.meeting.MinutesCertifiedEvent;
import org.saraban.api.meeting.MinutesCirculatedEvent;
import org.saraban.api.meeting.MinutesDraftedEvent;
import org.saraban.api.meeting.MinutesEditedEvent;
import org.saraban.api.meeting.MinutesFiledEvent;
import org.saraban.api.meeting.MinutesObjectionRaisedEvent;
import org.saraban.api.meeting.MinutesSignedEvent;
import org.saraban.api.meeting.ObjectToMinutesCommand;
import org.saraban.api.meeting.RecordInvitationLetterCommand;
import org.saraban.api.meeting.RecordInvitationProgressCommand;
import org.saraban.api.meeting.RsvpResponse;
import org.saraban.api.meeting.SignMinutesCommand;
import org.saraban.command.letter.LetterDocuments;
import org.saraban.api.meeting.AttachRecordingCommand;
import org.saraban.api.meeting.FloorGivenEvent;
import org.saraban.api.meeting.FloorRequestedEvent;
import org.saraban.api.meeting.GiveFloorCommand;
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
import org.saraban.api.meeting.VoteCastEvent;
import org.saraban.api.meeting.AgendaItemAddedEvent;
import org.saraban.api.meeting.AgendaItemStartedEvent;
import org.saraban.api.meeting.AgendaSection;
import org.saraban.api.meeting.CloseMeetingCommand;
import org.saraban.api.meeting.CommitteeMember;
import org.saraban.api.meeting.CommitteeRole;
import org.saraban.api.meeting.ConflictOfInterestDeclaredEvent;
import org.saraban.api.meeting.DeclareConflictCommand;
import org.saraban.api.meeting.JoinMeetingCommand;
import org.saraban.api.meeting.LeaveMeetingCommand;
import org.saraban.api.meeting.MeetingClosedEvent;
import org.saraban.api.meeting.MeetingException;
import org.saraban.api.meeting.MeetingOpenedEvent;
import org.saraban.api.meeting.MeetingScheduledEvent;
import org.saraban.api.meeting.OpenMeetingCommand;
import org.saraban.api.meeting.ParticipantIdentityVerifiedEvent;
import org.saraban.api.meeting.ParticipantJoinedEvent;
import org.saraban.api.meeting.ParticipantLeftEvent;
import org.saraban.api.meeting.QuorumChangedEvent;
import org.saraban.api.meeting.QuorumRule;
import org.saraban.api.meeting.StartAgendaItemCommand;

/**
 * One meeting of a committee, from scheduling to the end of its session: the agenda in six sections, the
 * participants who joined (identity verified first, traffic data kept), the quorum recomputed on every
 * change and per item with recused members not counted, and the chair's control of the session
 * (DOMAIN.md §3–4, the MDES minimum processes).
 */
@Aggregate(cache = "aggregateCache")
public class Meeting {

    enum Status { SCHEDULED, OPEN, CLOSED }

    /** How a participant proves who they are again before joining (MDES process 1). */
    static final Set<String> VERIFICATION_METHODS = Set.of("PASSWORD", "TOTP");

    @AggregateIdentifier
    private String meetingId;
    private String agencyCode;
    private Status status;
    private Map<String, CommitteeMember> participants = new LinkedHashMap<>();
    private int votingMembers;
    private QuorumRule quorumRule;
    private Map<String, AgendaSection> items = new HashMap<>();
    private Map<AgendaSection, Integer> itemsPerSection = new EnumMap<>(AgendaSection.class);
    private Set<String> present = new LinkedHashSet<>();
    private Map<String, Set<String>> recused = new HashMap<>();
    private String currentItem;
    private Map<String, Poll> polls = new HashMap<>();
    private Set<String> resolved = new HashSet<>();
    private List<String> speakers = new ArrayList<>();
    private Set<String> muted = new HashSet<>();
    private boolean suspended;
    private String number;
    private Instant startsAt;
    private Set<String> invitationLetters = new HashSet<>();
    private Set<String> invitationProgress = new HashSet<>();

    enum MinutesStatus { NONE, DRAFT, CIRCULATED, CERTIFIED, FILED }

    private MinutesStatus minutesStatus = MinutesStatus.NONE;
    private int minutesRevision;
    private String minutesText;
    private Instant circulationDeadline;
    private int objections;
    private String minutesAgencyName;
    private String minutesPdf;
    private Set<CommitteeRole> minutesSignedBy = new HashSet<>();

    /** A poll as the session knows it: eligibility fixed when it opened, who voted, the ballots or choices. */
    static final class Poll {
        String itemId;
        List<String> options = new ArrayList<>();
        boolean secret;
        boolean open = true;
        Set<String> eligible = new LinkedHashSet<>();
        Set<String> voted = new LinkedHashSet<>();
        /** named polls: the choices; secret polls: the sealed ballots */
        List<String> ballots = new ArrayList<>();
        Map<String, Integer> counts;

        @Override
        public boolean equals(Object o) {
            return o instanceof Poll p && java.util.Objects.equals(itemId, p.itemId) && options.equals(p.options)
                    && secret == p.secret && open == p.open && eligible.equals(p.eligible) && voted.equals(p.voted)
                    && ballots.equals(p.ballots) && java.util.Objects.equals(counts, p.counts);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(itemId, options, secret, open, eligible, voted, ballots, counts);
        }
    }

    Meeting() {
        // for Axon
    }

    static Meeting schedule(MeetingScheduledEvent scheduled) {
        Meeting meeting = new Meeting();
        apply(scheduled);
        return meeting;
    }

    // ------------------------------------------------------------------ agenda

    @CommandHandler
    void handle(AddAgendaItemCommand c) {
        Actor actor = c.actor();
        requireOrganiser(actor, "the chair or the secretary compiles the agenda");
        if (status == Status.CLOSED) {
            throw MeetingException.conflict("MEETING_CLOSED", "the meeting is closed");
        }
        List<FieldError> errors = new ArrayList<>();
        AgendaSection section = AgendaSection.of(c.section());
        if (section == null) {
            errors.add(new FieldError("section", "must be 1 to 6 (ระเบียบวาระที่ ๑–๖)"));
        }
        if (c.title() == null || c.title().isBlank()) {
            errors.add(new FieldError("title", "required"));
        }
        if (c.itemId() == null || items.containsKey(c.itemId())) {
            errors.add(new FieldError("itemId", "required and new"));
        }
        for (int i = 0; c.documents() != null && i < c.documents().size(); i++) {
            var d = c.documents().get(i);
            if (d == null || d.sha256() == null || !d.sha256().matches("[0-9a-f]{64}")) {
                errors.add(new FieldError("documents[" + i + "].sha256", "the SHA-256 of an uploaded file"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException("AGENDA_ITEM_INVALID", errors);
        }
        int n = itemsPerSection.getOrDefault(section, 0) + 1;
        apply(new AgendaItemAddedEvent(meetingId, c.itemId(), section,
                ThaiText.thaiDigits(section.number() + "." + n), c.title().strip(), c.description(), c.presenter(),
                c.documents() == null ? List.of() : List.copyOf(c.documents()), actor.ref(), c.at()));
    }

    // ------------------------------------------------------------------ session

    @CommandHandler
    void handle(OpenMeetingCommand c) {
        requireChair(c.actor());
        if (status != Status.SCHEDULED) {
            throw MeetingException.conflict("MEETING_NOT_SCHEDULED", "the meeting is " + status);
        }
        apply(new MeetingOpenedEvent(meetingId, c.actor().ref(), c.at()));
    }

    @CommandHandler
    void handle(JoinMeetingCommand c) {
        Actor actor = requireVisible(c.actor());
        CommitteeMember member = participants.get(actor.personId());
        if (member == null) {
            throw MeetingException.forbidden("NOT_A_PARTICIPANT", "only the committee's participants join");
        }
        if (status == Status.CLOSED) {
            throw MeetingException.conflict("MEETING_CLOSED", "the meeting is closed");
        }
        if (c.method() == null || !VERIFICATION_METHODS.contains(c.method())) {
            throw new InvalidFieldsException("IDENTITY_NOT_VERIFIED", List.of(new FieldError("method",
                    "identity must be verified again before joining: one of " + VERIFICATION_METHODS)));
        }
        if (present.contains(actor.personId())) {
            throw MeetingException.conflict("ALREADY_JOINED", "already in the meeting");
        }
        apply(new ParticipantIdentityVerifiedEvent(meetingId, actor.ref(), c.method(), c.at()));
        apply(new ParticipantJoinedEvent(meetingId, actor.ref(), member.role(), c.address(), c.client(), c.at()));
        if (member.role().voting()) {
            applyQuorum(c.at());
        }
    }

    @CommandHandler
    void handle(LeaveMeetingCommand c) {
        Actor actor = requireVisible(c.actor());
        String who = c.personId() == null ? actor.personId() : c.personId();
        boolean removal = !who.equals(actor.personId());
        if (removal) {
            requireChair(actor);
        }
        if (!present.contains(who)) {
            throw MeetingException.conflict("NOT_PRESENT", "not in the meeting");
        }
        apply(new ParticipantLeftEvent(meetingId, removal ? ref(who) : actor.ref(), removal ? actor.ref() : null,
                c.reason(), c.at()));
        if (participants.get(who).role().voting()) {
            applyQuorum(c.at());
        }
    }

    @CommandHandler
    void handle(StartAgendaItemCommand c) {
        requireChair(c.actor());
        requireOpen();
        if (!items.containsKey(c.itemId())) {
            throw new InvalidFieldsException("AGENDA_ITEM_UNKNOWN", List.of(new FieldError("itemId", "no such item")));
        }
        Set<String> out = recused.getOrDefault(c.itemId(), Set.of());
        int presentEligible = (int) present.stream().filter(p -> participants.get(p).role().voting())
                .filter(p -> !out.contains(p)).count();
        int eligible = votingMembers - out.size();
        int required = quorumRule.required(votingMembers);
        apply(new AgendaItemStartedEvent(meetingId, c.itemId(), presentEligible, eligible, required,
                presentEligible >= required, List.copyOf(out), c.actor().ref(), c.at()));
    }

    @CommandHandler
    void handle(DeclareConflictCommand c) {
        Actor actor = requireVisible(c.actor());
        CommitteeMember member = participants.get(actor.personId());
        if (member == null || !member.role().voting()) {
            throw MeetingException.forbidden("NOT_A_MEMBER", "only a voting member declares an interest");
        }
        if (status == Status.CLOSED) {
            throw MeetingException.conflict("MEETING_CLOSED", "the meeting is closed");
        }
        if (!items.containsKey(c.itemId())) {
            throw new InvalidFieldsException("AGENDA_ITEM_UNKNOWN", List.of(new FieldError("itemId", "no such item")));
        }
        if (c.reason() == null || c.reason().isBlank()) {
            throw new InvalidFieldsException("REASON_REQUIRED", List.of(new FieldError("reason", "required")));
        }
        if (recused.getOrDefault(c.itemId(), Set.of()).contains(actor.personId())) {
            throw MeetingException.conflict("ALREADY_DECLARED", "already recused from this item");
        }
        apply(new ConflictOfInterestDeclaredEvent(meetingId, c.itemId(), actor.ref(), c.reason(), c.at()));
    }

    // ------------------------------------------------------------------ the chair's controls (MDES 5, 7)

    @CommandHandler
    void handle(RequestFloorCommand c) {
        Actor actor = requireVisible(c.actor());
        requirePresent(actor.personId());
        boolean queued = speakers.contains(actor.personId());
        if (c.withdraw() != queued) {
            throw MeetingException.conflict(queued ? "ALREADY_QUEUED" : "NOT_QUEUED",
                    queued ? "already in the speakers' queue" : "not in the speakers' queue");
        }
        apply(new FloorRequestedEvent(meetingId, actor.ref(), c.withdraw(), c.at()));
    }

    @CommandHandler
    void handle(GiveFloorCommand c) {
        requireChair(c.actor());
        requireOpen();
        String next = c.personId() != null ? c.personId() : speakers.isEmpty() ? null : speakers.get(0);
        if (next == null || !present.contains(next)) {
            throw MeetingException.conflict("NO_SPEAKER", "nobody present to give the floor to");
        }
        apply(new FloorGivenEvent(meetingId, ref(next), c.actor().ref(), c.at()));
    }

    @CommandHandler
    void handle(MuteParticipantCommand c) {
        requireChair(c.actor());
        requirePresent(c.personId());
        if (muted.contains(c.personId()) == c.muted()) {
            throw MeetingException.conflict(c.muted() ? "ALREADY_MUTED" : "NOT_MUTED", "nothing to change");
        }
        apply(new ParticipantMutedEvent(meetingId, ref(c.personId()), c.muted(), c.actor().ref(), c.at()));
    }

    @CommandHandler
    void handle(SuspendMeetingCommand c) {
        requireChair(c.actor());
        requireOpen();
        if (suspended == c.suspend()) {
            throw MeetingException.conflict(c.suspend() ? "ALREADY_SUSPENDED" : "NOT_SUSPENDED", "nothing to change");
        }
        if (c.suspend() && polls.values().stream().anyMatch(p -> p.open)) {
            throw MeetingException.conflict("POLL_ALREADY_OPEN", "close the open poll first");
        }
        apply(new MeetingSuspendedEvent(meetingId, c.suspend(), c.reason(), c.actor().ref(), c.at()));
    }

    @CommandHandler
    void handle(ReportProblemCommand c) {
        Actor actor = requireVisible(c.actor());
        if (!participants.containsKey(actor.personId())) {
            throw MeetingException.forbidden("NOT_A_PARTICIPANT", "participants report problems of their meeting");
        }
        if (c.text() == null || c.text().isBlank() || c.text().length() > 2000) {
            throw new InvalidFieldsException("PROBLEM_INVALID", List.of(new FieldError("text",
                    "required, at most 2000 characters")));
        }
        apply(new ProblemReportedEvent(meetingId, actor.ref(), c.text().strip(), c.at()));
    }

    @CommandHandler
    void handle(AttachRecordingCommand c) {
        Actor actor = requireVisible(c.actor());
        CommitteeRole role = roleOf(actor);
        if (role != CommitteeRole.CHAIR && role != CommitteeRole.SECRETARY) {
            throw MeetingException.forbidden("NOT_AN_ORGANISER", "the chair or the secretary attaches the recording");
        }
        if (c.recording() == null || c.recording().sha256() == null || !c.recording().sha256().matches("[0-9a-f]{64}")) {
            throw new InvalidFieldsException("RECORDING_INVALID", List.of(new FieldError("sha256",
                    "the SHA-256 of the uploaded recording")));
        }
        apply(new RecordingAttachedEvent(meetingId, c.recording(), actor.ref(), c.at()));
    }

    private void requirePresent(String personId) {
        if (personId == null || !present.contains(personId)) {
            throw MeetingException.conflict("NOT_PRESENT", "not in the meeting");
        }
    }

    private PersonRef ref(String personId) {
        CommitteeMember m = participants.get(personId);
        return new PersonRef(personId, m.name(), m.position(), m.agencyCode(), null);
    }

    // ------------------------------------------------------------------ polls and resolutions

    /** A poll on the item under discussion, refused without a quorum for that item (recused members out). */
    @CommandHandler
    void handle(OpenPollCommand c, BallotBox ballotBox) {
        requireChair(c.actor());
        requireOpen();
        if (suspended) {
            throw MeetingException.conflict("MEETING_SUSPENDED", "the session is suspended");
        }
        List<FieldError> errors = new ArrayList<>();
        if (c.pollId() == null || polls.containsKey(c.pollId())) {
            errors.add(new FieldError("pollId", "required and new"));
        }
        if (c.itemId() == null || !c.itemId().equals(currentItem)) {
            errors.add(new FieldError("itemId", "must be the item under discussion"));
        }
        if (c.question() == null || c.question().isBlank()) {
            errors.add(new FieldError("question", "required"));
        }
        List<String> options = c.options() == null ? List.of() : c.options();
        if (options.size() < 2 || options.stream().anyMatch(o -> o == null || o.isBlank())
                || new HashSet<>(options).size() != options.size()) {
            errors.add(new FieldError("options", "at least two different, non-empty options"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException("POLL_INVALID", errors);
        }
        if (polls.values().stream().anyMatch(p -> p.open)) {
            throw MeetingException.conflict("POLL_ALREADY_OPEN", "close the open poll first");
        }
        Set<String> out = recused.getOrDefault(c.itemId(), Set.of());
        List<String> eligible = present.stream().filter(p -> participants.get(p).role().voting())
                .filter(p -> !out.contains(p)).toList();
        int required = quorumRule.required(votingMembers);
        if (eligible.size() < required) {
            throw MeetingException.conflict("QUORUM_NOT_MET", eligible.size() + " eligible members present, "
                    + required + " needed");
        }
        if (c.secret()) {
            ballotBox.open(c.pollId());
        }
        apply(new PollOpenedEvent(meetingId, c.pollId(), c.itemId(), c.question().strip(), List.copyOf(options),
                c.secret(), eligible, eligible.size(), required, c.actor().ref(), c.at()));
    }

    /** One vote per member eligible when the poll opened and present now; a secret choice is sealed at once. */
    @CommandHandler
    void handle(CastVoteCommand c, BallotBox ballotBox) {
        Actor actor = requireVisible(c.actor());
        Poll poll = polls.get(c.pollId());
        if (poll == null || !poll.open) {
            throw MeetingException.conflict("POLL_NOT_OPEN", "no open poll " + c.pollId());
        }
        if (suspended) {
            throw MeetingException.conflict("MEETING_SUSPENDED", "the session is suspended");
        }
        if (!poll.eligible.contains(actor.personId()) || !present.contains(actor.personId())) {
            throw MeetingException.forbidden("NOT_ELIGIBLE", "only members present and eligible when the poll opened vote");
        }
        if (poll.voted.contains(actor.personId())) {
            throw MeetingException.conflict("ALREADY_VOTED", "one vote per member");
        }
        if (c.choice() == null || !poll.options.contains(c.choice())) {
            throw new InvalidFieldsException("CHOICE_INVALID", List.of(new FieldError("choice",
                    "one of " + poll.options)));
        }
        if (poll.secret) {
            apply(new BallotCastEvent(meetingId, c.pollId(), actor.ref(), ballotBox.seal(c.pollId(), c.choice()),
                    c.at()));
        } else {
            apply(new VoteCastEvent(meetingId, c.pollId(), actor.ref(), c.choice(), c.at()));
        }
    }

    /** Counts the poll; a secret poll's key is destroyed once the count is committed. */
    @CommandHandler
    void handle(ClosePollCommand c, BallotBox ballotBox) {
        requireChair(c.actor());
        Poll poll = polls.get(c.pollId());
        if (poll == null || !poll.open) {
            throw MeetingException.conflict("POLL_NOT_OPEN", "no open poll " + c.pollId());
        }
        Map<String, Integer> counts;
        if (poll.secret) {
            counts = ballotBox.count(c.pollId(), poll.options, poll.ballots);
            // after the commit only: should the count not be stored, the ballots can still be opened again
            org.axonframework.messaging.unitofwork.CurrentUnitOfWork.ifStarted(
                    uow -> uow.afterCommit(u -> ballotBox.shred(c.pollId())));
        } else {
            counts = new LinkedHashMap<>();
            for (String option : poll.options) {
                counts.put(option, 0);
            }
            poll.ballots.forEach(choice -> counts.merge(choice, 1, Integer::sum));
        }
        apply(new PollClosedEvent(meetingId, c.pollId(), new LinkedHashMap<>(counts), poll.voted.size(), poll.eligible.size(),
                c.actor().ref(), c.at()));
    }

    /** The chair or the secretary records an item's resolution, with its poll's counts if it rests on one. */
    @CommandHandler
    void handle(RecordResolutionCommand c) {
        Actor actor = requireVisible(c.actor());
        CommitteeRole role = roleOf(actor);
        if (role != CommitteeRole.CHAIR && role != CommitteeRole.SECRETARY) {
            throw MeetingException.forbidden("NOT_THE_CHAIR", "the chair or the secretary records resolutions");
        }
        List<FieldError> errors = new ArrayList<>();
        if (!items.containsKey(c.itemId())) {
            errors.add(new FieldError("itemId", "no such item"));
        }
        if (c.type() == null) {
            errors.add(new FieldError("type", "one of ACKNOWLEDGED, ENDORSED, APPROVED, ASSIGNED, REJECTED, OTHER"));
        }
        Poll poll = c.pollId() == null ? null : polls.get(c.pollId());
        if (c.pollId() != null && (poll == null || poll.open || !poll.itemId.equals(c.itemId()))) {
            errors.add(new FieldError("pollId", "a closed poll on this item"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException("RESOLUTION_INVALID", errors);
        }
        if (resolved.contains(c.itemId())) {
            throw MeetingException.conflict("ALREADY_RESOLVED", "the item has its resolution");
        }
        apply(new ResolutionRecordedEvent(meetingId, c.itemId(), c.type(), c.text(), c.pollId(),
                poll == null ? Map.of() : poll.counts, actor.ref(), c.at()));
    }

    /**
     * Closes the session and, in the same unit of work, drafts the minutes from the meeting's events as they are
     * stored (so a closed meeting always has its draft).
     */
    @CommandHandler
    void handle(CloseMeetingCommand c, EventStore eventStore) {
        requireChair(c.actor());
        requireOpen();
        if (polls.values().stream().anyMatch(p -> p.open)) {
            throw MeetingException.conflict("POLL_ALREADY_OPEN", "close the open poll first");
        }
        MeetingClosedEvent closed = new MeetingClosedEvent(meetingId, c.actor().ref(), c.at());
        List<Object> history = new ArrayList<>();
        eventStore.readEvents(meetingId).asStream().map(DomainEventMessage::getPayload).forEach(history::add);
        history.add(closed);
        apply(closed);
        apply(new MinutesDraftedEvent(meetingId, MinutesText.draft(MeetingHistory.of(history)), c.at()));
    }

    // ------------------------------------------------------------------ invitations and answers

    /** Records the invitation letter drafted for this meeting; it goes through the letter flow from there. */
    @CommandHandler
    void handle(RecordInvitationLetterCommand c) {
        requireOrganiser(c.actor(), "the chair, the secretary or a clerk of the organising agency invites");
        if (status == Status.CLOSED) {
            throw MeetingException.conflict("MEETING_CLOSED", "the meeting is closed");
        }
        if (!invitationLetters.contains(c.letterId())) {
            apply(new InvitationLetterDraftedEvent(meetingId, c.letterId(), c.actor().ref(), c.at()));
        }
    }

    /** What the letter flow did with an invitation letter; reported again after a restart, recorded once. */
    @CommandHandler
    void handle(RecordInvitationProgressCommand c) {
        String key = c.letterId() + "|" + c.step() + "|" + c.agencyCode();
        if (!invitationLetters.contains(c.letterId()) || invitationProgress.contains(key)) {
            return;
        }
        List<String> members = participants.values().stream()
                .filter(m -> c.step() == InvitationLetterProgressedEvent.Step.DISPATCHED
                        || m.agencyCode() != null && m.agencyCode().equals(c.agencyCode()))
                .map(CommitteeMember::personId).toList();
        apply(new InvitationLetterProgressedEvent(meetingId, c.letterId(), c.step(), c.agencyCode(), c.number(),
                members, c.at()));
    }

    /** A member answers for themself: attending, not attending (with a reason), or sending a delegate. */
    @CommandHandler
    void handle(AnswerInvitationCommand c) {
        Actor actor = requireVisible(c.actor());
        if (!participants.containsKey(actor.personId())) {
            throw MeetingException.forbidden("NOT_A_PARTICIPANT", "only the committee's participants answer");
        }
        if (status == Status.CLOSED) {
            throw MeetingException.conflict("MEETING_CLOSED", "the meeting is closed");
        }
        List<FieldError> errors = new ArrayList<>();
        if (c.response() == null) {
            errors.add(new FieldError("response", "one of ATTENDING, NOT_ATTENDING, DELEGATE"));
        }
        if (c.response() == RsvpResponse.DELEGATE && (c.delegateName() == null || c.delegateName().isBlank())) {
            errors.add(new FieldError("delegateName", "required when sending a delegate"));
        }
        if (c.reason() != null && c.reason().length() > 500) {
            errors.add(new FieldError("reason", "at most 500 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException("RSVP_INVALID", errors);
        }
        apply(new InvitationAnsweredEvent(meetingId, actor.ref(), c.response(), blankToNull(c.reason()),
                c.response() == RsvpResponse.DELEGATE ? c.delegateName().strip() : null,
                c.response() == RsvpResponse.DELEGATE ? blankToNull(c.delegatePosition()) : null, c.at()));
    }

    // ------------------------------------------------------------------ minutes

    /** The secretary edits the draft; certified minutes are frozen. */
    @CommandHandler
    void handle(EditMinutesCommand c) {
        requireRole(c.actor(), "NOT_THE_SECRETARY", "the secretary edits the minutes", CommitteeRole.SECRETARY);
        requireMinutesOpenToChange();
        if (c.revision() != minutesRevision) {
            throw MeetingException.conflict("STALE_REVISION", "the minutes are at revision " + minutesRevision
                    + ", the edit was made from " + c.revision());
        }
        if (c.text() == null || c.text().isBlank()) {
            throw new InvalidFieldsException("MINUTES_INVALID", List.of(new FieldError("text", "required")));
        }
        if (c.text().length() > 200_000) {
            throw new InvalidFieldsException("MINUTES_INVALID", List.of(new FieldError("text",
                    "at most 200000 characters")));
        }
        apply(new MinutesEditedEvent(meetingId, c.text(), minutesRevision + 1, c.actor().ref(), c.at()));
    }

    /** The secretary sends the minutes round the members, to be certified by circulation after the deadline. */
    @CommandHandler
    void handle(CirculateMinutesCommand c) {
        requireRole(c.actor(), "NOT_THE_SECRETARY", "the secretary circulates the minutes", CommitteeRole.SECRETARY);
        requireMinutesOpenToChange();
        if (c.deadline() == null || !c.deadline().isAfter(c.at())) {
            throw new InvalidFieldsException("MINUTES_INVALID", List.of(new FieldError("deadline",
                    "required, in the future")));
        }
        apply(new MinutesCirculatedEvent(meetingId, minutesRevision, c.deadline(), c.actor().ref(), c.at()));
    }

    /** A member asks for a change while the minutes circulate, before the deadline. */
    @CommandHandler
    void handle(ObjectToMinutesCommand c) {
        Actor actor = requireVisible(c.actor());
        CommitteeMember member = participants.get(actor.personId());
        if (member == null || !member.role().voting()) {
            throw MeetingException.forbidden("NOT_A_MEMBER", "only the committee's members comment on the minutes");
        }
        if (minutesStatus != MinutesStatus.CIRCULATED || !c.at().isBefore(circulationDeadline)) {
            throw MeetingException.conflict("MINUTES_NOT_CIRCULATING", "the minutes are not circulating now");
        }
        if (c.text() == null || c.text().isBlank() || c.text().length() > 2000) {
            throw new InvalidFieldsException("MINUTES_INVALID", List.of(new FieldError("text",
                    "required, at most 2000 characters")));
        }
        apply(new MinutesObjectionRaisedEvent(meetingId, actor.ref(), c.text().strip(), c.at()));
    }

    /**
     * Certifies the minutes and freezes their text: by circulation once the deadline has passed with no request
     * for a change, or by a later meeting (item ๒). The frozen text is rendered as the PDF of record.
     */
    @CommandHandler
    void handle(CertifyMinutesCommand c, LetterDocuments documents) {
        requireRole(c.actor(), "NOT_AN_ORGANISER", "the chair or the secretary certifies the minutes",
                CommitteeRole.CHAIR, CommitteeRole.SECRETARY);
        requireMinutesOpenToChange();
        if (c.method() == null) {
            throw new InvalidFieldsException("MINUTES_INVALID", List.of(new FieldError("method",
                    "one of NEXT_MEETING, CIRCULATION")));
        }
        if (c.method() == MinutesCertification.CIRCULATION) {
            if (minutesStatus != MinutesStatus.CIRCULATED) {
                throw MeetingException.conflict("MINUTES_NOT_CIRCULATED", "circulate the minutes first");
            }
            if (c.at().isBefore(circulationDeadline)) {
                throw MeetingException.conflict("CIRCULATION_NOT_OVER", "members may comment until "
                        + circulationDeadline);
            }
            if (objections > 0) {
                throw MeetingException.conflict("MINUTES_OBJECTED", "a member asked for a change: edit the minutes"
                        + " and circulate them again, or certify them at the next meeting");
            }
        } else if (c.certifyingMeetingId() == null || c.itemId() == null
                || meetingId.equals(c.certifyingMeetingId())) {
            throw new InvalidFieldsException("MINUTES_INVALID", List.of(new FieldError("meetingId",
                    "the later meeting whose item ๒ certified these minutes")));
        }
        requireSigner(CommitteeRole.SECRETARY);
        String pdf = documents.render(minutesOfRecord(c.agencyName()));
        apply(new MinutesCertifiedEvent(meetingId, minutesRevision, sha256(minutesText), c.method(),
                c.certifyingMeetingId(), c.certifyingMeetingNumber(), c.itemId(), c.agencyName(), pdf,
                c.actor().ref(), c.at()));
    }

    /**
     * The secretary (as ผู้จดรายงานการประชุม, in the signatory's box) and the chair (beside it) each sign the
     * certified minutes with their own key; the second signature extends them to PAdES-B-LTA and files them.
     */
    @CommandHandler
    void handle(SignMinutesCommand c, LetterDocuments documents) {
        Actor actor = requireRole(c.actor(), "NOT_A_SIGNER", "the secretary and the chair sign the minutes",
                CommitteeRole.CHAIR, CommitteeRole.SECRETARY);
        CommitteeRole role = roleOf(actor);
        if (minutesStatus != MinutesStatus.CERTIFIED) {
            throw MeetingException.conflict(minutesStatus == MinutesStatus.FILED ? "MINUTES_FILED"
                    : "MINUTES_NOT_CERTIFIED", "the minutes are " + minutesStatus);
        }
        if (minutesSignedBy.contains(role)) {
            throw MeetingException.conflict("ALREADY_SIGNED", "already signed as " + role);
        }
        boolean last = minutesSignedBy.size() == 1;
        List<FieldError> errors = new ArrayList<>();
        if (last && c.retentionYears() != null && (c.retentionYears() < 1 || c.retentionYears() > 100)) {
            errors.add(new FieldError("retentionYears", "1 to 100"));
        }
        if (last && c.fileCode() != null && c.fileCode().length() > 100) {
            errors.add(new FieldError("fileCode", "at most 100 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException("MINUTES_INVALID", errors);
        }
        LetterDocuments.LetterOfRecord record = minutesOfRecord(minutesAgencyName);
        String signed = documents.sign(minutesPdf, record, actor.ref(),
                role == CommitteeRole.SECRETARY ? PdfStep.SIGNATURE : PdfStep.VISA, c.at());
        apply(new MinutesSignedEvent(meetingId, role, actor.ref(), signed, c.at()));
        if (last) {
            boolean permanent = Boolean.TRUE.equals(c.permanent());
            String fileCode = c.fileCode() == null || c.fileCode().isBlank() ? "รายงานการประชุม " + number
                    : c.fileCode().strip();
            apply(new MinutesFiledEvent(meetingId, fileCode, permanent ? null
                    : c.retentionYears() == null ? 10 : c.retentionYears(), permanent, documents.preserve(signed),
                    c.at()));
        }
    }

    private LetterDocuments.LetterOfRecord minutesOfRecord(String agencyName) {
        CommitteeMember secretary = participants.values().stream()
                .filter(m -> m.role() == CommitteeRole.SECRETARY).findFirst().orElseThrow();
        return MinutesText.ofRecord(meetingId, agencyCode, agencyName, minutesText, secretary, number, startsAt);
    }

    /** The secretary must be someone who can sign in Saraban for the minutes to be signed. */
    private void requireSigner(CommitteeRole role) {
        if (participants.values().stream().noneMatch(m -> m.role() == role)) {
            throw MeetingException.conflict("NO_" + role, "the committee has no " + role + " in Saraban to sign");
        }
    }

    private void requireMinutesOpenToChange() {
        if (minutesStatus == MinutesStatus.NONE) {
            throw MeetingException.conflict("NO_MINUTES", "the minutes are drafted when the meeting closes");
        }
        if (minutesStatus == MinutesStatus.CERTIFIED || minutesStatus == MinutesStatus.FILED) {
            throw MeetingException.conflict("MINUTES_CERTIFIED", "certified minutes cannot change; amendments are"
                    + " recorded in a later meeting's item ๒");
        }
    }

    private Actor requireRole(Actor actor, String code, String message, CommitteeRole... roles) {
        requireVisible(actor);
        CommitteeRole role = roleOf(actor);
        for (CommitteeRole r : roles) {
            if (r == role) {
                return actor;
            }
        }
        throw MeetingException.forbidden(code, message);
    }

    private void requireOrganiser(Actor actor, String message) {
        requireVisible(actor);
        CommitteeRole role = roleOf(actor);
        boolean organiser = role == CommitteeRole.CHAIR || role == CommitteeRole.SECRETARY
                || agencyCode.equals(actor.agencyCode()) && actor.hasRole(Role.CLERK);
        if (!organiser) {
            throw MeetingException.forbidden("NOT_AN_ORGANISER", message);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ rules

    private void applyQuorum(Instant at) {
        int count = (int) present.stream().filter(p -> participants.get(p).role().voting()).count();
        int required = quorumRule.required(votingMembers);
        apply(new QuorumChangedEvent(meetingId, count, votingMembers, required, count >= required, at));
    }

    /** Someone who is neither a participant nor of the organising agency does not learn the meeting exists. */
    private Actor requireVisible(Actor actor) {
        if (actor == null || !participants.containsKey(actor.personId()) && !agencyCode.equals(actor.agencyCode())) {
            throw MeetingException.notFound(meetingId);
        }
        return actor;
    }

    private CommitteeRole roleOf(Actor actor) {
        CommitteeMember m = participants.get(actor.personId());
        return m == null ? null : m.role();
    }

    private void requireChair(Actor actor) {
        requireVisible(actor);
        if (roleOf(actor) != CommitteeRole.CHAIR) {
            throw MeetingException.forbidden("NOT_THE_CHAIR", "only the chair controls the session");
        }
    }

    private void requireOpen() {
        if (status != Status.OPEN) {
            throw MeetingException.conflict("MEETING_NOT_OPEN", "the session is not open, it is " + status);
        }
    }

    // ------------------------------------------------------------------ state

    @EventSourcingHandler
    void on(MeetingScheduledEvent e) {
        meetingId = e.meetingId();
        agencyCode = e.agencyCode();
        status = Status.SCHEDULED;
        for (CommitteeMember m : e.members()) {
            if (m.personId() != null) {
                participants.put(m.personId(), m);
            }
        }
        votingMembers = (int) e.members().stream().filter(m -> m.role().voting()).count();
        quorumRule = e.quorumRule();
        number = e.number();
        startsAt = e.startsAt();
    }

    @EventSourcingHandler
    void on(AgendaItemAddedEvent e) {
        items.put(e.itemId(), e.section());
        itemsPerSection.merge(e.section(), 1, Integer::sum);
    }

    @EventSourcingHandler
    void on(MeetingOpenedEvent e) {
        status = Status.OPEN;
    }

    @EventSourcingHandler
    void on(ParticipantJoinedEvent e) {
        present.add(e.person().id());
    }

    @EventSourcingHandler
    void on(ParticipantLeftEvent e) {
        present.remove(e.person().id());
        speakers.remove(e.person().id());
    }

    @EventSourcingHandler
    void on(FloorRequestedEvent e) {
        if (e.withdrawn()) {
            speakers.remove(e.person().id());
        } else {
            speakers.add(e.person().id());
        }
    }

    @EventSourcingHandler
    void on(FloorGivenEvent e) {
        speakers.remove(e.speaker().id());
    }

    @EventSourcingHandler
    void on(ParticipantMutedEvent e) {
        if (e.muted()) {
            muted.add(e.person().id());
        } else {
            muted.remove(e.person().id());
        }
    }

    @EventSourcingHandler
    void on(MeetingSuspendedEvent e) {
        suspended = e.suspended();
    }

    @EventSourcingHandler
    void on(AgendaItemStartedEvent e) {
        currentItem = e.itemId();
    }

    @EventSourcingHandler
    void on(ConflictOfInterestDeclaredEvent e) {
        recused.computeIfAbsent(e.itemId(), k -> new LinkedHashSet<>()).add(e.member().id());
    }

    @EventSourcingHandler
    void on(PollOpenedEvent e) {
        Poll poll = new Poll();
        poll.itemId = e.itemId();
        poll.options = new ArrayList<>(e.options());
        poll.secret = e.secret();
        poll.eligible = new LinkedHashSet<>(e.eligibleVoters());
        polls.put(e.pollId(), poll);
    }

    @EventSourcingHandler
    void on(VoteCastEvent e) {
        Poll poll = polls.get(e.pollId());
        poll.voted.add(e.voter().id());
        poll.ballots.add(e.choice());
    }

    @EventSourcingHandler
    void on(BallotCastEvent e) {
        Poll poll = polls.get(e.pollId());
        poll.voted.add(e.voter().id());
        poll.ballots.add(e.sealedBallot());
    }

    @EventSourcingHandler
    void on(PollClosedEvent e) {
        Poll poll = polls.get(e.pollId());
        poll.open = false;
        poll.counts = e.counts();
        poll.ballots.clear();
    }

    @EventSourcingHandler
    void on(ResolutionRecordedEvent e) {
        resolved.add(e.itemId());
    }

    @EventSourcingHandler
    void on(MeetingClosedEvent e) {
        status = Status.CLOSED;
        currentItem = null;
    }

    @EventSourcingHandler
    void on(InvitationLetterDraftedEvent e) {
        invitationLetters.add(e.letterId());
    }

    @EventSourcingHandler
    void on(InvitationLetterProgressedEvent e) {
        invitationProgress.add(e.letterId() + "|" + e.step() + "|" + e.agencyCode());
    }

    @EventSourcingHandler
    void on(MinutesDraftedEvent e) {
        minutesStatus = MinutesStatus.DRAFT;
        minutesRevision = 1;
        minutesText = e.text();
    }

    @EventSourcingHandler
    void on(MinutesEditedEvent e) {
        minutesStatus = MinutesStatus.DRAFT;
        minutesRevision = e.revision();
        minutesText = e.text();
        circulationDeadline = null;
        objections = 0;
    }

    @EventSourcingHandler
    void on(MinutesCirculatedEvent e) {
        minutesStatus = MinutesStatus.CIRCULATED;
        circulationDeadline = e.deadline();
        objections = 0;
    }

    @EventSourcingHandler
    void on(MinutesObjectionRaisedEvent e) {
        objections++;
    }

    @EventSourcingHandler
    void on(MinutesCertifiedEvent e) {
        minutesStatus = MinutesStatus.CERTIFIED;
        minutesAgencyName = e.agencyName();
        minutesPdf = e.pdfSha256();
    }

    @EventSourcingHandler
    void on(MinutesSignedEvent e) {
        minutesSignedBy.add(e.role());
        minutesPdf = e.pdfSha256();
    }

    @EventSourcingHandler
    void on(MinutesFiledEvent e) {
        minutesStatus = MinutesStatus.FILED;
        minutesPdf = e.pdfSha256();
    }
}
