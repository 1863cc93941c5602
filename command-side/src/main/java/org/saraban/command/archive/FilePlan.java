package org.saraban.command.archive;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.saraban.api.archive.ArchiveException;
import org.saraban.api.archive.FilePlanCommands;
import org.saraban.api.archive.FilePlanEvents;
import org.saraban.api.common.Actor;
import org.saraban.api.common.Role;

/**
 * One agency's file plan: records officers define its codes with their retention class and retire them. A code
 * is at most 30 characters, a title is required, and a retention is either 1–100 years or permanent.
 */
@Aggregate
public class FilePlan {

    @AggregateIdentifier
    private String planId;
    private String agencyCode;
    private final Set<String> active = new HashSet<>();

    protected FilePlan() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(FilePlanCommands.DefineCode c) {
        requireOwn(c.actor(), c.planId());
        String code = c.code() == null ? "" : c.code().strip();
        if (code.isEmpty() || code.length() > 30) {
            throw ArchiveException.invalid("FILE_CODE_INVALID", "a file code of 1 to 30 characters");
        }
        if (c.title() == null || c.title().isBlank()) {
            throw ArchiveException.invalid("FILE_TITLE_MISSING", "a file code has its title");
        }
        if (c.permanent() == (c.retentionYears() != null)) {
            throw ArchiveException.invalid("RETENTION_INVALID", "either retentionYears or permanent");
        }
        if (c.retentionYears() != null && (c.retentionYears() < 1 || c.retentionYears() > 100)) {
            throw ArchiveException.invalid("RETENTION_INVALID", "retentionYears from 1 to 100");
        }
        apply(new FilePlanEvents.CodeDefined(c.planId(), c.actor().agencyCode(), code, c.title().strip(),
                c.retentionYears(), c.permanent(), c.actor().ref(), c.at()));
    }

    @CommandHandler
    void handle(FilePlanCommands.RetireCode c) {
        requireOwn(c.actor(), c.planId());
        if (c.code() == null || !active.contains(c.code().strip())) {
            throw ArchiveException.conflict("FILE_CODE_NOT_ACTIVE", "no such active code in the file plan");
        }
        apply(new FilePlanEvents.CodeRetired(planId, agencyCode, c.code().strip(), c.actor().ref(), c.at()));
    }

    private static void requireOwn(Actor actor, String planId) {
        if (actor == null || actor.agencyCode() == null
                || !FilePlanCommands.planId(actor.agencyCode()).equals(planId)) {
            throw ArchiveException.forbidden("NOT_THIS_AGENCY", "an agency keeps its own file plan");
        }
        ArchiveRules.requireRole(actor, "NOT_A_RECORDS_OFFICER", Role.RECORDS_OFFICER);
    }

    @EventSourcingHandler
    void on(FilePlanEvents.CodeDefined e) {
        planId = e.planId();
        agencyCode = e.agencyCode();
        active.add(e.code());
    }

    @EventSourcingHandler
    void on(FilePlanEvents.CodeRetired e) {
        active.remove(e.code());
    }
}
