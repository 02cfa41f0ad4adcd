package dev.botlink.platform.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PerformanceCacheTest {

    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger computed = new AtomicInteger();

    @Test
    void servesTheComputedPerformanceUntilItIsOlderThanAllowed() {
        var cache = new PerformanceCache(Duration.ofSeconds(10), now::get);

        Performance.Metrics first = cache.get(1, this::compute);
        now.addAndGet(Duration.ofSeconds(9).toNanos());
        assertThat(cache.get(1, this::compute)).isSameAs(first);
        assertThat(computed).hasValue(1);

        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(cache.get(1, this::compute)).isNotSameAs(first);
        assertThat(computed).hasValue(2);
    }

    @Test
    void eachListingHasItsOwnEntryAndAForgottenOneIsComputedAgain() {
        var cache = new PerformanceCache(Duration.ofSeconds(10), now::get);

        cache.get(1, this::compute);
        cache.get(2, this::compute);
        cache.get(1, this::compute);
        assertThat(computed).hasValue(2);

        cache.forget(1);
        cache.get(1, this::compute);
        assertThat(computed).hasValue(3);
    }

    @Test
    void aListingWithoutPerformanceYetIsAskedAgainEveryTime() {
        var cache = new PerformanceCache(Duration.ofSeconds(10), now::get);

        assertThat(cache.get(1, () -> {
                    computed.incrementAndGet();
                    return null;
                }))
                .isNull();
        cache.get(1, this::compute);

        assertThat(computed).hasValue(2);
    }

    @Test
    void staysBoundedByDroppingExpiredEntriesFirst() {
        var cache = new PerformanceCache(Duration.ofSeconds(10), now::get);
        for (long id = 0; id < PerformanceCache.MAX_ENTRIES; id++) {
            cache.get(id, this::compute);
        }
        now.addAndGet(Duration.ofSeconds(11).toNanos());
        cache.get(-1, this::compute);
        int before = computed.get();

        cache.get(-1, this::compute);
        cache.get(0, this::compute);

        assertThat(computed.get() - before).isEqualTo(1);
    }

    private Performance.Metrics compute() {
        computed.incrementAndGet();
        return new Performance.Metrics(
                "XBTUSD",
                "POSITION",
                BigDecimal.ONE,
                BigDecimal.ZERO,
                null,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ONE,
                BigDecimal.ZERO,
                0,
                BigDecimal.ZERO,
                0,
                0,
                0,
                null,
                null,
                null,
                0,
                0,
                0,
                Instant.EPOCH,
                List.of());
    }
}
