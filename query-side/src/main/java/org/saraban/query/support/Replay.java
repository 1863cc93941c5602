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
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
        long n = 0;
        Iterator<? extends EventMessage<?>> it = events.iterator();
        while (it.hasNext()) {
            EventMessage<?> event = it.next();
            try {
                if (adapter.canHandle(event)) {
                    adapter.handle(event);
                }
            } catch (Exception e) {
                throw new IllegalStateException("replay failed at " + event.getIdentifier(), e);
            }
            n++;
        }
        return n;
    }
}
