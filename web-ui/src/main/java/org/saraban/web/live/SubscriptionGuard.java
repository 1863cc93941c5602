package org.saraban.web.live;

import java.security.Principal;
import java.util.List;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;

/**
 * Checks every frame a client sends: a session must have a user (the handshake's), a SUBSCRIBE needs a
 * {@link SubscriptionRule} that permits it, and a SEND may only go to the application ({@code /app/**}),
 * never straight to the broker (where it would reach other people's queues). A refused frame makes the
 * server answer with a STOMP ERROR frame and close the connection.
 */
public class SubscriptionGuard implements ChannelInterceptor {

    private final List<SubscriptionRule> rules;

    public SubscriptionGuard(List<SubscriptionRule> rules) {
        this.rules = List.copyOf(rules);
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (stomp == null || stomp.getCommand() == null) {
            return message;
        }
        StompCommand command = stomp.getCommand();
        Principal user = stomp.getUser();
        switch (command) {
            case CONNECT, STOMP -> requireUser(user);
            case SUBSCRIBE -> {
                requireUser(user);
                String destination = stomp.getDestination();
                if (destination == null || rules.stream().noneMatch(r -> r.permits(user, destination))) {
                    throw new Refused("subscription refused: " + destination);
                }
            }
            case SEND -> {
                requireUser(user);
                String destination = stomp.getDestination();
                if (destination == null || !destination.startsWith(WebSocketConfig.APPLICATION_PREFIX + "/")) {
                    throw new Refused("sending refused: " + destination);
                }
            }
            default -> {
            }
        }
        return message;
    }

    private static void requireUser(Principal user) {
        if (user == null) {
            throw new Refused("login required");
        }
    }

    /** A refusal; its message is what the client reads in the ERROR frame. */
    static class Refused extends MessagingException {
        Refused(String description) {
            super(description);
        }
    }
}
