package dev.botlink.marketplace.marketmaker;

import dev.botlink.marketplace.execution.Decimals;
import java.math.BigDecimal;

/**
 * Parameters of a Market Maker bot. The defaults ({@link #DEFAULTS}) are the reference market maker's.
 *
 * @param halfSpread half the quoted spread as a fraction of the fair value (0.0015 = 0.15%)
 * @param quoteIntervalMillis how often quotes are recomputed; a new signal recomputes at once
 * @param maxInventory largest absolute position; the side that would exceed it is not quoted
 * @param minCashRatio fraction of the available balance never committed to bids
 * @param quoteNotional target value of each quote in quote currency; size = notional / fair value
 * @param bollingerPeriod closes in the Bollinger width that measures volatility
 * @param bollingerDeviations standard deviations of the Bollinger bands
 * @param volatilityBaseline Bollinger width (upper − lower) / middle below which the spread is not widened
 * @param volatilitySensitivity how fast the spread widens above the baseline: multiplier = 1 +
 *     sensitivity × (width − baseline) / baseline
 * @param maxSpreadMultiplier cap on that multiplier
 * @param skewFactor how far inventory shifts the quotes: bid = fair − h × (1 + skewFactor × skew), ask =
 *     fair + h × (1 − skewFactor × skew), with skew = position / maxInventory in [-1, 1]
 */
public record MarketMakerParameters(
        BigDecimal halfSpread,
        long quoteIntervalMillis,
        BigDecimal maxInventory,
        BigDecimal minCashRatio,
        BigDecimal quoteNotional,
        int bollingerPeriod,
        BigDecimal bollingerDeviations,
        BigDecimal volatilityBaseline,
        BigDecimal volatilitySensitivity,
        BigDecimal maxSpreadMultiplier,
        BigDecimal skewFactor) {

    /** The reference market maker: 0.15% half-spread, 0.5 s refresh, 1.0 max inventory, 10% cash reserve. */
    public static final MarketMakerParameters DEFAULTS = new MarketMakerParameters(
            new BigDecimal("0.0015"),
            500,
            BigDecimal.ONE,
            new BigDecimal("0.10"),
            new BigDecimal("500"),
            20,
            BigDecimal.TWO,
            new BigDecimal("0.01"),
            new BigDecimal("0.5"),
            new BigDecimal("3"),
            new BigDecimal("0.5"));

    public MarketMakerParameters {
        Decimals.within(halfSpread, new BigDecimal("0.00001"), new BigDecimal("0.2"), "halfSpread");
        if (quoteIntervalMillis < 100 || quoteIntervalMillis > 3_600_000) {
            throw new IllegalArgumentException(
                    "quoteIntervalMillis must be between 100 and 3600000, got " + quoteIntervalMillis);
        }
        Decimals.positive(maxInventory, "maxInventory");
        Decimals.within(minCashRatio, BigDecimal.ZERO, new BigDecimal("0.99"), "minCashRatio");
        Decimals.positive(quoteNotional, "quoteNotional");
        if (bollingerPeriod < 2 || bollingerPeriod > 500) {
            throw new IllegalArgumentException("bollingerPeriod must be between 2 and 500, got " + bollingerPeriod);
        }
        Decimals.positive(bollingerDeviations, "bollingerDeviations");
        Decimals.positive(volatilityBaseline, "volatilityBaseline");
        Decimals.nonNegative(volatilitySensitivity, "volatilitySensitivity");
        Decimals.within(maxSpreadMultiplier, BigDecimal.ONE, BigDecimal.TEN, "maxSpreadMultiplier");
        Decimals.within(skewFactor, BigDecimal.ZERO, BigDecimal.ONE, "skewFactor");
    }
}
