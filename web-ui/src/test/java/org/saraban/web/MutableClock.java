package org.saraban.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests can set (e.g. to 2026-12-31T17:30:00Z, already 1 January 2570 in Bangkok). */
public class MutableClock extends Clock {

    private volatile Instant fixed;

    public void set(Instant at) {
        this.fixed = at;
    }

    public void reset() {
        this.fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        return f != null ? f : Instant.now();
    }
}
