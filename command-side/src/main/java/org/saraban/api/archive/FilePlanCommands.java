package org.saraban.api.archive;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.saraban.api.common.Actor;

/**
 * The agency's file plan (แผนการจัดเก็บ): its file codes (รหัสแฟ้ม), each with a title and a retention class — a
 * number of years (at least 1; 10 by default in the regulation) or permanent (ห้ามทำลาย). The plan's id is
 * {@link #planId(String)} of the agency.
 */
public final class FilePlanCommands {

    private FilePlanCommands() {
    }

    public static String planId(String agencyCode) {
        return "file-plan:" + agencyCode;
    }

    /** Define a code, or change its title or retention. */
    public record DefineCode(@TargetAggregateIdentifier String planId, Actor actor, String code, String title,
                             Integer retentionYears, boolean permanent, Instant at) {
    }

    /** Retire a code: no letter is filed under it from now on; letters filed under it stay. */
    public record RetireCode(@TargetAggregateIdentifier String planId, Actor actor, String code, Instant at) {
    }
}
