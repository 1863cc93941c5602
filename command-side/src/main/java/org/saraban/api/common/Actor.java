package org.saraban.api.common;

import java.util.Set;

/**
 * The authenticated person behind a command, resolved from the directory by the web layer.
 * {@code assurance} names how the identity was verified for this request (e.g. PASSWORD, OIDC),
 * which a typed-name signature records (ระเบียบสารบรรณ ฉบับที่ ๔).
 */
public record Actor(String personId, String displayName, String position, String agencyCode, String unitCode,
                    Set<Role> roles, String assurance) {

    public Actor {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(Role... wanted) {
        for (Role r : wanted) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }

    public PersonRef ref() {
        return new PersonRef(personId, displayName, position, agencyCode, unitCode);
    }
}
