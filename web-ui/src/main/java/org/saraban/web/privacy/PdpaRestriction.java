package org.saraban.web.privacy;

import java.util.List;

import org.bson.Document;
import org.saraban.api.common.Actor;
import org.saraban.api.common.PermissionDeniedException;
import org.saraban.api.common.Role;

/**
 * A letter redacted by a PDPA decision: its original (PDF of record, scan, enclosures, archive bundle with its
 * events) still holds the personal data, so only the agency's records officers process it; everyone else reads
 * the redacted view and its disclosure copy.
 */
public final class PdpaRestriction {

    private PdpaRestriction() {
    }

    public static boolean restricted(Document view) {
        return !view.getList("redactions", Document.class, List.of()).isEmpty();
    }

    public static void requireOriginalAllowed(Document view, Actor actor) {
        if (restricted(view) && !actor.hasRole(Role.RECORDS_OFFICER)) {
            throw new PermissionDeniedException("RESTRICTED_BY_PDPA", "a PDPA decision restricts this letter's "
                    + "original to records officers: its disclosure copy is at /api/letters/{id}/disclosure-copy");
        }
    }
}
