package org.saraban.command.store;

import java.util.HashMap;
import java.util.Map;

/**
 * The global positions this thread's last command appended, per aggregate, so the web layer can wait
 * until a read model reflects its own write before answering (read-your-writes over async projections).
 */
public final class AppendedPositions {

    private static final ThreadLocal<Map<String, Long>> POSITIONS = ThreadLocal.withInitial(HashMap::new);

    private AppendedPositions() {
    }

    static void record(String aggregateIdentifier, long globalIndex) {
        POSITIONS.get().merge(aggregateIdentifier, globalIndex, Math::max);
    }

    /** Forgets what was recorded; call before sending a command. */
    public static void reset() {
        POSITIONS.get().clear();
    }

    /** What the commands sent since {@link #reset()} appended, by aggregate identifier. */
    public static Map<String, Long> snapshot() {
        return Map.copyOf(POSITIONS.get());
    }
}
