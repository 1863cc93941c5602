package org.saraban.web.security;

import java.security.Principal;
import java.util.Optional;

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
        return person().actor(assurance(SecurityContextHolder.getContext().getAuthentication()));
    }

    /**
     * The actor of a principal outside a request, e.g. the user of a WebSocket session (whose principal is
     * the handshake's authentication); empty when it names no person of the directory.
     */
    public Optional<Actor> actorOf(Principal principal) {
        if (principal == null) {
            return Optional.empty();
        }
        return directory.personByUsername(principal.getName()).map(p -> p.actor(assurance(principal)));
    }

    private static String assurance(Object auth) {
        return auth instanceof JwtAuthenticationToken jwt
                ? "OIDC" + (jwt.getToken().getClaimAsString("acr") == null ? "" : ":" + jwt.getToken().getClaimAsString("acr"))
                : "PASSWORD";
    }

    /** Authenticated, but not a person of the directory (e.g. a token for an unknown user). */
    public static class UnknownCallerException extends RuntimeException {
        public UnknownCallerException() {
            super("caller is not in the directory", null, false, false);
        }
    }
}
