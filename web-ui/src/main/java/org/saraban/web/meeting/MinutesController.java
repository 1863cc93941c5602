package org.saraban.web.meeting;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bson.Document;
import org.saraban.api.common.Actor;
import org.saraban.api.common.FieldError;
import org.saraban.api.common.InvalidFieldsException;
import org.saraban.api.common.NotFoundException;
import org.saraban.api.meeting.CertifyMinutesCommand;
import org.saraban.api.meeting.CirculateMinutesCommand;
import org.saraban.api.meeting.CommitteeMember;
import org.saraban.api.meeting.CommitteeRole;
import org.saraban.api.meeting.EditMinutesCommand;
import org.saraban.api.meeting.MeetingException;
import org.saraban.api.meeting.MinutesCertification;
import org.saraban.api.meeting.ObjectToMinutesCommand;
import org.saraban.api.meeting.SignMinutesCommand;
import org.saraban.command.meeting.MinutesText;
import org.saraban.command.store.BlobStore;
import org.saraban.query.directory.Agency;
import org.saraban.query.directory.Directory;
import org.saraban.web.letter.LetterPdf;
import org.saraban.web.security.CurrentActor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The minutes of a meeting (API.md: {@code /api/meetings/{id}/minutes}): drafted from the session's events when
 * it closes, edited by the secretary, circulated with a deadline, certified by circulation or at a later
 * meeting's item ๒, then frozen, rendered to PDF, signed by the secretary and the chair, and filed.
 */
@RestController
@Tag(name = "meetings")
public class MinutesController {

    private final MeetingActions meetings;
    private final CurrentActor currentActor;
    private final Directory directory;
    private final BlobStore blobs;
    private final LetterPdf pdfs;
    private final Clock clock;

    public MinutesController(MeetingActions meetings, CurrentActor currentActor, Directory directory, BlobStore blobs,
                             LetterPdf pdfs, Clock clock) {
        this.meetings = meetings;
        this.currentActor = currentActor;
        this.directory = directory;
        this.blobs = blobs;
        this.pdfs = pdfs;
        this.clock = clock;
    }

    @GetMapping(path = "/api/meetings/{id}/minutes", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The minutes: text, revision, circulation, certification, signatures, filing")
    public Document minutes(@PathVariable String id) {
        return minutesOf(meetings.visible(id, currentActor.actor()));
    }

    /** The signed PDF of record once certified; until then a preview of the draft, rendered and not stored. */
    @GetMapping(path = "/api/meetings/{id}/minutes/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The minutes as PDF: the certified and signed PDF of record, or a preview of the draft")
    public ResponseEntity<byte[]> pdf(@PathVariable String id) {
        Document meeting = meetings.visible(id, currentActor.actor());
        Document minutes = minutesOf(meeting);
        Document pdf = minutes.get("pdf", Document.class);
        byte[] bytes;
        if (pdf != null) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            blobs.copyTo(pdf.getString("sha256"), out);
            bytes = out.toByteArray();
        } else {
            String agencyName = directory.agency(meeting.getString("agencyCode")).map(Agency::name)
                    .orElse(meeting.getString("agencyCode"));
            CommitteeMember secretary = meeting.getList("members", Document.class).stream()
                    .filter(m -> "SECRETARY".equals(m.getString("role"))).findFirst()
                    .map(m -> new CommitteeMember(m.getString("personId"), m.getString("name"), m.getString("position"),
                            m.getString("agencyCode"), m.getString("committeePosition"), CommitteeRole.SECRETARY))
                    .orElse(null);
            bytes = pdfs.preview(MinutesText.ofRecord(id, meeting.getString("agencyCode"), agencyName,
                    minutes.getString("text"), secretary, meeting.getString("number"),
                    Instant.parse(meeting.getString("startsAt"))));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"minutes.pdf\"").body(bytes);
    }

    public record EditRequest(String text, Integer revision) {
    }

    @PutMapping(path = "/api/meetings/{id}/minutes", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The secretary edits the minutes {text, revision}")
    public Document edit(@PathVariable String id, @RequestBody EditRequest body) {
        if (body.revision() == null) {
            throw new InvalidFieldsException("MINUTES_INVALID", List.of(new FieldError("revision",
                    "required: the revision the edit was made from")));
        }
        return act(id, a -> new EditMinutesCommand(id, a, body.text(), body.revision(), clock.instant()));
    }

    public record CirculateRequest(Instant deadline) {
    }

    @PostMapping(path = "/api/meetings/{id}/minutes/circulate", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The secretary circulates the minutes for certification by {deadline}")
    public Document circulate(@PathVariable String id, @RequestBody(required = false) CirculateRequest body) {
        return act(id, a -> new CirculateMinutesCommand(id, a, body == null ? null : body.deadline(), clock.instant()));
    }

    public record ObjectionRequest(String text) {
    }

    @PostMapping(path = "/api/meetings/{id}/minutes/objections", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A member asks for a change to the circulated minutes {text}")
    public Document object(@PathVariable String id, @RequestBody(required = false) ObjectionRequest body) {
        return act(id, a -> new ObjectToMinutesCommand(id, a, body == null ? null : body.text(), clock.instant()));
    }

    public record CertifyRequest(MinutesCertification method, String meetingId, String itemId) {
    }

    /**
     * Certifies the minutes. At a later meeting, that meeting must be of the same committee, after this one, and
     * its item in section ๒ must have its resolution recorded (and not a rejection).
     */
    @PostMapping(path = "/api/meetings/{id}/minutes/certify", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Certify the minutes {method: CIRCULATION} or {method: NEXT_MEETING, meetingId, itemId};"
            + " the text is frozen and rendered to PDF")
    public Document certify(@PathVariable String id, @RequestBody(required = false) CertifyRequest body) {
        Actor actor = currentActor.actor();
        Document meeting = meetings.visible(id, actor);
        MinutesCertification method = body == null ? null : body.method();
        String number = null;
        if (method == MinutesCertification.NEXT_MEETING) {
            number = certifyingMeeting(meeting, body, actor);
        }
        String agencyName = directory.agency(meeting.getString("agencyCode")).map(Agency::name)
                .orElse(meeting.getString("agencyCode"));
        return minutesOf(meetings.act(id, actor, new CertifyMinutesCommand(id, actor, method,
                body == null ? null : body.meetingId(), number, body == null ? null : body.itemId(), agencyName,
                clock.instant())));
    }

    private String certifyingMeeting(Document meeting, CertifyRequest body, Actor actor) {
        if (body.meetingId() == null || body.itemId() == null) {
            throw new InvalidFieldsException("MINUTES_INVALID", List.of(
                    new FieldError(body.meetingId() == null ? "meetingId" : "itemId", "required for NEXT_MEETING")));
        }
        Document next;
        try {
            next = meetings.visible(body.meetingId(), actor);
        } catch (NotFoundException e) {
            throw new InvalidFieldsException("MINUTES_INVALID", List.of(new FieldError("meetingId", "no such meeting")));
        }
        if (!Objects.equals(next.getString("committeeId"), meeting.getString("committeeId"))
                || !later(next, meeting)) {
            throw new InvalidFieldsException("MINUTES_INVALID", List.of(new FieldError("meetingId",
                    "a later meeting of the same committee")));
        }
        Document item = next.getList("agenda", Document.class).stream()
                .filter(i -> body.itemId().equals(i.getString("itemId"))).findFirst().orElse(null);
        if (item == null || item.getInteger("section", 0) != 2) {
            throw new InvalidFieldsException("MINUTES_INVALID", List.of(new FieldError("itemId",
                    "an item of ระเบียบวาระที่ ๒ (รับรองรายงานการประชุม) of that meeting")));
        }
        Document resolution = item.get("resolution", Document.class);
        if (resolution == null || "REJECTED".equals(resolution.getString("type"))) {
            throw MeetingException.conflict("NOT_CERTIFIED_YET", "that item has no resolution certifying the minutes");
        }
        return next.getString("number");
    }

    private static boolean later(Document next, Document meeting) {
        return Instant.parse(next.getString("startsAt")).isAfter(Instant.parse(meeting.getString("startsAt")));
    }

    public record SignRequest(String fileCode, Integer retentionYears, Boolean permanent) {
    }

    @PostMapping(path = "/api/meetings/{id}/minutes/sign", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The secretary, then the chair, signs the certified minutes (PAdES); the second signature"
            + " files them {fileCode, retentionYears, permanent}")
    public Document sign(@PathVariable String id, @RequestBody(required = false) SignRequest body) {
        return act(id, a -> new SignMinutesCommand(id, a, body == null ? null : body.fileCode(),
                body == null ? null : body.retentionYears(), body == null ? null : body.permanent(), clock.instant()));
    }

    private Document act(String id, Function<Actor, Object> command) {
        return minutesOf(meetings.act(id, command));
    }

    /**
     * The minutes with the evidence the decree keeps as part of them: the traffic data of every participant
     * (identity verification, joins and leaves, with address, client and standard time) and the recording.
     */
    private static Document minutesOf(Document meeting) {
        Document minutes = meeting.get("minutes", Document.class);
        if (minutes == null) {
            throw new NotFoundException("MINUTES_NOT_FOUND", "the minutes are drafted when the chair closes the meeting");
        }
        return new Document(minutes).append("trafficData", meeting.get("attendance"))
                .append("recording", meeting.get("recording"));
    }
}
