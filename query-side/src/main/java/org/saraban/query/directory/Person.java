package org.saraban.query.directory;

import java.util.Set;

import org.saraban.api.common.Actor;
import org.saraban.api.common.PersonRef;
import org.saraban.api.common.Role;

/** A person in the directory: an opaque id (never personal data), name, position, unit and roles. */
public record Person(String id, String username, String displayName, String position, String agencyCode,
                     String unitCode, Set<Role> roles, String email) {

    public Person {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public PersonRef ref() {
        return new PersonRef(id, displayName, position, agencyCode, unitCode);
    }

    public Actor actor(String assurance) {
        return new Actor(id, displayName, position, agencyCode, unitCode, roles, assurance);
    }
}
