package org.saraban.api.archive;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/** The events of the 20-year lists. */
public final class TransferEvents {

    private TransferEvents() {
    }

    /** {@code late}: after 31 January of the year after {@code yearBE}. */
    @Revision("1")
    public record ListsPrepared(String listId, String agencyCode, int yearBE, List<TransferItem> transfer,
                                List<TransferItem> keep, boolean late, PersonRef by, Instant at) {
    }

    @Revision("1")
    public record ListsApproved(String listId, PersonRef by, Instant at) {
    }

    @Revision("1")
    public record LettersTransferred(String listId, String agencyCode, List<TransferItem> transferred, String receipt,
                                     PersonRef by, Instant at) {
    }
}
