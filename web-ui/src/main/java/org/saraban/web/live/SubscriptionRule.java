package org.saraban.web.live;

import java.security.Principal;

/**
 * Lets a signed-in user SUBSCRIBE to a destination. Every rule bean is asked; a subscription no rule
 * permits is refused ({@link SubscriptionGuard}). A feature that adds destinations (e.g. a meeting's
 * topic, for its participants only) adds its own rule.
 */
@FunctionalInterface
public interface SubscriptionRule {

    /** {@code user} is never null; {@code destination} is as the client sent it. */
    boolean permits(Principal user, String destination);
}
