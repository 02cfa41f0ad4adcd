package dev.botlink.platform.venue.paper.runtime;

import dev.botlink.platform.venue.paper.PaperSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;

/** {@code botlink.paper.*}: paper venues (see docs/venues.md). */
@ConfigMapping(prefix = "botlink.paper")
public interface PaperConfig {

    /** Wallet value of a new or reset paper account, in USD. */
    @WithDefault("100000")
    BigDecimal startingUsd();

    /** BTC price for the XBT wallet before the first XBTUSD quote. */
    @WithDefault("90000")
    BigDecimal fallbackBtcPrice();

    /** Simulated API credits per {@link #rateWindow()}. */
    @WithDefault("120")
    int rateLimit();

    @WithDefault("PT1M")
    Duration rateWindow();

    @WithDefault("200")
    int maxOpenOrdersPerSymbol();

    /** Levels of the liquidity model a taker order can walk. */
    @WithDefault("500")
    int depthLevels();

    /** Most candles one fetch_candles returns. */
    @WithDefault("1000")
    int candlePage();

    /** Least time between two position_updates of one open position caused by mark moves alone. */
    @WithDefault("PT1S")
    Duration positionUpdateInterval();

    /** How long after a failed save of paper accounts the next attempt is made. */
    @WithDefault("PT1S")
    Duration flushInterval();

    /**
     * Longest time a Link call that changed a paper account waits for the group commit that saves its change; after
     * it the result is returned unsaved (and a warning logged).
     */
    @WithDefault("PT5S")
    Duration commitTimeout();

    /** Most paper venues open at once in this platform instance. */
    @WithDefault("10000")
    int maxOpenVenues();

    default PaperSettings settings() {
        return new PaperSettings(
                startingUsd(),
                fallbackBtcPrice(),
                rateLimit(),
                rateWindow(),
                maxOpenOrdersPerSymbol(),
                depthLevels(),
                candlePage(),
                positionUpdateInterval());
    }
}
