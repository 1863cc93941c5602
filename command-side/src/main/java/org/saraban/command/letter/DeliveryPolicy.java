package org.saraban.command.letter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.saraban.api.letter.DeliverLetterCommand;
import org.saraban.api.letter.DeliveryMethod;
import org.saraban.api.letter.LetterDispatchedEvent;
import org.saraban.api.letter.LetterReceivedEvent;
import org.saraban.api.letter.Recipient;
import org.saraban.api.letter.RecordAcknowledgementCommand;
import org.saraban.api.letter.RecordDeliveryCommand;

/**
 * Inter-agency delivery (ระเบียบสารบรรณ ฉบับที่ ๔: the sender checks delivery every time, the receiver
 * reports receipt every time). Runs in a tracking processor, so a dispatch acknowledged before a crash is
 * still delivered after the restart; every command it sends is idempotent.
 */
@ProcessingGroup(DeliveryPolicy.GROUP)
public class DeliveryPolicy {

    public static final String GROUP = "delivery";

    private final org.saraban.command.support.RootCommands commands;

    public DeliveryPolicy(CommandGateway commands) {
        this.commands = new org.saraban.command.support.RootCommands(commands, "delivery-commands");
    }

    @EventHandler
    void on(LetterDispatchedEvent e) {
        Map<String, List<LetterDispatchedEvent.Dispatch>> byCopy = new LinkedHashMap<>();
        for (LetterDispatchedEvent.Dispatch d : e.deliveries()) {
            if (d.method() == DeliveryMethod.ELECTRONIC) {
                byCopy.computeIfAbsent(d.copyId(), k -> new ArrayList<>()).add(d);
            }
        }
        for (Map.Entry<String, List<LetterDispatchedEvent.Dispatch>> copy : byCopy.entrySet()) {
            List<Recipient> addressees = copy.getValue().stream().map(LetterDispatchedEvent.Dispatch::recipient).toList();
            boolean copyOnly = copy.getValue().stream().allMatch(LetterDispatchedEvent.Dispatch::copyOnly);
            String agency = addressees.get(0).agencyCode();
            commands.sendAndWait(new DeliverLetterCommand(copy.getKey(), e.letterId(), e.agencyCode(), e.agencyName(),
                    agency, addressees, copyOnly, e.content(), e.number(), e.letterDate(), e.signedBy(), e.at(),
                    e.pdfSha256()));
            commands.sendAndWait(new RecordDeliveryCommand(e.letterId(), agency, copy.getKey(), e.at()));
        }
    }

    @EventHandler
    void on(LetterReceivedEvent e) {
        if (e.sourceLetterId() != null) {
            commands.sendAndWait(new RecordAcknowledgementCommand(e.sourceLetterId(), e.agencyCode(), e.copyId(),
                    e.receivingNumber(), e.by(), e.at()));
        }
    }
}
