package org.saraban.api.archive;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.saraban.api.common.Actor;

/**
 * The 20-year lists (DOMAIN.md §1.10): letters twenty years old go to the National Archives (กรมศิลปากร) with a
 * transfer list, by 31 January of the following year; those the agency still needs stay, on the list of
 * letters it keeps itself (บัญชีหนังสือครบ ๒๐ ปีที่ขอเก็บเอง), each with its reason.
 */
public final class TransferCommands {

    private TransferCommands() {
    }

    /** A records officer prepares both lists for the letters that reached 20 years in {@code yearBE}. */
    public record Prepare(@TargetAggregateIdentifier String listId, Actor actor, int yearBE,
                          List<TransferItem> transfer, List<TransferItem> keep, Instant at) {
    }

    /** The head of the agency approves them. */
    public record Approve(@TargetAggregateIdentifier String listId, Actor actor, Instant at) {
    }

    /** The letters on the transfer list were handed to the National Archives ({@code receipt}: their reference). */
    public record RecordHandover(@TargetAggregateIdentifier String listId, Actor actor, String receipt, Instant at) {
    }
}
