package dev.botlink.platform.marketplace;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Listings' performance, computed at most once per {@code keepFor} each. Bounded: beyond {@link #MAX_ENTRIES}
 * listings the expired entries are dropped, and if that is not enough, all of them.
 */
final class PerformanceCache {

    static final int MAX_ENTRIES = 10_000;

    private record Entry(Performance.Metrics metrics, long computedAtNanos) {}

    private final long keepForNanos;
    private final LongSupplier nanoTime;
    private final Map<Long, Entry> entries = new ConcurrentHashMap<>();

    PerformanceCache(Duration keepFor, LongSupplier nanoTime) {
        this.keepForNanos = keepFor.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The listing's cached performance, or {@code compute}'s answer (null: the listing has none yet). */
    Performance.Metrics get(long listingId, Supplier<Performance.Metrics> compute) {
        long now = nanoTime.getAsLong();
        Entry cached = entries.get(listingId);
        if (cached != null && now - cached.computedAtNanos() < keepForNanos) {
            return cached.metrics();
        }
        Performance.Metrics metrics = compute.get();
        if (metrics != null && keepForNanos > 0) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.values().removeIf(entry -> now - entry.computedAtNanos() >= keepForNanos);
                if (entries.size() >= MAX_ENTRIES) {
                    entries.clear();
                }
            }
            entries.put(listingId, new Entry(metrics, now));
        }
        return metrics;
    }

    void forget(long listingId) {
        entries.remove(listingId);
    }
}
