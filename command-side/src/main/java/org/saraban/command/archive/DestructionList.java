package org.saraban.command.archive;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.saraban.api.archive.ArchiveException;
import org.saraban.api.archive.DestructionCommands;
import org.saraban.api.archive.DestructionEvents;
import org.saraban.api.archive.DestructionItem;
import org.saraban.api.common.Actor;
import org.saraban.api.common.PersonRef;
import org.saraban.api.common.Role;
import org.saraban.api.common.ThaiText;

/**
 * A destruction list (บัญชีหนังสือขอทำลาย) through the steps the regulation sets (ข้อ ๖๖–๗๐, DOMAIN.md §1.12):
 * prepared by a records officer from the yearly survey; a committee of a chair and at least two members appointed
 * by the head of the agency; the committee's review (letters it keeps longer leave the list); the head's
 * approval, which sends it to the National Archives; and destruction only once the archives agreed, or 60 days
 * passed without their objection. The list itself stays for ever; destruction takes the letters' content.
 */
@Aggregate
public class DestructionList {

    static final Duration ARCHIVES_WINDOW = Duration.ofDays(60);
    static final int SURVEY_DAYS = 60;

    @AggregateIdentifier
    private String listId;
    private String agencyCode;
    private List<DestructionItem> items;
    private PersonRef chair;
    private boolean reviewed;
    private final Set<String> keptLonger = new HashSet<>();
    private boolean approved;
    private Instant windowEnds;
    private Boolean objection; // null: no reply yet
    private boolean destroyed;

    protected DestructionList() {
    }

    @CommandHandler
    public DestructionList(DestructionCommands.Prepare c) {
        Actor actor = c.actor();
        requireRole(actor, "NOT_A_RECORDS_OFFICER", Role.RECORDS_OFFICER);
        if (c.items() == null || c.items().isEmpty()) {
            throw ArchiveException.invalid("DESTRUCTION_LIST_EMPTY", "a destruction list names at least one letter");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (DestructionItem item : c.items()) {
            if (item.letterId() == null || !seen.add(item.letterId())) {
                throw ArchiveException.invalid("DESTRUCTION_ITEM_INVALID", "each line names one letter, once");
            }
        }
        if (ThaiText.buddhistYear(c.at()) <= c.surveyYearBE()) {
            throw ArchiveException.invalid("SURVEY_YEAR_NOT_ENDED",
                    "the survey is of a year that has ended (ข้อ ๖๖: within 60 days after it)");
        }
        int yearCE = c.surveyYearBE() - 543;
        LocalDate deadline = LocalDate.of(yearCE, 12, 31).plusDays(SURVEY_DAYS);
        boolean late = c.at().atZone(ThaiText.BANGKOK).toLocalDate().isAfter(deadline);
        apply(new DestructionEvents.ListPrepared(c.listId(), actor.agencyCode(), c.surveyYearBE(), List.copyOf(c.items()),
                late, actor.ref(), c.at()));
    }

    @CommandHandler
    void handle(DestructionCommands.AppointCommittee c) {
        requireAgency(c.actor());
        requireRole(c.actor(), "NOT_THE_HEAD", Role.APPROVER);
        if (chair != null) {
            throw ArchiveException.conflict("COMMITTEE_ALREADY_APPOINTED", "the list has its committee");
        }
        Set<String> people = new HashSet<>();
        boolean distinct = c.chair() != null && c.chair().id() != null && people.add(c.chair().id());
        for (PersonRef m : c.members() == null ? List.<PersonRef>of() : c.members()) {
            distinct &= m != null && m.id() != null && people.add(m.id());
        }
        if (!distinct || c.members().size() < 2) {
            throw ArchiveException.invalid("COMMITTEE_TOO_SMALL",
                    "a chair and at least two other members, each once (ข้อ ๖๗)");
        }
        apply(new DestructionEvents.CommitteeAppointed(listId, c.chair(), List.copyOf(c.members()), c.actor().ref(),
                c.at()));
    }

    @CommandHandler
    void handle(DestructionCommands.Review c) {
        requireAgency(c.actor());
        if (chair == null) {
            throw ArchiveException.conflict("NO_COMMITTEE", "the committee is not appointed yet");
        }
        if (!chair.id().equals(c.actor().personId())) {
            throw ArchiveException.forbidden("NOT_THE_CHAIR", "the committee's chair reports its review");
        }
        if (reviewed) {
            throw ArchiveException.conflict("ALREADY_REVIEWED", "the committee has reported");
        }
        List<String> keep = c.keepLonger() == null ? List.of() : List.copyOf(c.keepLonger());
        Set<String> listed = new HashSet<>();
        items.forEach(i -> listed.add(i.letterId()));
        if (!listed.containsAll(keep)) {
            throw ArchiveException.invalid("NOT_ON_THE_LIST", "only letters on the list can be kept longer");
        }
        apply(new DestructionEvents.ListReviewed(listId, keep, c.report(), c.actor().ref(), c.at()));
    }

    @CommandHandler
    void handle(DestructionCommands.Approve c) {
        requireAgency(c.actor());
        requireRole(c.actor(), "NOT_THE_HEAD", Role.APPROVER);
        if (!reviewed) {
            throw ArchiveException.conflict("NOT_REVIEWED", "the committee has not reported on the list");
        }
        if (approved) {
            throw ArchiveException.conflict("ALREADY_APPROVED", "the list is approved");
        }
        apply(new DestructionEvents.ListApproved(listId, c.at().plus(ARCHIVES_WINDOW), c.actor().ref(), c.at()));
    }

    @CommandHandler
    void handle(DestructionCommands.RecordArchivesReply c) {
        requireAgency(c.actor());
        requireRole(c.actor(), "NOT_A_RECORDS_OFFICER", Role.RECORDS_OFFICER);
        if (!approved) {
            throw ArchiveException.conflict("NOT_APPROVED", "the list has not gone to the National Archives");
        }
        if (objection != null) {
            throw ArchiveException.conflict("ALREADY_REPLIED", "the archives' reply is recorded");
        }
        apply(new DestructionEvents.ArchivesReplied(listId, c.objection(), c.note(), c.actor().ref(), c.at()));
    }

    @CommandHandler
    void handle(DestructionCommands.Destroy c) {
        requireAgency(c.actor());
        requireRole(c.actor(), "NOT_A_RECORDS_OFFICER", Role.RECORDS_OFFICER);
        if (destroyed) {
            throw ArchiveException.conflict("ALREADY_DESTROYED", "the listed letters are destroyed");
        }
        if (!approved) {
            throw ArchiveException.conflict("NOT_APPROVED", "the head has not approved the list");
        }
        if (Boolean.TRUE.equals(objection)) {
            throw ArchiveException.conflict("ARCHIVES_OBJECTED", "the National Archives objected: nothing is destroyed");
        }
        if (objection == null && c.at().isBefore(windowEnds)) {
            throw ArchiveException.conflict("ARCHIVES_WINDOW_OPEN", "the National Archives may still object until "
                    + ThaiText.date(windowEnds));
        }
        List<DestructionItem> destroy = new ArrayList<>();
        items.stream().filter(i -> !keptLonger.contains(i.letterId())).forEach(destroy::add);
        apply(new DestructionEvents.LettersDestroyed(listId, agencyCode, destroy, c.actor().ref(), c.at()));
    }

    private void requireAgency(Actor actor) {
        ArchiveRules.requireAgency(actor, agencyCode, "DESTRUCTION_LIST_NOT_FOUND");
    }

    private static void requireRole(Actor actor, String code, Role role) {
        ArchiveRules.requireRole(actor, code, role);
    }

    @EventSourcingHandler
    void on(DestructionEvents.ListPrepared e) {
        listId = e.listId();
        agencyCode = e.agencyCode();
        items = e.items();
    }

    @EventSourcingHandler
    void on(DestructionEvents.CommitteeAppointed e) {
        chair = e.chair();
    }

    @EventSourcingHandler
    void on(DestructionEvents.ListReviewed e) {
        reviewed = true;
        keptLonger.addAll(e.keptLonger());
    }

    @EventSourcingHandler
    void on(DestructionEvents.ListApproved e) {
        approved = true;
        windowEnds = e.archivesWindowEnds();
    }

    @EventSourcingHandler
    void on(DestructionEvents.ArchivesReplied e) {
        objection = e.objection();
    }

    @EventSourcingHandler
    void on(DestructionEvents.LettersDestroyed e) {
        destroyed = true;
    }
}
