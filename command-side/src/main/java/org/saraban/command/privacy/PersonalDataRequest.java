package org.saraban.command.privacy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.saraban.api.archive.ArchiveException;
import org.saraban.api.common.Actor;
import org.saraban.api.common.Role;
import org.saraban.api.common.SarabanException;
import org.saraban.api.common.ThaiText;
import org.saraban.api.privacy.PdpaCommands;
import org.saraban.api.privacy.PdpaEvents;

/**
 * One PDPA request of a data subject to the agency. A records officer records it, with the personal data as it
 * appears and the letters concerned; the head decides once: granted, rejected with its legal basis and reason, or
 * redacted (the official records stay, with the legal basis of the exemption). The answer is due 30 days after
 * receipt (90 for erasure); a later decision is marked late.
 */
@Aggregate
public class PersonalDataRequest {

    @AggregateIdentifier
    private String requestId;
    private String agencyCode;
    private PdpaCommands.Kind kind;
    private List<String> letterIds;
    private List<String> terms;
    private LocalDate answerBy;
    private boolean decided;

    protected PersonalDataRequest() {
    }

    @CommandHandler
    public PersonalDataRequest(PdpaCommands.Receive c) {
        Actor actor = c.actor();
        if (actor == null || actor.agencyCode() == null || !actor.hasRole(Role.RECORDS_OFFICER)) {
            throw ArchiveException.forbidden("NOT_A_RECORDS_OFFICER", "a records officer records PDPA requests");
        }
        if (c.kind() == null) {
            throw ArchiveException.invalid("PDPA_KIND_MISSING", "the kind of request");
        }
        if (c.subjectName() == null || c.subjectName().isBlank()) {
            throw ArchiveException.invalid("PDPA_SUBJECT_MISSING", "who makes the request");
        }
        List<String> terms = c.terms() == null ? List.of()
                : c.terms().stream().filter(t -> t != null && !t.isBlank()).map(String::strip).distinct().toList();
        if (terms.stream().anyMatch(t -> t.codePointCount(0, t.length()) < 3)) {
            throw ArchiveException.invalid("PDPA_TERM_TOO_SHORT", "each personal datum is at least 3 characters");
        }
        List<String> letters = c.letterIds() == null ? List.of() : List.copyOf(c.letterIds());
        LocalDate answerBy = c.at().atZone(ThaiText.BANGKOK).toLocalDate().plusDays(c.kind().days());
        apply(new PdpaEvents.Received(c.requestId(), actor.agencyCode(), c.kind(), c.subjectName().strip(),
                c.details(), letters, terms, answerBy, actor.ref(), c.at()));
    }

    @CommandHandler
    void handle(PdpaCommands.Decide c) {
        Actor actor = c.actor();
        if (actor == null || !agencyCode.equals(actor.agencyCode())) {
            throw new ArchiveException("PDPA_REQUEST_NOT_FOUND", SarabanException.Kind.NOT_FOUND, "not found");
        }
        if (!actor.hasRole(Role.APPROVER)) {
            throw ArchiveException.forbidden("NOT_THE_HEAD", "the head decides PDPA requests");
        }
        if (decided) {
            throw ArchiveException.conflict("PDPA_ALREADY_DECIDED", "the request is decided");
        }
        if (c.outcome() == null) {
            throw ArchiveException.invalid("PDPA_OUTCOME_MISSING", "GRANTED, REJECTED or REDACTED");
        }
        boolean explained = c.legalBasis() != null && !c.legalBasis().isBlank() && c.reason() != null
                && !c.reason().isBlank();
        if (c.outcome() != PdpaCommands.Outcome.GRANTED && !explained) {
            throw ArchiveException.invalid("PDPA_BASIS_MISSING", "a refusal or a redaction states its legal basis and reason");
        }
        if (c.outcome() == PdpaCommands.Outcome.REDACTED) {
            if (kind == PdpaCommands.Kind.ACCESS || kind == PdpaCommands.Kind.RECTIFICATION) {
                throw ArchiveException.invalid("PDPA_REDACTION_NOT_ASKED", "redaction answers erasure, restriction or "
                        + "objection");
            }
            if (terms.isEmpty() || letterIds.isEmpty()) {
                throw ArchiveException.invalid("PDPA_NOTHING_TO_REDACT", "a redaction names the letters and the data");
            }
        }
        boolean late = c.at().atZone(ThaiText.BANGKOK).toLocalDate().isAfter(answerBy);
        apply(new PdpaEvents.Decided(requestId, agencyCode, kind, c.outcome(), blankToNull(c.legalBasis()),
                blankToNull(c.reason()), letterIds, terms, late, actor.ref(), c.at()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @EventSourcingHandler
    void on(PdpaEvents.Received e) {
        requestId = e.requestId();
        agencyCode = e.agencyCode();
        kind = e.kind();
        letterIds = e.letterIds();
        terms = e.terms();
        answerBy = e.answerBy();
    }

    @EventSourcingHandler
    void on(PdpaEvents.Decided e) {
        decided = true;
    }
}
