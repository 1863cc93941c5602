package org.saraban.command.letter;

import java.util.Arrays;

import org.saraban.api.common.Actor;
import org.saraban.api.common.PermissionDeniedException;
import org.saraban.api.common.Role;

/** Role checks, explicit and separate from the state changes they guard (STYLE.md "Rules and errors"). */
final class Permissions {

    private Permissions() {
    }

    static void require(Actor actor, String action, Role... anyOf) {
        if (actor == null || !actor.hasAnyRole(anyOf)) {
            throw new PermissionDeniedException("ROLE_REQUIRED",
                    "to " + action + " one of these roles is needed: " + Arrays.toString(anyOf));
        }
    }
}
