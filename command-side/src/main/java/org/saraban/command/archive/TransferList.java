package org.saraban.command.archive;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.saraban.api.archive.ArchiveException;
import org.saraban.api.archive.TransferCommands;
import org.saraban.api.archive.TransferEvents;
import org.saraban.api.archive.TransferItem;
import org.saraban.api.common.Actor;
import org.saraban.api.common.Role;
import org.saraban.api.common.ThaiText;

/**
 * The 20-year lists of one year (DOMAIN.md §1.10): prepared by a records officer, approved by the head, and
 * the transfer recorded when the letters are handed to the National Archives. A letter kept by the agency needs
 * its reason; no letter is on both lists.
 */
@Aggregate
public class TransferList {

    @AggregateIdentifier
    private String listId;
    private String agencyCode;
    private List<TransferItem> transfer;
    private boolean approved;
    private boolean transferred;

    protected TransferList() {
    }

    @CommandHandler
    public TransferList(TransferCommands.Prepare c) {
        requireRole(c.actor(), "NOT_A_RECORDS_OFFICER", Role.RECORDS_OFFICER);
        List<TransferItem> toGo = c.transfer() == null ? List.of() : List.copyOf(c.transfer());
        List<TransferItem> toKeep = c.keep() == null ? List.of() : List.copyOf(c.keep());
        if (toGo.isEmpty() && toKeep.isEmpty()) {
            throw ArchiveException.invalid("TRANSFER_LIST_EMPTY", "the lists name at least one letter");
        }
        Set<String> seen = new HashSet<>();
        for (TransferItem i : toGo) {
            if (i.letterId() == null || !seen.add(i.letterId())) {
                throw ArchiveException.invalid("TRANSFER_ITEM_INVALID", "each letter once, on one list");
            }
        }
        for (TransferItem i : toKeep) {
            if (i.letterId() == null || !seen.add(i.letterId())) {
                throw ArchiveException.invalid("TRANSFER_ITEM_INVALID", "each letter once, on one list");
            }
            if (i.keepReason() == null || i.keepReason().isBlank()) {
                throw ArchiveException.invalid("KEEP_REASON_MISSING", "a letter the agency keeps needs its reason");
            }
        }
        LocalDate deadline = LocalDate.of(c.yearBE() - 543 + 1, 1, 31);
        boolean late = c.at().atZone(ThaiText.BANGKOK).toLocalDate().isAfter(deadline);
        apply(new TransferEvents.ListsPrepared(c.listId(), c.actor().agencyCode(), c.yearBE(), toGo, toKeep, late,
                c.actor().ref(), c.at()));
    }

    @CommandHandler
    void handle(TransferCommands.Approve c) {
        requireAgency(c.actor());
        requireRole(c.actor(), "NOT_THE_HEAD", Role.APPROVER);
        if (approved) {
            throw ArchiveException.conflict("ALREADY_APPROVED", "the lists are approved");
        }
        apply(new TransferEvents.ListsApproved(listId, c.actor().ref(), c.at()));
    }

    @CommandHandler
    void handle(TransferCommands.RecordHandover c) {
        requireAgency(c.actor());
        requireRole(c.actor(), "NOT_A_RECORDS_OFFICER", Role.RECORDS_OFFICER);
        if (!approved) {
            throw ArchiveException.conflict("NOT_APPROVED", "the head has not approved the lists");
        }
        if (transferred) {
            throw ArchiveException.conflict("ALREADY_TRANSFERRED", "the handover is recorded");
        }
        apply(new TransferEvents.LettersTransferred(listId, agencyCode, new ArrayList<>(transfer), c.receipt(),
                c.actor().ref(), c.at()));
    }

    private void requireAgency(Actor actor) {
        ArchiveRules.requireAgency(actor, agencyCode, "TRANSFER_LIST_NOT_FOUND");
    }

    private static void requireRole(Actor actor, String code, Role role) {
        ArchiveRules.requireRole(actor, code, role);
    }

    @EventSourcingHandler
    void on(TransferEvents.ListsPrepared e) {
        listId = e.listId();
        agencyCode = e.agencyCode();
        transfer = e.transfer();
    }

    @EventSourcingHandler
    void on(TransferEvents.ListsApproved e) {
        approved = true;
    }

    @EventSourcingHandler
    void on(TransferEvents.LettersTransferred e) {
        transferred = true;
    }
}
