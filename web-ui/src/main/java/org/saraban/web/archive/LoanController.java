package org.saraban.web.archive;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import org.bson.Document;
import org.saraban.api.archive.LoanCommands;
import org.saraban.api.archive.LoanItem;
import org.saraban.api.common.Actor;
import org.saraban.api.common.FieldError;
import org.saraban.api.common.InvalidFieldsException;
import org.saraban.api.common.NotFoundException;
import org.saraban.api.common.PermissionDeniedException;
import org.saraban.api.common.PersonRef;
import org.saraban.api.common.Role;
import org.saraban.query.archive.Loans;
import org.saraban.query.directory.Directory;
import org.saraban.query.letter.LetterQueries;
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
 * Lending filed letters (issue 6, item 1; ระเบียบงานสารบรรณ ข้อ ๖๒–๖๕): the request, the head's approval, the
 * handover, the return, and the overdue alerts. While on loan, the borrower sees the letters.
 */
@RestController
@RequestMapping(path = "/api/archive/loans", produces = MediaType.APPLICATION_JSON_VALUE)
public class LoanController {

    private final CommandSender commands;
    private final Loans loans;
    private final LetterQueries letters;
    private final Directory directory;
    private final CurrentActor currentActor;
    private final SarabanProperties props;
    private final LoanAlerts alerts;
    private final Clock clock;

    public LoanController(CommandSender commands, Loans loans, LetterQueries letters, Directory directory,
                          CurrentActor currentActor, SarabanProperties props, LoanAlerts alerts, Clock clock) {
        this.commands = commands;
        this.loans = loans;
        this.letters = letters;
        this.directory = directory;
        this.currentActor = currentActor;
        this.props = props;
        this.alerts = alerts;
        this.clock = clock;
    }

    public record LoanRequest(List<String> letterIds, String borrowerId, String purpose, String dueDate) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Ask to borrow filed letters {letterIds, purpose, dueDate}; a records officer may name the borrowerId")
    public ResponseEntity<Document> request(@RequestBody LoanRequest body) {
        Actor actor = currentActor.actor();
        List<FieldError> errors = new ArrayList<>();
        if (body == null) {
            throw new InvalidFieldsException("LOAN_INVALID", List.of(new FieldError("letterIds", "required")));
        }
        PersonRef borrower = actor.ref();
        if (body.borrowerId() != null && !body.borrowerId().equals(actor.personId())) {
            borrower = directory.person(body.borrowerId()).map(p -> p.ref()).orElse(null);
            if (borrower == null) {
                errors.add(new FieldError("borrowerId", "not a person of a government agency in the directory: outsiders "
                        + "may not borrow (they may inspect or copy with a division head's permission)"));
            }
        }
        List<LoanItem> items = new ArrayList<>();
        List<String> granted = new ArrayList<>();
        List<String> ids = body.letterIds() == null ? List.of() : body.letterIds();
        if (ids.isEmpty()) {
            errors.add(new FieldError("letterIds", "at least one filed letter"));
        }
        for (int i = 0; i < ids.size(); i++) {
            Document d = ids.get(i) == null ? null : letters.raw(ids.get(i)).orElse(null);
            if (d == null || !actor.agencyCode().equals(d.getString("agencyCode"))
                    || !"FILED".equals(d.getString("status"))) {
                errors.add(new FieldError("letterIds[" + i + "]", "not a filed letter of this agency"));
                continue;
            }
            boolean secret = d.getString("secrecy") != null && !"NONE".equals(d.getString("secrecy"));
            Document filing = d.get("filing", Document.class);
            items.add(new LoanItem(ids.get(i), d.getString("number"), d.getString("subject"),
                    filing == null ? null : filing.getString("fileCode"), secret));
            if (secret && borrower != null
                    && d.getList("participants", String.class, List.of()).contains(borrower.id())) {
                granted.add(ids.get(i));
            }
        }
        LocalDate due = null;
        try {
            due = body.dueDate() == null ? null : LocalDate.parse(body.dueDate());
        } catch (DateTimeParseException e) {
            // reported below
        }
        if (due == null) {
            errors.add(new FieldError("dueDate", "the due date (กำหนดส่งคืน), yyyy-mm-dd"));
        }
        if (body.purpose() == null || body.purpose().isBlank()) {
            errors.add(new FieldError("purpose", "the official purpose of the loan"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException("LOAN_INVALID", errors);
        }
        String id = UUID.randomUUID().toString();
        Document card = act(id, actor, new LoanCommands.Request(id, actor, borrower, items, granted, body.purpose(), due,
                clock.instant()));
        return ResponseEntity.status(HttpStatus.CREATED).body(card);
    }

    @GetMapping
    @Operation(summary = "The loan cards the caller may see (the agency's, or their own); ?status=LENT&overdue=true")
    public List<Document> list(@RequestParam(required = false) String status,
                               @RequestParam(required = false) Boolean overdue) {
        return loans.list(currentActor.actor(), status, overdue);
    }

    @GetMapping("/{id}")
    public Document one(@PathVariable String id) {
        return visible(id, currentActor.actor());
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "The head approves the loan")
    public Document approve(@PathVariable String id) {
        Actor actor = currentActor.actor();
        visible(id, actor);
        return act(id, actor, new LoanCommands.Approve(id, actor, clock.instant()));
    }

    public record RejectRequest(String reason) {
    }

    @PostMapping(path = "/{id}/reject", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The head refuses the loan {reason}")
    public Document reject(@PathVariable String id, @RequestBody RejectRequest body) {
        Actor actor = currentActor.actor();
        visible(id, actor);
        if (body == null || body.reason() == null || body.reason().isBlank()) {
            throw new InvalidFieldsException("REASON_MISSING", List.of(new FieldError("reason", "why the loan is refused")));
        }
        return act(id, actor, new LoanCommands.Reject(id, actor, body.reason(), clock.instant()));
    }

    @PostMapping("/{id}/handover")
    @Operation(summary = "The records officer hands the letters to the borrower (วันยืม)")
    public Document handover(@PathVariable String id) {
        Actor actor = currentActor.actor();
        visible(id, actor);
        return act(id, actor, new LoanCommands.HandOver(id, actor, clock.instant()));
    }

    public record ReturnRequest(String returnedById) {
    }

    @PostMapping("/{id}/return")
    @Operation(summary = "The letters came back (วันส่งคืน); returnedById names ผู้ส่งคืน if not the borrower")
    public Document giveBack(@PathVariable String id, @RequestBody(required = false) ReturnRequest body) {
        Actor actor = currentActor.actor();
        visible(id, actor);
        PersonRef by = null;
        if (body != null && body.returnedById() != null) {
            by = directory.person(body.returnedById()).map(p -> p.ref()).orElseThrow(() -> new InvalidFieldsException(
                    "RETURNED_BY_UNKNOWN", List.of(new FieldError("returnedById", "no such person in the directory"))));
        }
        return act(id, actor, new LoanCommands.Return(id, actor, by, clock.instant()));
    }

    @PostMapping("/overdue-check")
    @Operation(summary = "Raise the overdue alerts now (the scheduler does it hourly)")
    public Map<String, Object> overdueCheck() {
        Actor actor = currentActor.actor();
        if (!actor.hasAnyRole(Role.RECORDS_OFFICER, Role.ADMIN)) {
            throw new PermissionDeniedException("NOT_A_RECORDS_OFFICER", "records officers and administrators only");
        }
        List<String> alerted = alerts.run();
        return Map.of("alerted", alerted.size());
    }

    private Document act(String id, Actor actor, Object command) {
        commands.send(command).awaitView(id, p -> loans.awaitPosition(id, p, props.readYourWritesTimeout()));
        return visible(id, actor);
    }

    private Document visible(String id, Actor actor) {
        return loans.find(id, actor).orElseThrow(() -> new NotFoundException("LOAN_NOT_FOUND", "not found"));
    }
}
