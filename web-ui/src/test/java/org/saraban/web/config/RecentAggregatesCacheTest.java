package org.saraban.web.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

/** The aggregate cache keeps what it is given until it is the least recently used beyond its capacity. */
class RecentAggregatesCacheTest {

    @Test
    void entries_stay_however_much_garbage_is_collected_until_the_least_recently_used_leaves() {
        RecentAggregatesCache cache = new RecentAggregatesCache(2);
        List<Object> expired = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                expired.add(key);
            }
        });
        cache.put("a", new Object());
        cache.put("b", new Object());
        System.gc();
        assertThat((Object) cache.get("a")).as("held strongly, unlike the weak-reference cache").isNotNull();
        cache.put("c", new Object());
        assertThat(cache.containsKey("b")).as("b was the least recently used").isFalse();
        assertThat(cache.containsKey("a")).isTrue();
        assertThat(expired).containsExactly("b");
        assertThat(cache.putIfAbsent("a", "other")).isFalse();
        assertThat((Object) cache.computeIfAbsent("d", () -> "made")).isEqualTo("made");
        assertThat(cache.remove("d")).isTrue();
        cache.removeAll();
        assertThat(cache.size()).isZero();
    }
}
