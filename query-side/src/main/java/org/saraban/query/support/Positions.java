package org.saraban.query.support;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.saraban.api.common.EventMetadata;

/**
 * An event's own global position. The event store puts it in the metadata at append; a tracking token is not
 * enough, because an event that fills a gap arrives with a token whose index is the highest position seen so
 * far, not its own.
 */
public final class Positions {

    private Positions() {
    }

    public static long of(TrackingToken token, MetaData meta) {
        Object stored = meta == null ? null : meta.get(EventMetadata.GLOBAL_INDEX);
        if (stored instanceof Number n) {
            return n.longValue();
        }
        return token.position().orElseThrow(() -> new IllegalStateException("event without a position: " + token));
    }
}
