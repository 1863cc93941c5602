package org.saraban.web.live;

import java.security.Principal;
import java.time.Duration;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.saraban.api.common.Actor;
import org.saraban.query.letter.LetterQueries;
import org.saraban.query.support.Docs;
import org.saraban.web.security.CurrentActor;
import org.saraban.query.support.Positions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.stereotype.Component;

/**
 * Pushes a {@link LetterNotice} for every letter event to each person connected to this node who may
 * see the letter (DESIGN.md §7). Runs in its own tracking processor with an in-memory token that starts
 * at the head of the event stream ({@link LiveProcessorConfig}), so every node pushes every event it sees
 * to its own connections, and nothing old is replayed after a restart: a client that reconnects reloads
 * its lists over HTTP.
 * <p>
 * Before pushing, it waits (bounded) until the {@code letters} view reflects the event, so that a client
 * that fetches the letter on a notice sees the change, and so that who may see it is decided on the view
 * as the event left it. A push never fails the processor: a failure is logged and the event is done.
 */
@Component
@ProcessingGroup(LiveLetterPush.GROUP)
public class LiveLetterPush {

    public static final String GROUP = "live";
    /** The user destination (a client subscribes to {@code /user/queue/letters}). */
    public static final String USER_DESTINATION = "/queue/letters";

    private static final Logger log = LoggerFactory.getLogger(LiveLetterPush.class);
    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(2);

    private final LetterQueries queries;
    private final SimpUserRegistry users;
    private final SimpMessagingTemplate messaging;
    private final CurrentActor actors;

    public LiveLetterPush(LetterQueries queries, SimpUserRegistry users, SimpMessagingTemplate messaging,
                          CurrentActor actors) {
        this.queries = queries;
        this.users = users;
        this.messaging = messaging;
        this.actors = actors;
    }

    @EventHandler
    void on(Object event, TrackingToken token, MetaData meta) {
        Optional<LetterEvents.Ref> ref = LetterEvents.ref(event);
        if (ref.isEmpty() || users.getUserCount() == 0) {
            return;
        }
        try {
            push(ref.get(), Positions.of(token, meta));
        } catch (RuntimeException e) {
            log.warn("live push of {} at {} failed: {}", ref.get().type(), Positions.of(token, meta), e.toString());
        }
    }

    private void push(LetterEvents.Ref ref, long seq) {
        if (!queries.awaitPosition(ref.letterId(), seq, PROJECTION_WAIT)) {
            log.debug("letters view of {} not at {} after {}; pushing on the view as it is", ref.letterId(), seq,
                    PROJECTION_WAIT);
        }
        Document letter = queries.raw(ref.letterId()).orElse(null);
        if (letter == null) {
            return;
        }
        LetterNotice notice = new LetterNotice(seq, ref.type(), ref.letterId(), letter.getString("direction"),
                Docs.iso(ref.at()));
        for (SimpUser user : users.getUsers()) {
            if (!followsLetters(user)) {
                continue;
            }
            try {
                Principal principal = user.getPrincipal();
                Optional<Actor> actor = actors.actorOf(principal != null ? principal : user::getName);
                if (actor.isPresent() && LetterQueries.visible(letter, actor.get())) {
                    messaging.convertAndSendToUser(user.getName(), USER_DESTINATION, notice);
                }
            } catch (RuntimeException e) {
                log.warn("live push of {} to {} failed: {}", ref.type(), user.getName(), e.toString());
            }
        }
    }

    /** Connected and subscribed to the letter notices in at least one session. */
    private static boolean followsLetters(SimpUser user) {
        return user.getSessions().stream().flatMap(s -> s.getSubscriptions().stream())
                .anyMatch(s -> WebSocketConfig.LETTERS_SUBSCRIPTION.equals(s.getDestination()));
    }
}
