package org.saraban.web.archive;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.Operation;
import org.bson.Document;
import org.saraban.api.archive.DestructionCommands;
import org.saraban.api.archive.DestructionItem;
import org.saraban.api.common.Actor;
import org.saraban.api.common.FieldError;
import org.saraban.api.common.InvalidFieldsException;
import org.saraban.api.common.NotFoundException;
import org.saraban.api.common.PersonRef;
import org.saraban.query.archive.DestructionLists;
import org.saraban.query.directory.Directory;
import org.saraban.web.config.SarabanProperties;
import org.saraban.web.security.CurrentActor;
import org.saraban.web.support.CommandSender;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Destruction of records (issue 6, item 2; ระเบียบงานสารบรรณ ข้อ ๖๖–๗๐): the yearly survey, the list, the
 * committee, its review, the head's approval, the National Archives' reply or window, and the destruction.
 * Everything is the agency's own: anyone else gets 404.
 */
@RestController
@RequestMapping(path = "/api/archive", produces = MediaType.APPLICATION_JSON_VALUE)
public class DestructionController {

    private final Retimestamping retimestamping;
    private final CommandSender commands;
    private final DestructionLists lists;
    private final Directory directory;
    private final CurrentActor currentActor;
    private final SarabanProperties props;
    private final Clock clock;

    public DestructionController(CommandSender commands, DestructionLists lists, Directory directory,
                                 CurrentActor currentActor, SarabanProperties props, Clock clock,
                                 Retimestamping retimestamping) {
        this.retimestamping = retimestamping;
        this.commands = commands;
        this.lists = lists;
        this.directory = directory;
        this.currentActor = currentActor;
        this.props = props;
        this.clock = clock;
    }

    @GetMapping("/destruction/candidates")
    @Operation(summary = "The yearly survey: filed letters kept until the end of BE year {year} or before")
    public List<Document> candidates(@RequestParam int year) {
        return lists.candidates(currentActor.actor(), year);
    }

    @GetMapping("/destruction-lists")
    public List<Document> all() {
        return lists.list(currentActor.actor());
    }

    @GetMapping("/destruction-lists/{id}")
    public Document one(@PathVariable String id) {
        return visible(id, currentActor.actor());
    }

    public record PrepareRequest(Integer surveyYearBE, List<String> letterIds) {
    }

    @PostMapping(path = "/destruction-lists", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Prepare the destruction list (แบบที่ ๒๕) of a survey year: all its candidates, or those named")
    public ResponseEntity<Document> prepare(@RequestBody PrepareRequest body) {
        Actor actor = currentActor.actor();
        if (body == null || body.surveyYearBE() == null) {
            throw new InvalidFieldsException("SURVEY_YEAR_MISSING", List.of(new FieldError("surveyYearBE",
                    "the BE year whose ended keeping is surveyed")));
        }
        List<Document> candidates = lists.candidates(actor, body.surveyYearBE());
        List<DestructionItem> items = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        List<String> wanted = body.letterIds() == null ? candidates.stream().map(d -> d.getString("letterId")).toList()
                : body.letterIds();
        for (int i = 0; i < wanted.size(); i++) {
            String id = wanted.get(i);
            Document c = candidates.stream().filter(d -> d.getString("letterId").equals(id)).findFirst().orElse(null);
            if (c == null) {
                errors.add(new FieldError("letterIds[" + i + "]",
                        "not a filed letter of this agency whose keeping ended by " + body.surveyYearBE()));
                continue;
            }
            items.add(new DestructionItem(id, c.getString("number"), c.getString("date"), c.getString("subject"),
                    c.getString("fileCode"), c.getInteger("keepUntilYearBE"), c.getList("blobs", String.class)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException("DESTRUCTION_ITEMS_INVALID", errors);
        }
        String listId = UUID.randomUUID().toString();
        Document view = act(listId, actor, new DestructionCommands.Prepare(listId, actor, body.surveyYearBE(), items,
                clock.instant()));
        return ResponseEntity.status(HttpStatus.CREATED).body(view);
    }

    public record CommitteeRequest(String chairId, List<String> memberIds) {
    }

    @PostMapping(path = "/destruction-lists/{id}/committee", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The head appoints the committee: a chair and at least two members")
    public Document committee(@PathVariable String id, @RequestBody CommitteeRequest body) {
        Actor actor = currentActor.actor();
        visible(id, actor);
        List<FieldError> errors = new ArrayList<>();
        PersonRef chair = person(body == null ? null : body.chairId(), "chairId", errors);
        List<PersonRef> members = new ArrayList<>();
        List<String> ids = body == null || body.memberIds() == null ? List.of() : body.memberIds();
        for (int i = 0; i < ids.size(); i++) {
            PersonRef m = person(ids.get(i), "memberIds[" + i + "]", errors);
            if (m != null) {
                members.add(m);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException("COMMITTEE_INVALID", errors);
        }
        return act(id, actor, new DestructionCommands.AppointCommittee(id, actor, chair, members, clock.instant()));
    }

    public record ReviewRequest(List<String> keepLonger, String report) {
    }

    @PostMapping(path = "/destruction-lists/{id}/review", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The committee's chair reports: letters kept longer leave the list")
    public Document review(@PathVariable String id, @RequestBody(required = false) ReviewRequest body) {
        return act(id, a -> new DestructionCommands.Review(id, a, body == null ? List.of() : body.keepLonger(),
                body == null ? null : body.report(), clock.instant()));
    }

    @PostMapping("/destruction-lists/{id}/approve")
    @Operation(summary = "The head approves; the list goes to the National Archives for 60 days")
    public Document approve(@PathVariable String id) {
        return act(id, a -> new DestructionCommands.Approve(id, a, clock.instant()));
    }

    public record ArchivesReplyRequest(Boolean objection, String note) {
    }

    @PostMapping(path = "/destruction-lists/{id}/archives-reply", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the National Archives' reply: an objection stops the destruction")
    public Document archivesReply(@PathVariable String id, @RequestBody ArchivesReplyRequest body) {
        if (body == null || body.objection() == null) {
            throw new InvalidFieldsException("ARCHIVES_REPLY_INVALID", List.of(new FieldError("objection",
                    "true if the National Archives objected, false if they agreed")));
        }
        return act(id, a -> new DestructionCommands.RecordArchivesReply(id, a, body.objection(), body.note(),
                clock.instant()));
    }

    @PostMapping("/destruction-lists/{id}/destroy")
    @Operation(summary = "Destroy the listed letters' content (the list and the letters' metadata stay)")
    public Document destroy(@PathVariable String id) {
        return act(id, a -> new DestructionCommands.Destroy(id, a, clock.instant()));
    }

    // ------------------------------------------------------------------ the 20-year lists

    @GetMapping("/transfer/candidates")
    @Operation(summary = "The 20-year survey: filed letters dated 20 years before BE year {year} or earlier")
    public List<Document> transferCandidates(@RequestParam int year) {
        return lists.twentyYears(currentActor.actor(), year);
    }

    public record KeepRequest(String letterId, String reason) {
    }

    public record TransferRequest(Integer yearBE, List<KeepRequest> keep) {
    }

    @PostMapping(path = "/transfer-lists", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Prepare the 20-year lists of a year: every candidate is transferred but those kept {letterId, reason}")
    public ResponseEntity<Document> prepareTransfer(@RequestBody TransferRequest body) {
        Actor actor = currentActor.actor();
        if (body == null || body.yearBE() == null) {
            throw new InvalidFieldsException("YEAR_MISSING", List.of(new FieldError("yearBE",
                    "the BE year in which the letters reach twenty years")));
        }
        List<Document> candidates = lists.twentyYears(actor, body.yearBE());
        List<KeepRequest> keep = body.keep() == null ? List.of() : body.keep();
        List<FieldError> errors = new ArrayList<>();
        List<org.saraban.api.archive.TransferItem> kept = new ArrayList<>();
        java.util.Set<String> keptIds = new java.util.HashSet<>();
        for (int i = 0; i < keep.size(); i++) {
            KeepRequest k = keep.get(i);
            Document c = candidates.stream().filter(d -> d.getString("letterId").equals(k.letterId())).findFirst()
                    .orElse(null);
            if (c == null) {
                errors.add(new FieldError("keep[" + i + "].letterId", "not a letter of this agency twenty years old"));
            } else if (k.reason() == null || k.reason().isBlank()) {
                errors.add(new FieldError("keep[" + i + "].reason", "why the agency keeps it"));
            } else {
                kept.add(item(c, k.reason().strip()));
                keptIds.add(k.letterId());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException("TRANSFER_LIST_INVALID", errors);
        }
        List<org.saraban.api.archive.TransferItem> transfer = candidates.stream()
                .filter(c -> !keptIds.contains(c.getString("letterId"))).map(c -> item(c, null)).toList();
        String listId = UUID.randomUUID().toString();
        commandAndWait(listId, new org.saraban.api.archive.TransferCommands.Prepare(listId, actor, body.yearBE(),
                transfer, kept, clock.instant()));
        return ResponseEntity.status(HttpStatus.CREATED).body(transferList(listId));
    }

    @GetMapping("/transfer-lists/{id}")
    public Document transferList(@PathVariable String id) {
        return lists.transferList(id, currentActor.actor())
                .orElseThrow(() -> new NotFoundException("TRANSFER_LIST_NOT_FOUND", "not found"));
    }

    @PostMapping("/transfer-lists/{id}/approve")
    @Operation(summary = "The head approves the 20-year lists")
    public Document approveTransfer(@PathVariable String id) {
        transferList(id);
        commandAndWait(id, new org.saraban.api.archive.TransferCommands.Approve(id, currentActor.actor(),
                clock.instant()));
        return transferList(id);
    }

    public record HandoverRequest(String receipt) {
    }

    @PostMapping(path = "/transfer-lists/{id}/handover", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record that the listed letters were handed to the National Archives {receipt}")
    public Document handover(@PathVariable String id, @RequestBody(required = false) HandoverRequest body) {
        transferList(id);
        commandAndWait(id, new org.saraban.api.archive.TransferCommands.RecordHandover(id, currentActor.actor(),
                body == null ? null : body.receipt(), clock.instant()));
        return transferList(id);
    }

    private static org.saraban.api.archive.TransferItem item(Document c, String reason) {
        return new org.saraban.api.archive.TransferItem(c.getString("letterId"), c.getString("number"),
                c.getString("date"), c.getString("subject"), c.getString("fileCode"), reason);
    }

    private void commandAndWait(String id, Object command) {
        commands.send(command).awaitView(id, p -> lists.awaitTransferPosition(id, p, props.readYourWritesTimeout()));
    }

    public record RetimestampRequest(Integer withinDays) {
    }

    /** Re-timestamp now the agency's filed letters whose timestamp expires within {withinDays} (default 365). */
    @PostMapping(path = "/retimestamp", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Re-timestamp the agency's filed letters whose last timestamp expires within withinDays")
    public Retimestamping.Result retimestamp(@RequestBody(required = false) RetimestampRequest body) {
        Actor actor = currentActor.actor();
        if (!actor.hasAnyRole(org.saraban.api.common.Role.RECORDS_OFFICER, org.saraban.api.common.Role.ADMIN)) {
            throw new org.saraban.api.common.PermissionDeniedException("NOT_A_RECORDS_OFFICER",
                    "records officers and administrators only");
        }
        int days = body == null || body.withinDays() == null ? 365 : body.withinDays();
        if (days < 1 || days > 36_500) {
            throw new InvalidFieldsException("WITHIN_DAYS_INVALID", List.of(new FieldError("withinDays", "1 to 36500")));
        }
        return retimestamping.run(actor.agencyCode(), java.time.Duration.ofDays(days), actor.ref());
    }

    private PersonRef person(String id, String field, List<FieldError> errors) {
        if (id == null) {
            errors.add(new FieldError(field, "required"));
            return null;
        }
        return directory.person(id).map(p -> p.ref()).orElseGet(() -> {
            errors.add(new FieldError(field, "no such person in the directory"));
            return null;
        });
    }

    private Document act(String id, Function<Actor, Object> command) {
        Actor actor = currentActor.actor();
        visible(id, actor);
        return act(id, actor, command.apply(actor));
    }

    private Document act(String id, Actor actor, Object command) {
        commands.send(command).awaitView(id, p -> lists.awaitPosition(id, p, props.readYourWritesTimeout()));
        return visible(id, actor);
    }

    private Document visible(String id, Actor actor) {
        return lists.find(id, actor).orElseThrow(() -> new NotFoundException("DESTRUCTION_LIST_NOT_FOUND", "not found"));
    }
}
