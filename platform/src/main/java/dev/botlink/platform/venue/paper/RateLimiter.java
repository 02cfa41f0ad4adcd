package dev.botlink.platform.venue.paper;

import dev.botlink.platform.venue.RateLimits;
import java.time.Duration;
import java.time.InstantSource;

/**
 * Simulated API credits of one account: {@code capacity} calls per fixed, epoch-aligned window (BitMEX grants 120
 * per minute). Not thread-safe: the paper client calls it under its lock.
 */
final class RateLimiter {

    private final int capacity;
    private final long windowMillis;
    private final InstantSource clock;
    private long windowEnd;
    private long used;

    RateLimiter(int capacity, Duration window, InstantSource clock) {
        if (capacity < 1 || window.toMillis() < 1) {
            throw new IllegalArgumentException("rate limit needs a positive capacity and window");
        }
        this.capacity = capacity;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /** Takes one credit if any is left. */
    boolean tryAcquire() {
        roll();
        if (used >= capacity) {
            return false;
        }
        used++;
        return true;
    }

    RateLimits state() {
        roll();
        return new RateLimits(capacity - used, Math.floorDiv(windowEnd + 999, 1000));
    }

    private void roll() {
        long now = clock.millis();
        if (now >= windowEnd) {
            windowEnd = Math.floorDiv(now, windowMillis) * windowMillis + windowMillis;
            used = 0;
        }
    }
}
