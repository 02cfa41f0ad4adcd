package dev.botlink.platform.marketdata.runtime;

import dev.botlink.platform.marketdata.MarketDataSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;

/** {@code botlink.market-data.*}: the simulated market behind paper venues (see docs/market-data.md). */
@ConfigMapping(prefix = "botlink.market-data")
public interface MarketDataConfig {

    /** Quoted spread as a fraction of price, at least one tick. */
    @WithDefault("0.0001")
    BigDecimal spreadFraction();

    /** Quoted size in multiples of the recent average trade size. */
    @WithDefault("5")
    BigDecimal depthMultiple();

    /** Candles kept per symbol and level. */
    @WithDefault("3000")
    int candleCapacity();

    /** Most trades one symbol publishes per step. */
    @WithDefault("200000")
    int maxTradesPerAdvance();

    /** History replayed into candles before now at start. */
    @WithDefault("P1D")
    Duration warmUp();

    /** Seed of the synthetic generators. */
    @WithDefault("42")
    long seed();

    /** How often the market catches up with the wall clock. */
    @WithDefault("PT0.1S")
    Duration step();

    default MarketDataSettings settings() {
        return new MarketDataSettings(
                spreadFraction(), depthMultiple(), candleCapacity(), maxTradesPerAdvance(), warmUp(), seed());
    }
}
