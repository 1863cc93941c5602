package org.saraban.web.support;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A background job run at a fixed delay on its own daemon thread; a failed run is logged and the next one comes. */
public final class Periodic {

    private static final Logger log = LoggerFactory.getLogger(Periodic.class);

    private Periodic() {
    }

    /** Starts {@code task} {@code every} after the last run ended, the first one {@code every} from now. */
    public static ScheduledExecutorService every(String name, Duration every, Runnable task) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("{} run failed: {}", name, e.toString());
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return timer;
    }
}
