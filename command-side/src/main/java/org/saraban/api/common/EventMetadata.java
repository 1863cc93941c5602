package org.saraban.api.common;

/** Metadata keys every stored event carries. */
public final class EventMetadata {

    /** The event's global position in the store, recorded at append. */
    public static final String GLOBAL_INDEX = "globalIndex";

    private EventMetadata() {
    }
}
