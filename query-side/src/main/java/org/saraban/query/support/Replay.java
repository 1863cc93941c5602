package org.saraban.query.support;

import java.util.Iterator;
import java.util.stream.Stream;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;

/**
 * Feeds stored events, in global order, straight into a projection: a rebuild of its read model
 * from the event store, used to check that the live read model equals what the events say.
 */
public final class Replay {

    private Replay() {
    }

    /** Returns the number of events fed. */
    public static long into(Object projection, Stream<? extends EventMessage<?>> events) {
        return into(java.util.List.of(projection), events);
    }

    /** Feeds each event to every one of {@code projections} in turn, in one pass; returns the number of events. */
    public static long into(java.util.List<?> projections, Stream<? extends EventMessage<?>> events) {
        java.util.List<AnnotationEventHandlerAdapter> adapters = projections.stream()
                .map(AnnotationEventHandlerAdapter::new).toList();
        long n = 0;
        Iterator<? extends EventMessage<?>> it = events.iterator();
        while (it.hasNext()) {
            EventMessage<?> event = it.next();
            try {
                for (AnnotationEventHandlerAdapter adapter : adapters) {
                    if (adapter.canHandle(event)) {
                        adapter.handle(event);
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException("replay failed at " + event.getIdentifier(), e);
            }
            n++;
        }
        return n;
    }
}
