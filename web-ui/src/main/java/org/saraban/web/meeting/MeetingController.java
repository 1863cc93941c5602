package org.saraban.web.meeting;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.bson.Document;
import org.saraban.api.common.Actor;
import org.saraban.api.common.FieldError;
import org.saraban.api.common.InvalidFieldsException;
import org.saraban.api.common.NotFoundException;
import org.saraban.api.meeting.AddAgendaItemCommand;
import org.saraban.api.meeting.AttachRecordingCommand;
import org.saraban.api.meeting.GiveFloorCommand;
import org.saraban.api.meeting.MuteParticipantCommand;
import org.saraban.api.meeting.ReportProblemCommand;
import org.saraban.api.meeting.RequestFloorCommand;
import org.saraban.api.meeting.SuspendMeetingCommand;
import org.saraban.api.meeting.CastVoteCommand;
import org.saraban.api.meeting.CloseMeetingCommand;
import org.saraban.api.meeting.ClosePollCommand;
import org.saraban.api.meeting.CommitteeMember;
import org.saraban.api.meeting.CommitteeRole;
import org.saraban.api.meeting.CreateCommitteeCommand;
import org.saraban.api.meeting.DeclareConflictCommand;
import org.saraban.api.meeting.JoinMeetingCommand;
import org.saraban.api.meeting.LeaveMeetingCommand;
import org.saraban.api.meeting.MeetingDocument;
import org.saraban.api.meeting.MeetingType;
import org.saraban.api.meeting.OpenMeetingCommand;
import org.saraban.api.meeting.OpenPollCommand;
import org.saraban.api.meeting.QuorumRule;
import org.saraban.api.meeting.RecordResolutionCommand;
import org.saraban.api.meeting.ResolutionType;
import org.saraban.api.meeting.ScheduleMeetingCommand;
import org.saraban.api.meeting.StartAgendaItemCommand;
import org.saraban.command.store.BlobStore;
import org.saraban.query.directory.Directory;
import org.saraban.query.directory.Person;
import org.saraban.query.meeting.MeetingQueries;
import org.saraban.web.security.CurrentActor;
import org.saraban.web.security.TotpAuthenticator;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.saraban.command.meeting.MeetingHistory;
import org.saraban.web.support.CommandSender;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Committees and meetings (API.md "Meetings"): schedule, agenda, the live session, polls and resolutions. */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "meetings", description = "การประชุม: committees, agenda, live session, polls, resolutions")
public class MeetingController {

    private final CommandSender commands;
    private final MeetingQueries queries;
    private final CurrentActor currentActor;
    private final Directory directory;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final BlobStore blobs;
    private final TotpAuthenticator totp;
    private final EventStore eventStore;
    private final MeetingActions actions;

    public MeetingController(CommandSender commands, MeetingQueries queries, CurrentActor currentActor,
                             Directory directory, PasswordEncoder passwords, Clock clock,
                             BlobStore blobs, TotpAuthenticator totp, EventStore eventStore,
                             MeetingActions actions) {
        this.actions = actions;
        this.blobs = blobs;
        this.totp = totp;
        this.eventStore = eventStore;
        this.commands = commands;
        this.queries = queries;
        this.currentActor = currentActor;
        this.directory = directory;
        this.passwords = passwords;
        this.clock = clock;
    }

    public record MemberRequest(String personId, String name, String position, String agencyCode,
                                String committeePosition, CommitteeRole role) {
    }

    public record CommitteeRequest(String name, String appointedBy, MeetingType type, List<MemberRequest> members,
                                   QuorumRule quorumRule) {
    }

    /** Members in the directory are named by {@code personId}; their name, position and agency come from it. */
    @PostMapping(path = "/api/committees", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set up a committee of the caller's agency (clerks)")
    public ResponseEntity<Map<String, Object>> createCommittee(@RequestBody CommitteeRequest body) {
        Actor actor = currentActor.actor();
        List<CommitteeMember> members = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        List<MemberRequest> given = body.members() == null ? List.of() : body.members();
        for (int i = 0; i < given.size(); i++) {
            MemberRequest m = given.get(i);
            if (m == null) {
                errors.add(new FieldError("members[" + i + "]", "required"));
                continue;
            }
            Person p = m.personId() == null ? null : directory.person(m.personId()).orElse(null);
            if (m.personId() != null && p == null) {
                errors.add(new FieldError("members[" + i + "].personId", "not in the directory"));
                continue;
            }
            members.add(new CommitteeMember(m.personId(), p != null ? p.displayName() : m.name(),
                    p != null ? p.position() : m.position(), p != null ? p.agencyCode() : m.agencyCode(),
                    m.committeePosition(), m.role()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException("COMMITTEE_INVALID", errors);
        }
        String id = UUID.randomUUID().toString();
        commands.send(new CreateCommitteeCommand(id, actor, body.name(), body.appointedBy(), body.type(), members,
                body.quorumRule(), clock.instant()));
        return ResponseEntity.created(URI.create("/api/committees/" + id)).body(Map.of("committeeId", id));
    }

    public record MeetingRequest(String committeeId, String title, Instant startsAt, Instant endsAt, String place,
                                 Boolean online, String conferenceUrl) {
    }

    @PostMapping(path = "/api/meetings", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Schedule a meeting; its number ครั้งที่ N/พ.ศ. is assigned")
    public ResponseEntity<Document> schedule(@RequestBody MeetingRequest body) {
        Actor actor = currentActor.actor();
        if (body.committeeId() == null) {
            throw new InvalidFieldsException("MEETING_INVALID", List.of(new FieldError("committeeId", "required")));
        }
        String id = UUID.randomUUID().toString();
        var sent = commands.send(new ScheduleMeetingCommand(id, body.committeeId(), actor, body.title(),
                body.startsAt(), body.endsAt(), body.place(), Boolean.TRUE.equals(body.online()), body.conferenceUrl(),
                clock.instant()));
        Document view = settled(id, sent.positionOf(id), actor);
        return ResponseEntity.created(URI.create("/api/meetings/" + id)).body(view);
    }

    @GetMapping("/api/meetings")
    @Operation(summary = "The meetings the caller takes part in or their agency organises")
    public List<Document> list() {
        return queries.list(currentActor.actor());
    }

    @GetMapping("/api/meetings/{id}")
    @Operation(summary = "Live state: attendance, quorum, current item, polls with running counts")
    public Document meeting(@PathVariable String id) {
        return visible(id, currentActor.actor());
    }

    @GetMapping("/api/meetings/{id}/events")
    @Operation(summary = "The meeting's events after a sequence number, in order (for clients that reconnect)")
    public Map<String, Object> events(@PathVariable String id, @RequestParam(defaultValue = "0") long after) {
        actions.requireVisible(id, currentActor.actor());
        return Map.of("meetingId", id, "events", queries.eventsAfter(id, after));
    }

    /** A paper of the agenda, or the recording, for anyone who may see the meeting (not by its hash alone). */
    @GetMapping(path = "/api/meetings/{id}/documents/{sha256}", produces = MediaType.ALL_VALUE)
    @Operation(summary = "Download an agenda item's document or the recording, by its SHA-256")
    public void document(@PathVariable String id, @PathVariable String sha256,
                         jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        Document meeting = visible(id, currentActor.actor());
        List<Document> papers = new ArrayList<>();
        meeting.getList("agenda", Document.class).forEach(i -> papers.addAll(i.getList("documents", Document.class)));
        if (meeting.get("recording", Document.class) != null) {
            papers.add(meeting.get("recording", Document.class));
        }
        Document paper = papers.stream().filter(d -> sha256.equals(d.getString("sha256"))).findFirst()
                .orElseThrow(() -> new NotFoundException("DOCUMENT_NOT_FOUND", "no such document in this meeting"));
        response.setContentType(paper.getString("contentType") == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE
                : paper.getString("contentType"));
        if (paper.getString("fileName") != null) {
            response.setHeader("Content-Disposition", org.springframework.http.ContentDisposition.attachment()
                    .filename(paper.getString("fileName"), java.nio.charset.StandardCharsets.UTF_8).build().toString());
        }
        blobs.copyTo(sha256, response.getOutputStream());
    }

    public record AgendaItemRequest(Integer section, String title, String description, String presenter,
                                    List<MeetingDocument> documents) {
    }

    @PostMapping(path = "/api/meetings/{id}/agenda-items", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add an agenda item under section 1..6")
    public Document addItem(@PathVariable String id, @RequestBody AgendaItemRequest body) {
        String itemId = UUID.randomUUID().toString();
        return act(id, a -> new AddAgendaItemCommand(id, itemId, a, body.section() == null ? 0 : body.section(),
                body.title(), body.description(), body.presenter(), body.documents(), clock.instant()));
    }

    @PostMapping("/api/meetings/{id}/open")
    @Operation(summary = "The chair opens the session")
    public Document open(@PathVariable String id) {
        return act(id, a -> new OpenMeetingCommand(id, a, clock.instant()));
    }

    @PostMapping("/api/meetings/{id}/close")
    @Operation(summary = "The chair closes the session")
    public Document close(@PathVariable String id) {
        return act(id, a -> new CloseMeetingCommand(id, a, clock.instant()));
    }

    public record JoinRequest(String password, String totp) {
    }

    /**
     * Joining verifies the person again (MDES process 1): the password re-entered here must be their own, or a
     * one-time code from the authenticator they enrolled. The method, the address and the client are kept as
     * the decree's traffic data.
     */
    @PostMapping("/api/meetings/{id}/join")
    @Operation(summary = "Join after identity verification ({password} re-entry or a {totp} code); traffic data is kept")
    public Document join(@PathVariable String id, @RequestBody(required = false) JoinRequest body,
                         HttpServletRequest request) {
        Actor actor = currentActor.actor();
        Person me = currentActor.person();
        actions.requireVisible(id, actor);
        String method;
        if (body != null && body.totp() != null && !body.totp().isBlank()) {
            if (!totp.verify(me.id(), body.totp().strip(), clock.instant())) {
                throw new InvalidFieldsException("IDENTITY_NOT_VERIFIED", List.of(new FieldError("totp",
                        totp.enabled(me.id()) ? "not the current one-time code (each code is accepted once)"
                                : "no one-time password is enrolled: use your password")));
            }
            method = "TOTP";
        } else {
            boolean verified = body != null && body.password() != null && directory.account(me.username())
                    .map(acc -> passwords.matches(body.password(), acc.passwordHash())).orElse(false);
            if (!verified) {
                throw new InvalidFieldsException("IDENTITY_NOT_VERIFIED", List.of(new FieldError("password",
                        "enter your password again to verify your identity before joining")));
            }
            method = "PASSWORD";
        }
        return act(id, actor, new JoinMeetingCommand(id, actor, method, request.getRemoteAddr(),
                request.getHeader("User-Agent"), clock.instant()));
    }

    public record LeaveRequest(String personId, String reason) {
    }

    @PostMapping("/api/meetings/{id}/leave")
    @Operation(summary = "Leave, or (the chair) remove a participant")
    public Document leave(@PathVariable String id, @RequestBody(required = false) LeaveRequest body) {
        return act(id, a -> new LeaveMeetingCommand(id, a, body == null ? null : body.personId(),
                body == null ? null : body.reason(), clock.instant()));
    }

    @PostMapping("/api/meetings/{id}/agenda-items/{itemId}/start")
    @Operation(summary = "The chair moves the session to an item")
    public Document start(@PathVariable String id, @PathVariable String itemId) {
        return act(id, a -> new StartAgendaItemCommand(id, itemId, a, clock.instant()));
    }

    public record ReasonRequest(String reason) {
    }

    @PostMapping("/api/meetings/{id}/agenda-items/{itemId}/conflict")
    @Operation(summary = "Declare a conflict of interest in an item: recused from it")
    public Document conflict(@PathVariable String id, @PathVariable String itemId,
                             @RequestBody(required = false) ReasonRequest body) {
        return act(id, a -> new DeclareConflictCommand(id, itemId, a, body == null ? null : body.reason(),
                clock.instant()));
    }

    public record PollRequest(String itemId, String question, List<String> options, Boolean secret) {
    }

    @PostMapping(path = "/api/meetings/{id}/polls", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Open a poll on the current item {question, options[], secret}")
    public Document openPoll(@PathVariable String id, @RequestBody PollRequest body) {
        String pollId = UUID.randomUUID().toString();
        return act(id, a -> new OpenPollCommand(id, pollId, body.itemId(), a, body.question(), body.options(),
                Boolean.TRUE.equals(body.secret()), clock.instant()));
    }

    public record VoteRequest(String choice) {
    }

    @PostMapping("/api/meetings/{id}/polls/{pollId}/votes")
    @Operation(summary = "Cast a vote {choice}")
    public Document vote(@PathVariable String id, @PathVariable String pollId,
                         @RequestBody(required = false) VoteRequest body) {
        return act(id, a -> new CastVoteCommand(id, pollId, a, body == null ? null : body.choice(), clock.instant()));
    }

    @PostMapping("/api/meetings/{id}/polls/{pollId}/close")
    @Operation(summary = "Close and count the poll")
    public Document closePoll(@PathVariable String id, @PathVariable String pollId) {
        return act(id, a -> new ClosePollCommand(id, pollId, a, clock.instant()));
    }

    /**
     * The replay proof of a poll (issue 5, item 7): who was present, who was recused, who was eligible and
     * whether there was a quorum at the instant it opened, recomputed from the meeting's stored events and
     * compared with what the poll recorded.
     */
    @GetMapping("/api/meetings/{id}/polls/{pollId}/proof")
    @Operation(summary = "Presence, eligibility and quorum when the poll opened, recomputed from the events")
    public MeetingHistory.PollProof proof(@PathVariable String id, @PathVariable String pollId) {
        actions.requireVisible(id, currentActor.actor());
        List<Object> payloads = eventStore.readEvents(id).asStream().map(DomainEventMessage::getPayload)
                .map(Object.class::cast).toList();
        MeetingHistory.PollProof proof = MeetingHistory.proveAt(payloads, pollId);
        if (proof == null) {
            throw new NotFoundException("POLL_NOT_FOUND", "no poll " + pollId + " in this meeting");
        }
        return proof;
    }

    public record ResolutionRequest(ResolutionType type, String text, String pollId) {
    }

    @PostMapping("/api/meetings/{id}/agenda-items/{itemId}/resolution")
    @Operation(summary = "Record the resolution (มติ) of an item {type, text, pollId}")
    public Document resolution(@PathVariable String id, @PathVariable String itemId,
                               @RequestBody ResolutionRequest body) {
        return act(id, a -> new RecordResolutionCommand(id, itemId, a, body.type(), body.text(), body.pollId(),
                clock.instant()));
    }

    public record FloorRequest(Boolean withdraw, String personId) {
    }

    @PostMapping("/api/meetings/{id}/speakers")
    @Operation(summary = "Ask to speak (join the speakers' queue), or {withdraw: true}")
    public Document requestFloor(@PathVariable String id, @RequestBody(required = false) FloorRequest body) {
        return act(id, a -> new RequestFloorCommand(id, a, body != null && Boolean.TRUE.equals(body.withdraw()),
                clock.instant()));
    }

    @PostMapping("/api/meetings/{id}/floor")
    @Operation(summary = "The chair gives the floor to the next speaker in the queue, or to {personId}")
    public Document giveFloor(@PathVariable String id, @RequestBody(required = false) FloorRequest body) {
        return act(id, a -> new GiveFloorCommand(id, a, body == null ? null : body.personId(), clock.instant()));
    }

    public record MuteRequest(Boolean muted) {
    }

    @PostMapping("/api/meetings/{id}/participants/{personId}/mute")
    @Operation(summary = "The chair mutes {muted: true} or unmutes a participant")
    public Document mute(@PathVariable String id, @PathVariable String personId,
                         @RequestBody(required = false) MuteRequest body) {
        return act(id, a -> new MuteParticipantCommand(id, a, personId, body == null || !Boolean.FALSE.equals(
                body.muted()), clock.instant()));
    }

    @PostMapping("/api/meetings/{id}/suspend")
    @Operation(summary = "The chair suspends the session {reason}")
    public Document suspend(@PathVariable String id, @RequestBody(required = false) ReasonRequest body) {
        return act(id, a -> new SuspendMeetingCommand(id, a, true, body == null ? null : body.reason(),
                clock.instant()));
    }

    @PostMapping("/api/meetings/{id}/resume")
    @Operation(summary = "The chair resumes a suspended session")
    public Document resume(@PathVariable String id) {
        return act(id, a -> new SuspendMeetingCommand(id, a, false, null, clock.instant()));
    }

    public record ProblemRequest(String text) {
    }

    @PostMapping("/api/meetings/{id}/problems")
    @Operation(summary = "Report a problem with the meeting system {text}")
    public Document reportProblem(@PathVariable String id, @RequestBody(required = false) ProblemRequest body) {
        return act(id, a -> new ReportProblemCommand(id, a, body == null ? null : body.text(), clock.instant()));
    }

    public record RecordingRequest(String sha256, String title) {
    }

    /** The recording was uploaded with {@code POST /api/files}; it is attached by its SHA-256. */
    @PostMapping("/api/meetings/{id}/recording")
    @Operation(summary = "Attach the session's recording, uploaded to /api/files, by {sha256}")
    public Document recording(@PathVariable String id, @RequestBody(required = false) RecordingRequest body) {
        BlobStore.Blob blob = body == null || body.sha256() == null ? null : blobs.find(body.sha256()).orElse(null);
        if (blob == null) {
            throw new InvalidFieldsException("RECORDING_INVALID", List.of(new FieldError("sha256",
                    "the SHA-256 of a file uploaded to /api/files")));
        }
        MeetingDocument recording = new MeetingDocument(body.title() == null ? "บันทึกภาพและเสียงการประชุม"
                : body.title(), blob.sha256(), blob.fileName(), blob.contentType(), blob.size());
        return act(id, a -> new AttachRecordingCommand(id, a, recording, clock.instant()));
    }

    private Document act(String id, Function<Actor, Object> command) {
        return actions.act(id, command);
    }

    private Document act(String id, Actor actor, Object command) {
        return actions.act(id, actor, command);
    }

    private Document settled(String id, long position, Actor actor) {
        return actions.settled(id, position, actor);
    }

    private Document visible(String id, Actor actor) {
        return actions.visible(id, actor);
    }
}
