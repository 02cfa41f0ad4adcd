package dev.botlink.platform.venue.paper;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Tunables of paper venues (defaults in {@link #defaults()}; the Quarkus adapter reads them from
 * {@code botlink.paper.*}).
 *
 * @param startingUsd wallet value of a new or reset account, in USD (USDT 1:1; XBT at the XBTUSD mid, or
 *     {@code fallbackBtcPrice} before the first quote)
 * @param rateLimit API credits per {@code rateWindow}
 * @param maxOpenOrdersPerSymbol open orders allowed per account and symbol
 * @param depthLevels levels of the liquidity model a taker order can walk
 * @param candlePage most candles one {@code fetch_candles} returns
 * @param positionUpdateInterval least time between two {@code position_update}s of one open position caused by mark
 *     moves alone (fills always send one)
 */
public record PaperSettings(
        BigDecimal startingUsd,
        BigDecimal fallbackBtcPrice,
        int rateLimit,
        Duration rateWindow,
        int maxOpenOrdersPerSymbol,
        int depthLevels,
        int candlePage,
        Duration positionUpdateInterval) {

    public static PaperSettings defaults() {
        return new PaperSettings(
                new BigDecimal("100000"),
                new BigDecimal("90000"),
                120,
                Duration.ofMinutes(1),
                200,
                500,
                1000,
                Duration.ofSeconds(1));
    }

    public PaperSettings withRateLimit(int credits) {
        return new PaperSettings(
                startingUsd,
                fallbackBtcPrice,
                credits,
                rateWindow,
                maxOpenOrdersPerSymbol,
                depthLevels,
                candlePage,
                positionUpdateInterval);
    }

    public PaperSettings withPositionUpdateInterval(Duration interval) {
        return new PaperSettings(
                startingUsd,
                fallbackBtcPrice,
                rateLimit,
                rateWindow,
                maxOpenOrdersPerSymbol,
                depthLevels,
                candlePage,
                interval);
    }
}
