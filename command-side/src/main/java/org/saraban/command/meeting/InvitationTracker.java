package org.saraban.command.meeting;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.saraban.api.letter.LetterAcknowledgedEvent;
import org.saraban.api.letter.LetterDeliveryRecordedEvent;
import org.saraban.api.letter.LetterDispatchedEvent;
import org.saraban.api.meeting.InvitationLetterDraftedEvent;
import org.saraban.api.meeting.InvitationLetterProgressedEvent.Step;
import org.saraban.api.meeting.RecordInvitationProgressCommand;

/**
 * Follows invitation letters through the letter flow and records in their meeting when each is dispatched,
 * delivered to an agency and received there (the decree: copies of invitations and the evidence of their
 * delivery are kept). It runs in one tracking processor, so it sees a letter's drafting for a meeting before
 * the letter's dispatch; it remembers which letters are invitations in its own collection, and every command
 * it sends is idempotent, so a replay after a restart records nothing twice.
 */
@ProcessingGroup(InvitationTracker.GROUP)
public class InvitationTracker {

    public static final String GROUP = "meeting-invitations";

    private final org.saraban.command.support.RootCommands commands;
    private final MongoCollection<Document> letters;

    public InvitationTracker(CommandGateway commands, MongoDatabase db) {
        this.commands = new org.saraban.command.support.RootCommands(commands, "invitation-commands");
        this.letters = db.getCollection("meeting_invitation_letters");
    }

    @EventHandler
    void on(InvitationLetterDraftedEvent e) {
        letters.replaceOne(Filters.eq("_id", e.letterId()),
                new Document("_id", e.letterId()).append("meetingId", e.meetingId()), new ReplaceOptions().upsert(true));
    }

    @EventHandler
    void on(LetterDispatchedEvent e) {
        record(e.letterId(), Step.DISPATCHED, e.agencyCode(), e.number(), e.at());
    }

    @EventHandler
    void on(LetterDeliveryRecordedEvent e) {
        record(e.letterId(), Step.DELIVERED, e.recipientAgencyCode(), null, e.at());
    }

    @EventHandler
    void on(LetterAcknowledgedEvent e) {
        record(e.letterId(), Step.RECEIVED, e.recipientAgencyCode(), e.receivingNumber(), e.at());
    }

    private void record(String letterId, Step step, String agencyCode, String number, java.time.Instant at) {
        Document invitation = letters.find(Filters.eq("_id", letterId)).first();
        if (invitation != null) {
            commands.sendAndWait(new RecordInvitationProgressCommand(invitation.getString("meetingId"), letterId, step,
                    agencyCode, number, at));
        }
    }
}
