package org.saraban.api.archive;

import java.time.Instant;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/** The events of a file plan. */
public final class FilePlanEvents {

    private FilePlanEvents() {
    }

    /** {@code retentionYears} is null when {@code permanent}. */
    @Revision("1")
    public record CodeDefined(String planId, String agencyCode, String code, String title, Integer retentionYears,
                              boolean permanent, PersonRef by, Instant at) {
    }

    @Revision("1")
    public record CodeRetired(String planId, String agencyCode, String code, PersonRef by, Instant at) {
    }
}
