package org.saraban.command.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.saraban.command.letter.Samples.AGENCY;
import static org.saraban.command.letter.Samples.AGENCY_NAME;
import static org.saraban.command.letter.Samples.AT;
import static org.saraban.command.letter.Samples.CLERK;
import static org.saraban.command.letter.Samples.OTHER_AGENCY;
import static org.saraban.command.letter.Samples.OUTSIDE_SYSTEM;
import static org.saraban.command.letter.Samples.RECEIVING_CLERK;
import static org.saraban.command.letter.Samples.SIGNER;
import static org.saraban.command.letter.Samples.TO_OTHER_AGENCY;
import static org.saraban.command.letter.Samples.external;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.saraban.api.letter.DeliverLetterCommand;
import org.saraban.api.letter.DeliveryMethod;
import org.saraban.api.letter.LetterContent;
import org.saraban.api.letter.LetterDispatchedEvent;
import org.saraban.api.letter.LetterDispatchedEvent.Dispatch;
import org.saraban.api.letter.LetterReceivedEvent;
import org.saraban.api.letter.Recipient;
import org.saraban.api.letter.RecordAcknowledgementCommand;
import org.saraban.api.letter.RecordDeliveryCommand;
import org.saraban.api.letter.RegisterBookType;

/** The delivery policy turns a dispatch into one copy per recipient agency, and a receipt into an acknowledgement. */
class DeliveryPolicyTest {

    private static final String LETTER = "letter-1";

    private final List<Object> sent = new ArrayList<>();
    private DeliveryPolicy policy;

    @BeforeEach
    void setUp() {
        CommandBus bus = SimpleCommandBus.builder().build();
        for (Class<?> type : List.of(DeliverLetterCommand.class, RecordDeliveryCommand.class,
                RecordAcknowledgementCommand.class)) {
            bus.subscribe(type.getName(), command -> {
                sent.add(command.getPayload());
                return null;
            });
        }
        policy = new DeliveryPolicy(DefaultCommandGateway.builder().commandBus(bus).build());
    }

    private static LetterDispatchedEvent dispatchedTo(LetterContent content, List<Dispatch> deliveries) {
        return new LetterDispatchedEvent(LETTER, AGENCY, AGENCY_NAME, CLERK.ref(), RegisterBookType.SENT, 2569, 1L,
                "สพร ๐๑/๑", deliveries, content, List.of(SIGNER.ref()), AT);
    }

    @Test
    void each_recipient_agency_gets_one_copy_and_the_delivery_is_recorded() {
        Recipient director = TO_OTHER_AGENCY;
        Recipient division = new Recipient(OTHER_AGENCY, "๐๓", null, "ผู้อำนวยการกองนโยบาย", null);
        Recipient thirdAgency = new Recipient("มท", null, null, "ปลัดกระทรวงมหาดไทย", null);
        String copyKk = CopyIds.copyId(LETTER, OTHER_AGENCY);
        String copyMt = CopyIds.copyId(LETTER, "มท");
        List<Dispatch> deliveries = List.of(
                new Dispatch(director, false, DeliveryMethod.ELECTRONIC, copyKk),
                new Dispatch(OUTSIDE_SYSTEM, false, DeliveryMethod.OUT_OF_BAND, null),
                new Dispatch(thirdAgency, true, DeliveryMethod.ELECTRONIC, copyMt),
                new Dispatch(division, true, DeliveryMethod.ELECTRONIC, copyKk));

        policy.on(dispatchedTo(external(), deliveries));

        assertThat(sent).containsExactly(
                new DeliverLetterCommand(copyKk, LETTER, AGENCY, AGENCY_NAME, OTHER_AGENCY, List.of(director, division),
                        false, external(), "สพร ๐๑/๑", AT, List.of(SIGNER.ref()), AT),
                new RecordDeliveryCommand(LETTER, OTHER_AGENCY, copyKk, AT),
                new DeliverLetterCommand(copyMt, LETTER, AGENCY, AGENCY_NAME, "มท", List.of(thirdAgency), true,
                        external(), "สพร ๐๑/๑", AT, List.of(SIGNER.ref()), AT),
                new RecordDeliveryCommand(LETTER, "มท", copyMt, AT));
    }

    @Test
    void nothing_travels_when_every_delivery_is_out_of_band() {
        policy.on(dispatchedTo(external(), List.of(
                new Dispatch(TO_OTHER_AGENCY, false, DeliveryMethod.OUT_OF_BAND, null),
                new Dispatch(OUTSIDE_SYSTEM, true, DeliveryMethod.OUT_OF_BAND, null))));

        assertThat(sent).isEmpty();
    }

    @Test
    void receiving_a_copy_acknowledges_it_to_the_sender() {
        String copy = CopyIds.copyId(LETTER, OTHER_AGENCY);
        policy.on(new LetterReceivedEvent(copy, LETTER, OTHER_AGENCY, RECEIVING_CLERK.ref(), 2569, 7, "๗", AT));

        assertThat(sent).containsExactly(
                new RecordAcknowledgementCommand(LETTER, OTHER_AGENCY, copy, "๗", RECEIVING_CLERK.ref(), AT));
    }

    @Test
    void receiving_a_paper_letter_acknowledges_nothing() {
        policy.on(new LetterReceivedEvent("paper-1", null, AGENCY, CLERK.ref(), 2569, 3, "๓", AT));

        assertThat(sent).isEmpty();
    }
}
