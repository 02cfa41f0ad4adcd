package dev.botlink.marketplace.marketmaker;

import dev.botlink.marketplace.execution.Decimals;
import dev.botlink.marketplace.parameter.BotParameters;
import dev.botlink.marketplace.parameter.ParameterSchema;
import dev.botlink.marketplace.parameter.ParameterSpec;
import java.math.BigDecimal;
import java.util.List;

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

    /** The parameters users set when creating a Market Maker bot; defaults are {@link #DEFAULTS}. */
    public static final ParameterSchema SCHEMA = new ParameterSchema(
            "Market Maker",
            List.of(
                    ParameterSpec.decimal(
                            "halfSpread", "Half the spread as a fraction of fair value", "0.00001", "0.2", "0.0015"),
                    ParameterSpec.integer(
                            "quoteIntervalMillis", "How often quotes are recomputed (ms)", 100, 3_600_000, 500),
                    ParameterSpec.decimal("maxInventory", "Largest absolute position", "0.00000001", "1000000000", "1"),
                    ParameterSpec.decimal(
                            "minCashRatio", "Share of the balance never committed to bids", "0", "0.99", "0.10"),
                    ParameterSpec.decimal(
                            "quoteNotional",
                            "Value of each quote in quote currency",
                            "0.00000001",
                            "1000000000",
                            "500"),
                    ParameterSpec.integer("bollingerPeriod", "Closes in the volatility measure", 2, 500, 20),
                    ParameterSpec.decimal(
                            "bollingerDeviations", "Standard deviations of the Bollinger bands", "0.1", "10", "2"),
                    ParameterSpec.decimal(
                            "volatilityBaseline",
                            "Bollinger width below which the spread is not widened",
                            "0.0001",
                            "10",
                            "0.01"),
                    ParameterSpec.decimal(
                            "volatilitySensitivity",
                            "How fast the spread widens above the baseline",
                            "0",
                            "100",
                            "0.5"),
                    ParameterSpec.decimal("maxSpreadMultiplier", "Cap on the volatility multiplier", "1", "10", "3"),
                    ParameterSpec.decimal("skewFactor", "How far inventory shifts the quotes", "0", "1", "0.5")));

    /** Typed parameters from values validated against {@link #SCHEMA}. */
    public static MarketMakerParameters from(BotParameters values) {
        return new MarketMakerParameters(
                values.decimal("halfSpread"),
                values.integer("quoteIntervalMillis"),
                values.decimal("maxInventory"),
                values.decimal("minCashRatio"),
                values.decimal("quoteNotional"),
                Math.toIntExact(values.integer("bollingerPeriod")),
                values.decimal("bollingerDeviations"),
                values.decimal("volatilityBaseline"),
                values.decimal("volatilitySensitivity"),
                values.decimal("maxSpreadMultiplier"),
                values.decimal("skewFactor"));
    }

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
