package dev.botlink.platform.marketdata;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Tunables of the simulated market (the Quarkus adapter reads them from {@code botlink.market-data.*}).
 *
 * @param spreadFraction quoted spread as a fraction of price (at least one tick), see {@link QuoteModel}
 * @param depthMultiple quoted size in multiples of the recent average trade size
 * @param candleCapacity candles kept per symbol and level
 * @param maxTradesPerAdvance most trades one symbol publishes per step
 * @param warmUp how much history is replayed (silently, into candles) before now at start
 * @param seed seed of the synthetic generators
 */
public record MarketDataSettings(
        BigDecimal spreadFraction,
        BigDecimal depthMultiple,
        int candleCapacity,
        int maxTradesPerAdvance,
        Duration warmUp,
        long seed) {

    public static MarketDataSettings defaults() {
        return new MarketDataSettings(
                new BigDecimal("0.0001"), new BigDecimal("5"), 3000, 200_000, Duration.ofDays(1), 42L);
    }
}
