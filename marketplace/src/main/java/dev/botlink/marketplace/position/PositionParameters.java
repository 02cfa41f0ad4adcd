package dev.botlink.marketplace.position;

import dev.botlink.marketplace.execution.Decimals;
import java.math.BigDecimal;
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
