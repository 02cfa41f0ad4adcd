package dev.botlink.marketplace.position;

import dev.botlink.marketplace.execution.Decimals;
import dev.botlink.marketplace.parameter.BotParameters;
import dev.botlink.marketplace.parameter.ParameterSchema;
import dev.botlink.marketplace.parameter.ParameterSpec;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Parameters of a Position bot.
 *
 * @param maxPosition position size (in contracts or base units) that a signal of {@code size=1} means
 * @param orderType limit orders at the touch, or market orders
 * @param maxOrderSize largest single order; a larger move is made in steps of at most this size
 * @param stopLoss optional adverse move from the entry price, as a fraction (0.02 = 2%), that flattens the
 *     position with a market order
 * @param takeProfit optional favourable move from the entry price, as a fraction, that flattens the
 *     position with a market order
 */
public record PositionParameters(
        BigDecimal maxPosition,
        OrderType orderType,
        BigDecimal maxOrderSize,
        Optional<BigDecimal> stopLoss,
        Optional<BigDecimal> takeProfit) {

    /** The parameters users set when creating a Position bot. */
    public static final ParameterSchema SCHEMA = new ParameterSchema(
            "Position",
            List.of(
                    ParameterSpec.decimal(
                            "maxPosition",
                            "Position size that size=1 means (contracts or base units)",
                            "0.00000001",
                            "1000000000",
                            "1"),
                    ParameterSpec.choice(
                            "orderType",
                            "LIMIT: rest at the best bid/ask; MARKET: take liquidity",
                            List.of("LIMIT", "MARKET"),
                            "LIMIT"),
                    ParameterSpec.decimal(
                            "maxOrderSize",
                            "Largest single order; bigger moves are made in steps",
                            "0.00000001",
                            "1000000000",
                            "1"),
                    ParameterSpec.optionalDecimal(
                            "stopLoss",
                            "Adverse move from entry (0.02 = 2%) that flattens the position",
                            "0.0001",
                            "1"),
                    ParameterSpec.optionalDecimal(
                            "takeProfit",
                            "Favourable move from entry (0.04 = 4%) that flattens the position",
                            "0.0001",
                            "10")));

    /** Typed parameters from values validated against {@link #SCHEMA}. */
    public static PositionParameters from(BotParameters values) {
        return new PositionParameters(
                values.decimal("maxPosition"),
                OrderType.valueOf(values.choice("orderType")),
                values.decimal("maxOrderSize"),
                values.optionalDecimal("stopLoss"),
                values.optionalDecimal("takeProfit"));
    }

    public PositionParameters {
        Decimals.positive(maxPosition, "maxPosition");
        Objects.requireNonNull(orderType, "orderType is missing");
        Decimals.positive(maxOrderSize, "maxOrderSize");
        Objects.requireNonNull(stopLoss, "stopLoss is missing (use Optional.empty() for none)");
        Objects.requireNonNull(takeProfit, "takeProfit is missing (use Optional.empty() for none)");
        stopLoss.ifPresent(v -> Decimals.within(v, new BigDecimal("0.0001"), BigDecimal.ONE, "stopLoss"));
        takeProfit.ifPresent(v -> Decimals.within(v, new BigDecimal("0.0001"), BigDecimal.TEN, "takeProfit"));
    }
}
