package org.saraban.command.archive;

import org.saraban.api.archive.ArchiveException;
import org.saraban.api.common.Actor;
import org.saraban.api.common.Role;
import org.saraban.api.common.SarabanException;

/** What every list of the archive checks: the actor's agency (else not found) and role. */
final class ArchiveRules {

    private ArchiveRules() {
    }

    static void requireAgency(Actor actor, String agencyCode, String notFoundCode) {
        if (actor == null || !agencyCode.equals(actor.agencyCode())) {
            throw new ArchiveException(notFoundCode, SarabanException.Kind.NOT_FOUND, "not found");
        }
    }

    static void requireRole(Actor actor, String code, Role role) {
        if (actor == null || !actor.hasRole(role)) {
            String name = role.name().toLowerCase().replace('_', ' ');
            throw ArchiveException.forbidden(code, "only " + ("aeiou".indexOf(name.charAt(0)) >= 0 ? "an " : "a ")
                    + name + " may");
        }
    }
}
