package org.saraban.query.support;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Read-your-writes without polling the database: a projection in this process says which position a document
 * now reflects, and a reader waiting for that position wakes at once. A reader whose projection runs on another
 * node (a cluster on a shared MongoDB) still finds the position, by reading the document now and then.
 * <p>
 * Polling alone does not hold up under load: on the embedded server every read of a collection holds that
 * collection's lock, so 32 requests each reading the position every few milliseconds slowed the projection
 * that writes it to tens of milliseconds an event.
 */
public final class PositionSignal {

    /** How often a waiter also reads the document itself, for a projection that is not in this process. */
    static final long READ_EVERY_NANOS = Duration.ofMillis(50).toNanos();

    private final Map<Object, Long> reflected = new ConcurrentHashMap<>();
    private final Object monitor = new Object();

    /** The projection has written the document {@code id} as of {@code position}. */
    public void advanced(Object id, long position) {
        reflected.merge(id, position, Math::max);
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    /** Forgets every position (the projection was reset and replays). */
    public void clear() {
        reflected.clear();
    }

    /**
     * Waits until the document reflects {@code position}, as this process's projection says or {@code read}
     * finds; false on timeout.
     */
    public boolean await(Object id, long position, Duration timeout, LongSupplier read) {
        if (reflected.getOrDefault(id, -1L) >= position || read.getAsLong() >= position) {
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextRead = System.nanoTime() + READ_EVERY_NANOS;
        while (true) {
            long now = System.nanoTime();
            if (now >= deadline) {
                return read.getAsLong() >= position;
            }
            synchronized (monitor) {
                if (reflected.getOrDefault(id, -1L) >= position) {
                    return true;
                }
                try {
                    long waitNanos = Math.min(deadline, nextRead) - now;
                    monitor.wait(Math.max(1, waitNanos / 1_000_000), 0);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            if (reflected.getOrDefault(id, -1L) >= position) {
                return true;
            }
            if (System.nanoTime() >= nextRead) {
                if (read.getAsLong() >= position) {
                    return true;
                }
                nextRead = System.nanoTime() + READ_EVERY_NANOS;
            }
        }
    }
}
