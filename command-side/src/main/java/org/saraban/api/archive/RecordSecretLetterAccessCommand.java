package org.saraban.api.archive;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.saraban.api.common.PersonRef;

/**
 * Someone viewed, downloaded or printed a secret letter. Kept in the letter's access log, a stream of its own
 * ({@code accessLogId}), so that reading a letter never changes the letter's version.
 */
public record RecordSecretLetterAccessCommand(@TargetAggregateIdentifier String accessLogId, String letterId,
                                              String agencyCode, PersonRef person, Access what, String detail,
                                              Instant at) {

    public enum Access { VIEW, DOWNLOAD, PRINT }

    public static String logOf(String letterId) {
        return "access-" + letterId;
    }
}
