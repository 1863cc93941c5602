package org.saraban.api.privacy;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.saraban.api.common.Actor;

/**
 * A data subject's request under the PDPA (พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล พ.ศ. ๒๕๖๒; DOMAIN.md §8) and the agency's
 * decision. Official letters are kept under the correspondence regulation, so an erasure request against them ends
 * in redaction of the read models and disclosure copies (or a refusal), never in deleting the record.
 */
public final class PdpaCommands {

    private PdpaCommands() {
    }

    public enum Kind {
        /** มาตรา ๓๐: access to the data and a copy; 30 days. */
        ACCESS(30),
        /** มาตรา ๓๓: erasure, destruction or anonymisation; 90 days (PDPC notification B.E. 2567). */
        ERASURE(90),
        /** มาตรา ๓๔: restriction of processing. */
        RESTRICTION(30),
        /** มาตรา ๓๒: objection to processing. */
        OBJECTION(30),
        /** มาตรา ๓๖: rectification. */
        RECTIFICATION(30);

        private final int days;

        Kind(int days) {
            this.days = days;
        }

        /** Days the agency has to answer. */
        public int days() {
            return days;
        }
    }

    public enum Outcome {
        /** Done as asked (access given, non-official data erased or corrected). */
        GRANTED,
        /** Refused, with the legal basis and the reason (recorded as มาตรา ๓๙ requires). */
        REJECTED,
        /** The records are kept (an exemption applies) but the personal data is redacted from the read models and
         *  disclosure copies of the letters concerned, and the original's processing is restricted. */
        REDACTED
    }

    /**
     * Record a request received. {@code subjectName}: who asks; {@code terms}: the personal data as it appears in
     * the letters (a name, a telephone number, an ID number); {@code letterIds}: the agency's letters concerned.
     */
    public record Receive(@TargetAggregateIdentifier String requestId, Actor actor, Kind kind, String subjectName,
                          String details, List<String> letterIds, List<String> terms, Instant at) {
    }

    public record Decide(@TargetAggregateIdentifier String requestId, Actor actor, Outcome outcome, String legalBasis,
                         String reason, Instant at) {
    }
}
