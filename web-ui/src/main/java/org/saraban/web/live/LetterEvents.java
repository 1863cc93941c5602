package org.saraban.web.live;

import java.time.Instant;
import java.util.Optional;

import org.saraban.api.letter.DraftLetterCreatedEvent;
import org.saraban.api.letter.DraftLetterEditedEvent;
import org.saraban.api.letter.LetterAcknowledgedEvent;
import org.saraban.api.letter.LetterApprovalInvalidatedEvent;
import org.saraban.api.letter.LetterApprovedEvent;
import org.saraban.api.letter.LetterCancelledEvent;
import org.saraban.api.letter.LetterDeliveredEvent;
import org.saraban.api.letter.LetterDeliveryRecordedEvent;
import org.saraban.api.letter.LetterDispatchedEvent;
import org.saraban.api.letter.LetterFiledEvent;
import org.saraban.api.letter.LetterNumberedEvent;
import org.saraban.api.letter.LetterPdfRecordedEvent;
import org.saraban.api.letter.LetterReceivedEvent;
import org.saraban.api.letter.LetterReturnedEvent;
import org.saraban.api.letter.LetterRoutedEvent;
import org.saraban.api.letter.LetterSignedEvent;
import org.saraban.api.letter.LetterSubmittedEvent;
import org.saraban.api.letter.LetterVerifiedEvent;
import org.saraban.api.letter.PaperLetterImportedEvent;
import org.saraban.api.letter.RouteAcknowledgedEvent;
import org.saraban.api.letter.RouteCompletedEvent;

/**
 * Which letter view an event of the letter package changes, as LetterProjection applies it: a received
 * copy has its own id ({@code copyId} of the delivery, the receipt and a paper import); an acknowledgement
 * and a delivery record change the sender's letter ({@code letterId}).
 */
final class LetterEvents {

    record Ref(String letterId, String type, Instant at) {
    }

    private LetterEvents() {
    }

    static Optional<Ref> ref(Object event) {
        String id;
        Instant at;
        if (event instanceof LetterDeliveredEvent e) {
            id = e.copyId();
            at = e.at();
        } else if (event instanceof LetterReceivedEvent e) {
            id = e.copyId();
            at = e.at();
        } else if (event instanceof PaperLetterImportedEvent e) {
            id = e.copyId();
            at = e.at();
        } else if (event instanceof DraftLetterCreatedEvent e) {
            id = e.letterId();
            at = e.at();
        } else if (event instanceof DraftLetterEditedEvent e) {
            id = e.letterId();
            at = e.at();
        } else if (event instanceof LetterSubmittedEvent e) {
            id = e.letterId();
            at = e.at();
        } else if (event instanceof LetterApprovedEvent e) {
            id = e.letterId();
            at = e.at();
        } else if (event instanceof LetterReturnedEvent e) {
            id = e.letterId();
            at = e.at();
        } else if (event instanceof LetterSignedEvent e) {
            id = e.letterId();
            at = e.at();
        } else if (event instanceof LetterDispatchedEvent e) {
            id = e.letterId();
            at = e.at();
        } else if (event instanceof LetterCancelledEvent e) {
            id = e.letterId();
            at = e.at();
        } else if (event instanceof LetterDeliveryRecordedEvent e) {
            id = e.letterId();
            at = e.at();
        } else if (event instanceof LetterAcknowledgedEvent e) {
            id = e.letterId();
            at = e.at();
        } else if (event instanceof LetterRoutedEvent e) {
            id = e.letterId();
            at = e.at();
        } else if (event instanceof RouteAcknowledgedEvent e) {
            id = e.letterId();
            at = e.at();
        } else if (event instanceof RouteCompletedEvent e) {
            id = e.letterId();
            at = e.at();
        } else if (event instanceof LetterFiledEvent e) {
            id = e.letterId();
            at = e.at();
        } else if (event instanceof LetterNumberedEvent e) {
            id = e.letterId();
            at = e.at();
        } else if (event instanceof LetterPdfRecordedEvent e) {
            id = e.letterId();
            at = e.at();
        } else if (event instanceof LetterApprovalInvalidatedEvent e) {
            id = e.letterId();
            at = e.at();
        } else if (event instanceof LetterVerifiedEvent e) {
            id = e.copyId();
            at = e.at();
        } else if (event instanceof org.saraban.api.letter.SecretAccessGrantedEvent e) {
            id = e.letterId();
            at = e.at();
        } else {
            return Optional.empty();
        }
        return id == null ? Optional.empty() : Optional.of(new Ref(id, type(event), at));
    }

    /** {@code LetterDeliveredEvent} → {@code LetterDelivered}. */
    static String type(Object event) {
        String name = event.getClass().getSimpleName();
        return name.endsWith("Event") ? name.substring(0, name.length() - "Event".length()) : name;
    }
}
