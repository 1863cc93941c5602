package org.saraban.api.archive;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.saraban.api.common.Actor;
import org.saraban.api.common.PersonRef;

/** The commands of a destruction list (ระเบียบงานสารบรรณ ข้อ ๖๖–๗๐, DOMAIN.md §1.12), in the order they come. */
public final class DestructionCommands {

    private DestructionCommands() {
    }

    /** The yearly survey's list of letters whose keeping has ended, by a records officer. */
    public record Prepare(@TargetAggregateIdentifier String listId, Actor actor, int surveyYearBE,
                          List<DestructionItem> items, Instant at) {
    }

    /** The head of the agency appoints the committee: a chair and at least two members. */
    public record AppointCommittee(@TargetAggregateIdentifier String listId, Actor actor, PersonRef chair,
                                   List<PersonRef> members, Instant at) {
    }

    /** The committee (its chair) reports on the list: the letters to keep longer are taken off it. */
    public record Review(@TargetAggregateIdentifier String listId, Actor actor, List<String> keepLonger, String report,
                         Instant at) {
    }

    /** The head approves the list, and it goes to the National Archives, whose review window opens (60 days). */
    public record Approve(@TargetAggregateIdentifier String listId, Actor actor, Instant at) {
    }

    /** What the National Archives (กรมศิลปากร) answered: an objection stops the destruction. */
    public record RecordArchivesReply(@TargetAggregateIdentifier String listId, Actor actor, boolean objection,
                                      String note, Instant at) {
    }

    /** Destroys the listed letters' content, once the archives agreed or their window passed without objection. */
    public record Destroy(@TargetAggregateIdentifier String listId, Actor actor, Instant at) {
    }
}
