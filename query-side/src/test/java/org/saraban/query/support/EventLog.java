package org.saraban.query.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.saraban.api.register.NumberVoidedEvent;

/**
 * Numbers events as the event store does (a global position per event, a sequence per aggregate) and
 * hands them to a projection through Axon's annotation adapter, so the handlers are resolved and their
 * {@code @SequenceNumber} and {@link TrackingToken} parameters filled exactly as a processor does.
 */
public final class EventLog {

    private final AnnotationEventHandlerAdapter handler;
    private final Map<String, Long> sequences = new HashMap<>();
    private final List<TrackedEventMessage<?>> appended = new ArrayList<>();
    private long position;

    public EventLog(Object projection) {
        this.handler = new AnnotationEventHandlerAdapter(projection);
    }

    /** Appends the event to its aggregate's stream at the next global position and projects it. */
    public TrackedEventMessage<?> apply(String aggregateId, Object payload) {
        TrackedEventMessage<?> message = message(++position, aggregateId, next(aggregateId), payload);
        appended.add(message);
        feed(message);
        return message;
    }

    /** Appends the event with its aggregate id taken from the payload's identifying field. */
    public TrackedEventMessage<?> apply(Object payload) {
        return apply(aggregateOf(payload), payload);
    }

    /** Projects an event again (a redelivery or a replay). */
    public void feed(TrackedEventMessage<?> message) {
        try {
            handler.handle(message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public List<TrackedEventMessage<?>> appended() {
        return List.copyOf(appended);
    }

    public long position() {
        return position;
    }

    public static TrackedEventMessage<?> message(long position, String aggregateId, long seq, Object payload) {
        String type = payload instanceof NumberVoidedEvent ? "RegisterBook" : "Letter";
        return new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(position),
                new GenericDomainEventMessage<>(type, aggregateId, seq, payload));
    }

    private long next(String aggregateId) {
        long seq = sequences.getOrDefault(aggregateId, -1L) + 1;
        sequences.put(aggregateId, seq);
        return seq;
    }

    /** Letter events name the letter first, copy events the copy, register events the book. */
    public static String aggregateOf(Object payload) {
        if (payload instanceof NumberVoidedEvent e) {
            return e.bookId();
        }
        try {
            return (String) payload.getClass().getRecordComponents()[0].getAccessor().invoke(payload);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(payload.getClass().getName(), e);
        }
    }
}
