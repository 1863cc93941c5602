package org.saraban.web.privacy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import org.bson.Document;
import org.saraban.api.common.Actor;
import org.saraban.api.common.FieldError;
import org.saraban.api.common.InvalidFieldsException;
import org.saraban.api.common.NotFoundException;
import org.saraban.api.common.ThaiText;
import org.saraban.api.privacy.PdpaCommands;
import org.saraban.query.letter.LetterQueries;
import org.saraban.query.privacy.PdpaProjection;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * PDPA requests (issue 6, item 9): a records officer records a data subject's request with the personal data as it
 * appears and the agency's letters concerned; the head decides. A redaction takes the data out of the letters'
 * views, search and registers, and out of their disclosure copies; the records themselves stay.
 */
@RestController
@RequestMapping(path = "/api/privacy/requests", produces = MediaType.APPLICATION_JSON_VALUE)
public class PdpaController {

    private final CommandSender commands;
    private final PdpaProjection requests;
    private final LetterQueries letters;
    private final CurrentActor currentActor;
    private final SarabanProperties props;
    private final Clock clock;

    public PdpaController(CommandSender commands, PdpaProjection requests, LetterQueries letters,
                          CurrentActor currentActor, SarabanProperties props, Clock clock) {
        this.commands = commands;
        this.requests = requests;
        this.letters = letters;
        this.currentActor = currentActor;
        this.props = props;
        this.clock = clock;
    }

    public record PdpaRequest(String kind, String subjectName, String details, List<String> letterIds,
                               List<String> terms) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a PDPA request {kind: ACCESS|ERASURE|RESTRICTION|OBJECTION|RECTIFICATION, subjectName, details, letterIds, terms}")
    public ResponseEntity<Document> receive(@RequestBody PdpaRequest body) {
        Actor actor = currentActor.actor();
        List<FieldError> errors = new ArrayList<>();
        PdpaCommands.Kind kind = null;
        try {
            kind = body == null || body.kind() == null ? null
                    : PdpaCommands.Kind.valueOf(body.kind().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (kind == null) {
            errors.add(new FieldError("kind", "ACCESS, ERASURE, RESTRICTION, OBJECTION or RECTIFICATION"));
        }
        if (body == null || body.subjectName() == null || body.subjectName().isBlank()) {
            errors.add(new FieldError("subjectName", "who makes the request"));
        }
        List<String> ids = body == null || body.letterIds() == null ? List.of() : body.letterIds();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            boolean own = id != null && letters.raw(id)
                    .filter(d -> actor.agencyCode() != null && actor.agencyCode().equals(d.getString("agencyCode")))
                    .isPresent();
            if (!own) {
                errors.add(new FieldError("letterIds[" + i + "]", "not a letter of this agency"));
            }
        }
        List<String> terms = body == null || body.terms() == null ? List.of() : body.terms();
        for (int i = 0; i < terms.size(); i++) {
            String t = terms.get(i);
            if (t == null || t.strip().codePointCount(0, t.strip().length()) < 3) {
                errors.add(new FieldError("terms[" + i + "]", "a personal datum of at least 3 characters"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException("PDPA_REQUEST_INVALID", errors);
        }
        String id = UUID.randomUUID().toString();
        Document view = act(id, actor, new PdpaCommands.Receive(id, actor, kind, body.subjectName(), body.details(),
                ids, terms, clock.instant()));
        return ResponseEntity.status(HttpStatus.CREATED).body(view);
    }

    @GetMapping
    @Operation(summary = "The agency's PDPA requests (records officers and heads), with overdue ones marked")
    public List<Document> list() {
        return requests.list(currentActor.actor(), clock.instant().atZone(ThaiText.BANGKOK).toLocalDate());
    }

    @GetMapping("/{id}")
    public Document one(@PathVariable String id) {
        return visible(id, currentActor.actor());
    }

    public record DecisionBody(String outcome, String legalBasis, String reason) {
    }

    @PostMapping(path = "/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The head decides {outcome: GRANTED|REJECTED|REDACTED, legalBasis, reason}")
    public Document decide(@PathVariable String id, @RequestBody DecisionBody body) {
        Actor actor = currentActor.actor();
        visible(id, actor);
        PdpaCommands.Outcome outcome = null;
        try {
            outcome = body == null || body.outcome() == null ? null
                    : PdpaCommands.Outcome.valueOf(body.outcome().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // reported below
        }
        List<FieldError> errors = new ArrayList<>();
        if (outcome == null) {
            errors.add(new FieldError("outcome", "GRANTED, REJECTED or REDACTED"));
        } else if (outcome != PdpaCommands.Outcome.GRANTED) {
            if (body.legalBasis() == null || body.legalBasis().isBlank()) {
                errors.add(new FieldError("legalBasis", "the section of law the decision rests on"));
            }
            if (body.reason() == null || body.reason().isBlank()) {
                errors.add(new FieldError("reason", "why, as the data subject will be told"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException("PDPA_DECISION_INVALID", errors);
        }
        return act(id, actor, new PdpaCommands.Decide(id, actor, outcome, body.legalBasis(), body.reason(),
                clock.instant()));
    }

    private Document act(String id, Actor actor, Object command) {
        commands.send(command).awaitView(id, p -> requests.awaitPosition(id, p, props.readYourWritesTimeout()));
        return visible(id, actor);
    }

    private Document visible(String id, Actor actor) {
        return requests.find(id, actor).orElseThrow(() -> new NotFoundException("PDPA_REQUEST_NOT_FOUND", "not found"));
    }
}
