package org.saraban.query.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** Waiting to read one's own write: woken by the projection in this process, or finding it by reading. */
class PositionSignalTest {

    private final PositionSignal signal = new PositionSignal();

    @Test
    void a_waiter_wakes_when_the_projection_here_reaches_its_position_without_reading_the_store() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() ->
                signal.await("m1", 42, Duration.ofSeconds(30), () -> {
                    reads.incrementAndGet();
                    return 7;
                }));
        Thread.sleep(20);
        signal.advanced("m1", 41);
        signal.advanced("other", 99);
        assertThat(waiting).isNotDone();
        signal.advanced("m1", 42);
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isTrue();
        // the store is read on the way in and then only every 50 ms, not in a tight loop
        assertThat(reads.get()).isLessThan(5);
    }

    @Test
    void a_position_already_reached_answers_at_once_and_a_position_never_reached_times_out() {
        signal.advanced("m1", 10);
        assertThat(signal.await("m1", 10, Duration.ofSeconds(30), () -> -1)).isTrue();
        long start = System.nanoTime();
        assertThat(signal.await("m1", 11, Duration.ofMillis(120), () -> 10)).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(120));
    }

    @Test
    void a_projection_on_another_node_is_found_by_reading_the_store() {
        AtomicLong stored = new AtomicLong(5);
        CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(80);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stored.set(6);
        });
        assertThat(signal.await("m1", 6, Duration.ofSeconds(5), stored::get)).isTrue();
    }

    @Test
    void after_a_reset_the_old_positions_no_longer_count() {
        signal.advanced("m1", 10);
        signal.clear();
        assertThat(signal.await("m1", 10, Duration.ofMillis(60), () -> -1)).isFalse();
    }
}
