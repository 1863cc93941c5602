package org.saraban.api.archive;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/** The events of a destruction list. The list and its items are kept for ever; only the letters' content goes. */
public final class DestructionEvents {

    private DestructionEvents() {
    }

    /** {@code late}: prepared more than 60 days after the end of the surveyed year (the regulation's time). */
    @Revision("1")
    public record ListPrepared(String listId, String agencyCode, int surveyYearBE, List<DestructionItem> items,
                               boolean late, PersonRef by, Instant at) {
    }

    @Revision("1")
    public record CommitteeAppointed(String listId, PersonRef chair, List<PersonRef> members, PersonRef by, Instant at) {
    }

    @Revision("1")
    public record ListReviewed(String listId, List<String> keptLonger, String report, PersonRef by, Instant at) {
    }

    @Revision("1")
    public record ListApproved(String listId, Instant archivesWindowEnds, PersonRef by, Instant at) {
    }

    @Revision("1")
    public record ArchivesReplied(String listId, boolean objection, String note, PersonRef by, Instant at) {
    }

    /** The letters whose content is now to be made unrecoverable (their blobs), the list's lines staying. */
    @Revision("1")
    public record LettersDestroyed(String listId, String agencyCode, List<DestructionItem> destroyed, PersonRef by,
                                   Instant at) {
    }
}
