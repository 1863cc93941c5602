package org.saraban.api.letter;

/** Where a letter stands. Outgoing letters run DRAFT → FILED; received copies DELIVERED → FILED. */
public enum LetterStatus {
    DRAFT, PENDING_APPROVAL, RETURNED, APPROVED, SIGNED, DISPATCHED, CANCELLED,
    DELIVERED, RECEIVED, FILED
}
