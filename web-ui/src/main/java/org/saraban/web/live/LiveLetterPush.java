package org.saraban.web.live;

import java.security.Principal;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

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
 * Before pushing, it waits until the letter's views reflect the event, so that a client that fetches the
 * letter or its list on a notice sees the change, and so that who may see it is decided on the view as the
 * event left it. The processor waits {@link #PROJECTION_WAIT} at most; a notice whose views are further
 * behind (a projection catching up after a restart, a loaded machine) is handed to a timer that looks again
 * until {@link #LATE_WAIT}, so the processor goes on and the notice is still sent, only late. Clients reload on
 * a notice, so late notices overtaking others is harmless. A push never fails the processor: a failure is
 * logged and the event is done.
 */
@Component
@ProcessingGroup(LiveLetterPush.GROUP)
public class LiveLetterPush {

    public static final String GROUP = "live";
    /** The user destination (a client subscribes to {@code /user/queue/letters}). */
    public static final String USER_DESTINATION = "/queue/letters";

    private static final Logger log = LoggerFactory.getLogger(LiveLetterPush.class);
    static final Duration PROJECTION_WAIT = Duration.ofSeconds(2);
    static final Duration LATE_WAIT = Duration.ofSeconds(60);
    private static final long LATE_PAUSE_MS = 200;

    private final LetterQueries queries;
    private final SimpUserRegistry users;
    private final SimpMessagingTemplate messaging;
    private final CurrentActor actors;
    private final ScheduledExecutorService late = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "live-letter-late");
        t.setDaemon(true);
        return t;
    });

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
        long seq = Positions.of(token, meta);
        try {
            if (queries.awaitPosition(ref.get().letterId(), seq, PROJECTION_WAIT)) {
                push(ref.get(), seq);
            } else {
                log.debug("views of {} not at {} after {}; the notice waits apart", ref.get().letterId(), seq,
                        PROJECTION_WAIT);
                late(ref.get(), seq, System.nanoTime() + LATE_WAIT.toNanos());
            }
        } catch (RuntimeException e) {
            log.warn("live push of {} at {} failed: {}", ref.get().type(), seq, e.toString());
        }
    }

    /** Looks again every {@link #LATE_PAUSE_MS}; pushes once the views are there, or on them as they are at the deadline. */
    private void late(LetterEvents.Ref ref, long seq, long deadline) {
        late.schedule(() -> {
            try {
                if (queries.awaitPosition(ref.letterId(), seq, Duration.ZERO) || System.nanoTime() > deadline) {
                    push(ref, seq);
                } else {
                    late(ref, seq, deadline);
                }
            } catch (RuntimeException e) {
                log.warn("late live push of {} at {} failed: {}", ref.type(), seq, e.toString());
            }
        }, LATE_PAUSE_MS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        late.shutdownNow();
    }

    private void push(LetterEvents.Ref ref, long seq) {
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
