package org.saraban.web.security;

import org.saraban.api.common.Actor;
import org.saraban.query.directory.Directory;
import org.saraban.query.directory.Person;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/** Resolves the authenticated caller to a directory person and the {@link Actor} that commands carry. */
@Component
public class CurrentActor {

    private final Directory directory;

    public CurrentActor(Directory directory) {
        this.directory = directory;
    }

    public Person person() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            throw new UnknownCallerException();
        }
        return directory.personByUsername(auth.getName()).orElseThrow(UnknownCallerException::new);
    }

    public Actor actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String assurance = auth instanceof JwtAuthenticationToken jwt
                ? "OIDC" + (jwt.getToken().getClaimAsString("acr") == null ? "" : ":" + jwt.getToken().getClaimAsString("acr"))
                : "PASSWORD";
        return person().actor(assurance);
    }

    /** Authenticated, but not a person of the directory (e.g. a token for an unknown user). */
    public static class UnknownCallerException extends RuntimeException {
        public UnknownCallerException() {
            super("caller is not in the directory", null, false, false);
        }
    }
}
