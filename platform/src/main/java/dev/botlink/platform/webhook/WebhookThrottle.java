package dev.botlink.platform.webhook;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * A token bucket per account: {@code burst} requests at once, refilled at {@code ratePerSecond}. Remembers at most
 * {@code capacity} accounts (least recently used forgotten, which only hands them a fresh bucket). Thread-safe.
 */
final class WebhookThrottle {

    private static final long NANOS = 1_000_000_000L;

    private static final class Bucket {
        double tokens;
        long updatedNanos;
    }

    private final double ratePerSecond;
    private final int burst;
    private final LongSupplier nanoTime;
    private final Map<Long, Bucket> buckets;

    WebhookThrottle(double ratePerSecond, int burst, int capacity, LongSupplier nanoTime) {
        if (ratePerSecond <= 0 || burst < 1 || capacity < 1) {
            throw new IllegalArgumentException("webhook rate, burst and tracked accounts must be positive");
        }
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.nanoTime = nanoTime;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Bucket> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Takes one request from the account's budget; empty if allowed, else how long until the next is. */
    synchronized Optional<Duration> acquire(long accountId) {
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(accountId, id -> {
            Bucket fresh = new Bucket();
            fresh.tokens = burst;
            fresh.updatedNanos = now;
            return fresh;
        });
        bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.updatedNanos) * ratePerSecond / NANOS);
        bucket.updatedNanos = now;
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos((long) Math.ceil((1 - bucket.tokens) / ratePerSecond * NANOS)));
    }
}
