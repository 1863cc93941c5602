package org.saraban.web.meeting;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bson.Document;
import org.saraban.api.common.Actor;
import org.saraban.api.common.Role;
import org.saraban.api.common.ThaiText;
import org.saraban.api.letter.CreateDraftLetterCommand;
import org.saraban.api.letter.LetterContent;
import org.saraban.api.letter.LetterKind;
import org.saraban.api.letter.OwnerUnit;
import org.saraban.api.meeting.AnswerInvitationCommand;
import org.saraban.api.meeting.RecordInvitationLetterCommand;
import org.saraban.api.meeting.RsvpResponse;
import org.saraban.query.directory.Agency;
import org.saraban.query.directory.Directory;
import org.saraban.query.directory.Person;
import org.saraban.web.letter.LetterRequest;
import org.saraban.web.letter.LetterRequests;
import org.saraban.web.security.CurrentActor;
import org.saraban.web.support.CommandSender;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Invitations as official letters (API.md: {@code POST /api/meetings/{id}/invitations}) and members' answers.
 * The invitation is drafted as an external letter in the caller's outbox, addressed to every member, with the
 * agenda in its text and the items' documents as its enclosures; it is then approved, signed and dispatched
 * like any letter, and the meeting records its dispatch, delivery and receipt as the letter flow reports them.
 */
@RestController
@Tag(name = "meetings")
public class InvitationController {

    private final MeetingActions meetings;
    private final CommandSender commands;
    private final CurrentActor currentActor;
    private final Directory directory;
    private final LetterRequests letters;
    private final Clock clock;

    public InvitationController(MeetingActions meetings, CommandSender commands, CurrentActor currentActor,
                                Directory directory, LetterRequests letters, Clock clock) {
        this.meetings = meetings;
        this.commands = commands;
        this.currentActor = currentActor;
        this.directory = directory;
        this.letters = letters;
        this.clock = clock;
    }

    /** {@code signatory}: who signs the invitation (a signer of the caller's agency); the chair by default. */
    public record InvitationRequest(String signatory) {
    }

    @PostMapping(path = "/api/meetings/{id}/invitations", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Draft the invitation letter to every member, with the agenda and documents; it then goes"
            + " through the letter flow (approve, sign, dispatch)")
    public ResponseEntity<Map<String, Object>> invite(@PathVariable String id,
                                                      @RequestBody(required = false) InvitationRequest body) {
        Actor actor = currentActor.actor();
        Document meeting = meetings.visible(id, actor);
        LetterContent content = letters.content(letter(meeting, actor, body == null ? null : body.signatory()), actor);
        String letterId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        // the meeting first: it refuses a caller who may not invite before any letter exists
        commands.send(new RecordInvitationLetterCommand(id, letterId, actor, now));
        String agencyName = directory.agency(actor.agencyCode()).map(Agency::name).orElse(actor.agencyCode());
        commands.send(new CreateDraftLetterCommand(letterId, actor, agencyName, content, now));
        return ResponseEntity.created(URI.create("/api/letters/" + letterId))
                .body(Map.of("letterId", letterId, "meetingId", id));
    }

    private LetterRequest letter(Document m, Actor actor, String signatory) {
        List<Document> members = m.getList("members", Document.class);
        List<LetterRequest.RecipientDto> to = new ArrayList<>();
        for (Document member : members) {
            String agencyCode = member.getString("agencyCode");
            boolean known = agencyCode != null && directory.agency(agencyCode).isPresent();
            String personId = member.getString("personId");
            boolean personThere = known && personId != null && directory.person(personId)
                    .map(p -> agencyCode.equals(p.agencyCode())).orElse(false);
            String position = member.getString("committeePosition");
            to.add(new LetterRequest.RecipientDto(known ? agencyCode : null, null, personThere ? personId : null,
                    member.getString("name") + (position == null ? "" : " " + position), null));
        }
        String when = m.getString("weekdayThai") + "ที่ " + m.getString("dateThai") + " เวลา " + m.getString("timeThai");
        String where = m.getString("place") == null ? "" : " ณ " + m.getString("place");
        boolean online = Boolean.TRUE.equals(m.getBoolean("online"));
        List<String> body = new ArrayList<>();
        body.add("ด้วย" + m.getString("committeeName") + " กำหนดประชุม" + m.getString("number") + " ใน"
                + when + where + (online ? (where.isEmpty() ? " " : " และ") + "ผ่านสื่ออิเล็กทรอนิกส์" : "")
                + " โดยมีระเบียบวาระการประชุม ดังนี้");
        for (int section = 1; section <= 6; section++) {
            final int s = section;
            List<Document> items = m.getList("agenda", Document.class).stream()
                    .filter(i -> i.getInteger("section", 0) == s).toList();
            String thai = org.saraban.api.meeting.AgendaSection.of(section).thai();
            StringBuilder line = new StringBuilder("ระเบียบวาระที่ " + ThaiText.thaiDigits(section) + " " + thai);
            if (items.isEmpty()) {
                line.append(" ไม่มี");
            }
            for (Document i : items) {
                line.append(" ").append(i.getString("number")).append(" ").append(i.getString("title"));
            }
            body.add(line.toString());
        }
        body.add("จึงเรียนมาเพื่อโปรดเข้าร่วมประชุมตามวัน เวลา และสถานที่ดังกล่าว"
                + (online ? " ผู้เข้าร่วมประชุมผ่านสื่ออิเล็กทรอนิกส์ต้องยืนยันตัวตนก่อนเข้าร่วมประชุมในระบบ"
                        + (m.getString("conferenceUrl") == null ? "" : " และเข้าร่วมการประชุมทาง "
                        + m.getString("conferenceUrl")) : "")
                + " และโปรดแจ้งการตอบรับในระบบด้วย");
        Set<String> seen = new LinkedHashSet<>();
        List<LetterRequest.EnclosureDto> enclosures = new ArrayList<>();
        for (Document item : m.getList("agenda", Document.class)) {
            for (Document d : item.getList("documents", Document.class, List.of())) {
                if (d.getString("sha256") != null && seen.add(d.getString("sha256"))) {
                    enclosures.add(new LetterRequest.EnclosureDto(d.getString("title"), d.getString("sha256")));
                }
            }
        }
        Person me = currentActor.person();
        Agency agency = directory.agency(actor.agencyCode()).orElse(null);
        Agency.Unit unit = agency == null ? null : agency.unit(me.unitCode());
        String signer = signatory != null ? signatory : chairWhoSigns(members, actor);
        return new LetterRequest(LetterKind.EXTERNAL, false, null, null, null,
                "ขอเชิญประชุม" + m.getString("committeeName") + " " + m.getString("number"), "เรียน", to, List.of(),
                enclosures, body, "ขอแสดงความนับถือ", signer,
                new OwnerUnit(unit != null ? unit.name() : agency != null ? agency.name() : actor.agencyCode(), null,
                        null, null), List.of(), null);
    }

    /** The chair signs the invitation when they are a signer of the caller's agency. */
    private String chairWhoSigns(List<Document> members, Actor actor) {
        return members.stream().filter(d -> "CHAIR".equals(d.getString("role")) && d.getString("personId") != null)
                .map(d -> directory.person(d.getString("personId")).orElse(null))
                .filter(p -> p != null && p.agencyCode().equals(actor.agencyCode()) && p.roles().contains(Role.SIGNER))
                .map(Person::id).findFirst().orElse(null);
    }

    public record RsvpRequest(RsvpResponse response, String reason, String delegateName, String delegatePosition) {
    }

    @PostMapping(path = "/api/meetings/{id}/rsvp", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Answer the invitation {response: ATTENDING | NOT_ATTENDING | DELEGATE, reason, delegateName,"
            + " delegatePosition}")
    public Document rsvp(@PathVariable String id, @RequestBody RsvpRequest body) {
        return meetings.act(id, a -> new AnswerInvitationCommand(id, a, body.response(), body.reason(),
                body.delegateName(), body.delegatePosition(), clock.instant()));
    }
}
