package org.saraban.api.privacy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/** The events of a PDPA request: received (with its answer-by date) and decided. */
public final class PdpaEvents {

    private PdpaEvents() {
    }

    @Revision("1")
    public record Received(String requestId, String agencyCode, PdpaCommands.Kind kind, String subjectName,
                           String details, List<String> letterIds, List<String> terms, LocalDate answerBy,
                           PersonRef by, Instant at) {
    }

    /** {@code late}: decided after the answer-by date. {@code terms} and {@code letterIds} are the request's. */
    @Revision("1")
    public record Decided(String requestId, String agencyCode, PdpaCommands.Kind kind, PdpaCommands.Outcome outcome,
                          String legalBasis, String reason, List<String> letterIds, List<String> terms, boolean late,
                          PersonRef by, Instant at) {
    }
}
