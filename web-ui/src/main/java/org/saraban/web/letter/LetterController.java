package org.saraban.web.letter;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.bson.Document;
import org.saraban.api.common.Actor;
import org.saraban.api.common.ThaiText;
import org.saraban.api.common.FieldError;
import org.saraban.api.archive.RecordSecretLetterAccessCommand;
import org.saraban.api.common.InvalidFieldsException;
import org.saraban.api.common.NotFoundException;
import org.saraban.api.common.PersonRef;
import org.saraban.api.letter.AcknowledgeRouteCommand;
import org.saraban.api.letter.ApproveLetterCommand;
import org.saraban.api.letter.LetterKind;
import org.saraban.api.letter.CancelLetterCommand;
import org.saraban.api.letter.CompleteRouteCommand;
import org.saraban.api.letter.CreateDraftLetterCommand;
import org.saraban.api.letter.DispatchLetterCommand;
import org.saraban.api.letter.EditDraftLetterCommand;
import org.saraban.api.letter.FileLetterCommand;
import org.saraban.api.letter.ReceiveLetterCommand;
import org.saraban.api.letter.ReturnLetterCommand;
import org.saraban.api.letter.RouteLetterCommand;
import org.saraban.api.letter.SignLetterCommand;
import org.saraban.api.letter.SubmitLetterCommand;
import org.saraban.command.store.BlobStore;
import org.saraban.query.directory.Agency;
import org.saraban.query.directory.Directory;
import org.saraban.query.directory.Person;
import org.saraban.query.letter.LetterQueries;
import org.saraban.web.config.SarabanProperties;
import org.saraban.web.security.CurrentActor;
import org.saraban.web.signing.SignaturePreview;
import org.saraban.web.signing.TokenSigning;
import org.saraban.web.support.CommandSender;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The letter lifecycle over HTTP (API.md "Letters"). Every command answers with the letter's new view. */
@RestController
@RequestMapping(path = "/api/letters", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "letters", description = "หนังสือราชการ: draft, approve, sign, dispatch, receive, route, file")
public class LetterController {

    private final org.saraban.web.archive.LetterAsOf letterAsOf;
    private final SecretAccess secretAccess;
    private final org.saraban.query.archive.Records records;
    private final org.saraban.signing.pades.ReceiptStamp disclosureStamp;
    private final CommandSender commands;
    private final LetterQueries queries;
    private final LetterRequests requests;
    private final CurrentActor currentActor;
    private final Directory directory;
    private final BlobStore blobs;
    private final Clock clock;
    private final SarabanProperties props;
    private final ObjectMapper json;
    private final LetterPdf letterPdf;
    private final SignaturePreview signaturePreview;
    private final TokenSigning tokenSigning;

    public LetterController(CommandSender commands, LetterQueries queries, LetterRequests requests,
                            CurrentActor currentActor, Directory directory, BlobStore blobs, Clock clock,
                            SarabanProperties props, ObjectMapper json, LetterPdf letterPdf,
                            SignaturePreview signaturePreview, TokenSigning tokenSigning,
                            org.saraban.web.archive.LetterAsOf letterAsOf, SecretAccess secretAccess,
                            org.saraban.query.archive.Records records,
                            org.saraban.signing.pades.ReceiptStamp disclosureStamp) {
        this.disclosureStamp = disclosureStamp;
        this.records = records;
        this.letterAsOf = letterAsOf;
        this.secretAccess = secretAccess;
        this.letterPdf = letterPdf;
        this.signaturePreview = signaturePreview;
        this.tokenSigning = tokenSigning;
        this.commands = commands;
        this.queries = queries;
        this.requests = requests;
        this.currentActor = currentActor;
        this.directory = directory;
        this.blobs = blobs;
        this.clock = clock;
        this.props = props;
        this.json = json;
    }

    public record SubmitRequest(String approverId) {
    }

    public record CommentRequest(String comment) {
    }

    public record ReasonRequest(String reason) {
    }

    public record RouteRequest(String toUnit, String toPerson, String instruction, LocalDate dueDate) {
    }

    public record NoteRequest(String note) {
    }

    public record FileRequest(String fileCode, Integer retentionYears, Boolean permanent) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a draft letter")
    public ResponseEntity<Document> create(@RequestBody LetterRequest request) {
        Actor actor = currentActor.actor();
        String id = UUID.randomUUID().toString();
        String agencyName = directory.agency(actor.agencyCode()).map(Agency::name).orElse(actor.agencyCode());
        var sent = commands.send(new CreateDraftLetterCommand(id, actor, agencyName,
                requests.content(request, actor), clock.instant()));
        Document view = settled(id, sent.positionOf(id), actor);
        return answer(ResponseEntity.created(URI.create("/api/letters/" + id)), view);
    }

    @GetMapping("/{id}")
    @Operation(summary = "The letter as the caller may see it; opening it marks it read for the caller")
    public ResponseEntity<Document> get(@PathVariable String id,
                                        @RequestParam(required = false) String asOf) {
        if (asOf != null) {
            // as it stood then, recomputed from its events, for someone who may see it now; not marked read
            Actor actor = currentActor.actor();
            queries.find(id, actor).orElseThrow(() -> new NotFoundException("LETTER_NOT_FOUND", "not found"));
            Instant at = instantOf(asOf);
            return ResponseEntity.ok(letterAsOf.view(id, at).orElseThrow(() -> new NotFoundException(
                    "LETTER_NOT_YET_WRITTEN", "the letter did not exist at " + asOf)));
        }
        Document view = queries.open(id, currentActor.actor(), clock.instant())
                .orElseThrow(() -> new NotFoundException("LETTER_NOT_FOUND", "not found"));
        secretAccess.record(view, currentActor.actor(), RecordSecretLetterAccessCommand.Access.VIEW, null);
        return ResponseEntity.ok().eTag(etag(view)).body(view);
    }

    /** An ISO instant, or a date (the end of that day in Bangkok); anything else is a field error. */
    public static Instant instantOf(String asOf) {
        try {
            return Instant.parse(asOf);
        } catch (java.time.format.DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(asOf).toInstant();
            } catch (java.time.format.DateTimeParseException e2) {
                try {
                    return java.time.LocalDate.parse(asOf).plusDays(1).atStartOfDay(org.saraban.api.common.ThaiText.BANGKOK)
                            .toInstant().minusMillis(1);
                } catch (java.time.format.DateTimeParseException e3) {
                    throw new InvalidFieldsException("AS_OF_INVALID", List.of(new FieldError("asOf",
                            "an ISO date or instant, e.g. 2026-11-21 or 2026-11-21T09:30:00+07:00")));
                }
            }
        }
    }

    @PatchMapping(path = "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    @Operation(summary = "Edit a draft: the fields sent replace the draft's (refused once approved)")
    public ResponseEntity<Document> edit(@PathVariable String id, @RequestBody Map<String, Object> patch,
                                         @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Actor actor = currentActor.actor();
        Document current = visible(id, actor);
        Map<String, Object> merged = new LinkedHashMap<>(asRequest(current));
        merged.putAll(patch);
        LetterRequest request;
        try {
            request = json.convertValue(merged, LetterRequest.class);
        } catch (IllegalArgumentException e) {
            String field = e.getCause() instanceof com.fasterxml.jackson.databind.JsonMappingException m
                    ? org.saraban.web.support.ProblemHandler.path(m) : "$";
            throw new InvalidFieldsException("LETTER_FIELDS_INVALID", List.of(new FieldError(field, "invalid value")));
        }
        return act(id, actor, new EditDraftLetterCommand(id, version(ifMatch), actor, requests.content(request, actor),
                clock.instant()));
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "Send the draft to an approver")
    public ResponseEntity<Document> submit(@PathVariable String id, @RequestBody SubmitRequest body,
                                           @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Actor actor = currentActor.actor();
        visible(id, actor);
        Person approver = body == null || body.approverId() == null ? null : directory.person(body.approverId())
                .filter(p -> actor.agencyCode().equals(p.agencyCode()))
                .filter(p -> p.roles().contains(org.saraban.api.common.Role.APPROVER)).orElse(null);
        if (approver == null) {
            throw new InvalidFieldsException("APPROVER_INVALID",
                    List.of(new FieldError("approverId", "must be an approver of your agency")));
        }
        return act(id, actor, new SubmitLetterCommand(id, version(ifMatch), actor, approver.ref(), clock.instant()));
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "Approve the draft (the approver it was submitted to); a kind the agency signs digitally "
            + "is numbered now and its PDF of record made, with the approver's visa")
    public ResponseEntity<Document> approve(@PathVariable String id, @RequestBody(required = false) CommentRequest body,
                                            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return act(id, actor -> new ApproveLetterCommand(id, version(ifMatch), actor,
                body == null ? null : body.comment(), signatureRequired(actor.agencyCode()), clock.instant()));
    }

    /** The agency setting of ADR 0006: which kinds it signs digitally. */
    private Set<LetterKind> signatureRequired(String agencyCode) {
        return directory.agency(agencyCode).map(a -> a.signatureRequired().stream().map(LetterKind::valueOf)
                .collect(Collectors.toUnmodifiableSet())).orElse(Set.of());
    }

    @PostMapping("/{id}/return")
    @Operation(summary = "Return the draft to its author with a reason")
    public ResponseEntity<Document> giveBack(@PathVariable String id, @RequestBody(required = false) ReasonRequest body,
                                             @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return act(id, actor -> new ReturnLetterCommand(id, version(ifMatch), actor,
                body == null ? null : body.reason(), clock.instant()));
    }

    /** {@code typedName}: the signatory's own name as they typed it (optional; checked when sent). */
    public record SignRequest(String typedName) {
    }

    @PostMapping("/{id}/sign")
    @Operation(summary = "The signatory signs: a PAdES signature on the PDF of record for a kind the agency signs "
            + "digitally, else the typed-name signature")
    public ResponseEntity<Document> sign(@PathVariable String id, @RequestBody(required = false) SignRequest body,
                                         @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return act(id, actor -> {
            if (body != null && body.typedName() != null && !sameName(body.typedName(), actor.displayName())) {
                throw new InvalidFieldsException("TYPED_NAME_MISMATCH",
                        List.of(new FieldError("typedName", "must be the signatory's own name as the directory has it")));
            }
            return new SignLetterCommand(id, version(ifMatch), actor, clock.instant());
        });
    }

    private static boolean sameName(String typed, String name) {
        return name != null && typed.strip().replaceAll("\\s+", " ").equals(name.strip().replaceAll("\\s+", " "));
    }

    @PostMapping("/{id}/dispatch")
    @Operation(summary = "Issue the number from the register and send to every recipient")
    public ResponseEntity<Document> dispatch(@PathVariable String id,
                                             @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return act(id, actor -> new DispatchLetterCommand(id, version(ifMatch), actor, clock.instant()));
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel a dispatched letter; its number is voided and never reissued")
    public ResponseEntity<Document> cancel(@PathVariable String id, @RequestBody(required = false) ReasonRequest body,
                                           @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return act(id, actor -> new CancelLetterCommand(id, version(ifMatch), actor,
                body == null ? null : body.reason(), clock.instant()));
    }

    @PostMapping("/{id}/receive")
    @Operation(summary = "Receive (ลงรับ): issue the receiving number and stamp the time")
    public ResponseEntity<Document> receive(@PathVariable String id,
                                            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return act(id, actor -> new ReceiveLetterCommand(id, version(ifMatch), actor, clock.instant()));
    }

    @PostMapping("/{id}/routes")
    @Operation(summary = "Route / annotate (เกษียน/สั่งการ) to a unit or a person, with a due date")
    public ResponseEntity<Document> route(@PathVariable String id, @RequestBody RouteRequest body,
                                          @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Actor actor = currentActor.actor();
        visible(id, actor);
        String unitName = null;
        PersonRef toPerson = null;
        if (body.toUnit() != null) {
            Agency.Unit unit = directory.agency(actor.agencyCode()).map(a -> a.unit(body.toUnit())).orElse(null);
            if (unit == null) {
                throw new InvalidFieldsException("ROUTE_INVALID", List.of(new FieldError("toUnit", "no such unit in your agency")));
            }
            unitName = unit.name();
        }
        if (body.toPerson() != null) {
            toPerson = directory.person(body.toPerson()).filter(p -> actor.agencyCode().equals(p.agencyCode()))
                    .map(Person::ref).orElseThrow(() -> new InvalidFieldsException("ROUTE_INVALID",
                            List.of(new FieldError("toPerson", "no such person in your agency"))));
        }
        String routeId = UUID.randomUUID().toString();
        ResponseEntity<Document> done = act(id, actor, new RouteLetterCommand(id, version(ifMatch), actor, routeId,
                body.toUnit(), unitName, toPerson, body.instruction(), body.dueDate(), clock.instant()));
        Document view = done.getBody();
        view.put("routeId", routeId);
        return ResponseEntity.created(URI.create("/api/letters/" + id + "/routes/" + routeId))
                .eTag(etag(view)).body(view);
    }

    @PostMapping("/{id}/routes/{routeId}/acknowledge")
    @Operation(summary = "The routed-to person or unit acknowledges")
    public ResponseEntity<Document> acknowledge(@PathVariable String id, @PathVariable String routeId) {
        return act(id, actor -> new AcknowledgeRouteCommand(id, routeId, actor, clock.instant()));
    }

    @PostMapping("/{id}/routes/{routeId}/complete")
    @Operation(summary = "The routed-to person or unit reports the work done")
    public ResponseEntity<Document> complete(@PathVariable String id, @PathVariable String routeId,
                                             @RequestBody(required = false) NoteRequest body) {
        return act(id, actor -> new CompleteRouteCommand(id, routeId, actor, body == null ? null : body.note(),
                clock.instant()));
    }

    public record SecretGrantRequest(String personId, String reason) {
    }

    /** A named grant to see a secret letter (clerks and approvers of the agency, to one of its people). */
    @PostMapping("/{id}/secret-grants")
    @Operation(summary = "Grant a named person of the agency access to a secret letter {personId, reason}")
    public ResponseEntity<Document> grantSecret(@PathVariable String id, @RequestBody SecretGrantRequest body) {
        org.saraban.api.common.PersonRef grantee = body == null || body.personId() == null ? null
                : directory.person(body.personId()).map(p -> p.ref()).orElse(null);
        if (grantee == null) {
            throw new InvalidFieldsException("GRANTEE_INVALID", List.of(new FieldError("personId",
                    "a person in the directory")));
        }
        return act(id, actor -> new org.saraban.api.letter.GrantSecretAccessCommand(id, actor, grantee,
                body.reason(), clock.instant()));
    }

    @PostMapping("/{id}/file")
    @Operation(summary = "File (เก็บ) under a file code with a retention (years, or permanent)")
    public ResponseEntity<Document> file(@PathVariable String id, @RequestBody FileRequest body,
                                         @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return act(id, actor -> {
            Integer years = body.retentionYears();
            boolean permanent = Boolean.TRUE.equals(body.permanent());
            if (actor.hasAnyRole(org.saraban.api.common.Role.CLERK, org.saraban.api.common.Role.RECORDS_OFFICER)) {
                // when the agency keeps a file plan, the code is one of its active codes, whose retention is the default
                Document code = records.activeCode(actor.agencyCode(), body.fileCode()).orElse(null);
                if (code == null && records.hasPlan(actor.agencyCode())) {
                    throw new InvalidFieldsException("FILE_CODE_NOT_IN_PLAN", List.of(new FieldError("fileCode",
                            "not an active code of the agency's file plan")));
                }
                if (code != null && years == null && body.permanent() == null) {
                    years = code.getInteger("retentionYears");
                    permanent = Boolean.TRUE.equals(code.getBoolean("permanent"));
                }
            }
            return new FileLetterCommand(id, version(ifMatch), actor, body.fileCode(), years, permanent,
                    clock.instant());
        });
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Every event of the letter in order: what, who (name, position), when (ISO and Thai)")
    public Map<String, Object> history(@PathVariable String id) {
        Document view = visible(id, currentActor.actor());
        return Map.of("letterId", id, "events", view.getList("history", Document.class, List.of()));
    }

    @GetMapping(path = "/{id}/pdf", produces = {MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @Operation(summary = "The letter as PDF in its form, a received copy with its receipt stamp (the scan, for an "
            + "imported paper letter; the signed PDF of record, for a digitally signed letter)")
    public void pdf(@PathVariable String id, HttpServletResponse response) throws IOException {
        Document view = visible(id, currentActor.actor());
        org.saraban.web.privacy.PdpaRestriction.requireOriginalAllowed(view, currentActor.actor());
        secretAccess.record(view, currentActor.actor(), RecordSecretLetterAccessCommand.Access.PRINT, "pdf");
        String scan = view.getString("scanSha256") != null ? view.getString("scanSha256") : view.getString("pdfSha256");
        response.setContentType(MediaType.APPLICATION_PDF_VALUE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"letter-" + id + ".pdf\"");
        if (scan != null) {
            blobs.copyTo(scan, response.getOutputStream());
        } else {
            response.getOutputStream().write(letterPdf.pdf(view));
        }
    }

    public record PrepareSignatureRequest(List<String> certificateChain) {
    }

    public record EmbedSignatureRequest(String requestId, String signatureValue) {
    }

    @PostMapping(path = "/{id}/signature/prepare", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Signing with a key that stays on the signer's token, step 1: the signatory sends their "
            + "certificate chain (base64 DER, signer first) and gets the data to sign")
    public TokenSigning.Prepared prepareSignature(@PathVariable String id,
                                                  @RequestBody(required = false) PrepareSignatureRequest body) {
        Actor actor = currentActor.actor();
        return tokenSigning.prepare(visible(id, actor), actor, body == null ? null : body.certificateChain());
    }

    @PostMapping(path = "/{id}/signature", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Signing with a key that stays on the signer's token, step 3: the token's signature value "
            + "(base64) for the prepared request; the letter is signed")
    public ResponseEntity<Document> embedSignature(@PathVariable String id,
                                                   @RequestBody(required = false) EmbedSignatureRequest body,
                                                   @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                                   String ifMatch) {
        Actor actor = currentActor.actor();
        TokenSigning.Embedded embedded = tokenSigning.embed(visible(id, actor), actor,
                body == null ? null : body.requestId(), body == null ? null : body.signatureValue());
        return act(id, actor, new SignLetterCommand(id, version(ifMatch), actor, clock.instant(),
                embedded.signedSha256(), embedded.preparedFrom()));
    }

    @GetMapping(path = "/{id}/signature-preview", produces = {MediaType.IMAGE_PNG_VALUE,
            MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @Operation(summary = "The signatory's signature as it will appear on the PDF of record, before signing (PNG)")
    public ResponseEntity<byte[]> signaturePreview(@PathVariable String id) {
        Actor actor = currentActor.actor();
        byte[] png = signaturePreview.png(visible(id, actor), actor);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(png);
    }

    @GetMapping(path = "/{id}/disclosure-copy", produces = {MediaType.APPLICATION_PDF_VALUE,
            MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @Operation(summary = "A copy for disclosure: the letter's form from its view, personal data redacted by PDPA "
            + "decisions, marked as a disclosure copy")
    public void disclosureCopy(@PathVariable String id, HttpServletResponse response) throws IOException {
        Actor actor = currentActor.actor();
        Document view = visible(id, actor);
        secretAccess.record(view, actor, RecordSecretLetterAccessCommand.Access.PRINT, "disclosure copy");
        List<String> lines = new ArrayList<>(List.of("สำเนาเพื่อการเปิดเผย", "ออกเมื่อ " + ThaiText.date(clock.instant())));
        if (org.saraban.web.privacy.PdpaRestriction.restricted(view)) {
            lines.add("ปกปิดข้อมูลส่วนบุคคล");
            lines.add("ตาม พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล");
        }
        byte[] pdf = disclosureStamp.mark(letterPdf.pdf(view), "Disclosure", lines);
        response.setContentType(MediaType.APPLICATION_PDF_VALUE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"disclosure-" + id + ".pdf\"");
        response.getOutputStream().write(pdf);
    }

    @GetMapping(path = "/{id}/enclosures/{index}", produces = MediaType.ALL_VALUE)
    @Operation(summary = "An enclosure's file")
    public void enclosure(@PathVariable String id, @PathVariable int index, HttpServletResponse response)
            throws IOException {
        Document view = visible(id, currentActor.actor());
        org.saraban.web.privacy.PdpaRestriction.requireOriginalAllowed(view, currentActor.actor());
        secretAccess.record(view, currentActor.actor(), RecordSecretLetterAccessCommand.Access.DOWNLOAD,
                "enclosure " + index);
        List<Document> enclosures = view.getList("enclosures", Document.class, List.of());
        if (index < 0 || index >= enclosures.size() || enclosures.get(index).getString("sha256") == null) {
            throw new NotFoundException("ENCLOSURE_NOT_FOUND", "no such enclosure file");
        }
        Document e = enclosures.get(index);
        response.setContentType(e.getString("contentType") == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE
                : e.getString("contentType"));
        blobs.copyTo(e.getString("sha256"), response.getOutputStream());
    }

    // ------------------------------------------------------------------ helpers

    /** Resolves the caller, refuses a letter they may not see (404), then sends the command. */
    private ResponseEntity<Document> act(String id, Function<Actor, Object> command) {
        Actor actor = currentActor.actor();
        visible(id, actor);
        return act(id, actor, command.apply(actor));
    }

    private ResponseEntity<Document> act(String id, Actor actor, Object command) {
        var sent = commands.send(command);
        return answer(ResponseEntity.status(HttpStatus.OK), settled(id, sent.positionOf(id), actor));
    }

    /** The view once it reflects the command's own events (read-your-writes). */
    /**
     * The view once it reflects the command's own events; when the projection has not caught up within the
     * read-your-writes timeout (a slow or stopped projection), a receipt {@code {id, seq, settled: false}} instead:
     * the command is stored, the view will follow. The command is never held up by the projection for longer.
     */
    private Document settled(String id, long position, Actor actor) {
        if (position > 0 && !queries.awaitPosition(id, position, props.readYourWritesTimeout())) {
            return new Document("id", id).append("seq", position).append("settled", false);
        }
        return visible(id, actor);
    }

    /** 202 with the receipt for a command whose view has not caught up; {@code ok} with the view otherwise. */
    private static ResponseEntity<Document> answer(ResponseEntity.BodyBuilder ok, Document view) {
        if (Boolean.FALSE.equals(view.get("settled"))) {
            return ResponseEntity.status(HttpStatus.ACCEPTED)
                    .location(URI.create("/api/letters/" + view.getString("id"))).body(view);
        }
        return ok.eTag(etag(view)).body(view);
    }

    private Document visible(String id, Actor actor) {
        return queries.find(id, actor).orElseThrow(() -> new NotFoundException("LETTER_NOT_FOUND", "not found"));
    }

    private static String etag(Document view) {
        Object v = view.get("version");
        return v == null ? null : "\"" + v + "\"";
    }

    /** {@code If-Match: "3"} (or W/"3", or 3) → 3; absent → no check. */
    static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String v = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new InvalidFieldsException("INVALID_IF_MATCH", List.of(new FieldError("If-Match", "must be a version number")));
        }
    }

    /** The current draft in request form, so that a PATCH overlays only what it sends. */
    private static Map<String, Object> asRequest(Document v) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String k : List.of("kind", "circular", "urgency", "deliverBy", "secrecy", "subject", "salutation", "to",
                "references", "body", "closing", "ownerUnit", "copiesTo", "stampedPurpose")) {
            m.put(k, v.get(k));
        }
        m.put("enclosures", v.getList("enclosures", Document.class, List.of()).stream()
                .map(e -> Map.of("title", e.getString("title"), "sha256", e.getString("sha256") == null ? "" : e.getString("sha256")))
                .toList());
        Document signatory = v.get("signatory", Document.class);
        m.put("signatory", signatory == null ? null : signatory.getString("id"));
        return m;
    }
}
