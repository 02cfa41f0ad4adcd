package dev.botlink.marketplace.execution;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The traded instrument: its symbol, price tick and size lot.
 *
 * <p>Rounding is explicit and one-directional so a bot never pays more or risks more than it asked for:
 * bid prices round down to the tick, ask prices round up, sizes round down to the lot. A size that rounds
 * to zero lots is not sent at all.
 */
public record Instrument(String symbol, BigDecimal tickSize, BigDecimal lotSize) {
    public Instrument {
        Objects.requireNonNull(symbol, "symbol is missing");
        if (symbol.isBlank()) {
            throw new IllegalArgumentException("symbol must not be blank");
        }
        Decimals.positive(tickSize, "tickSize");
        Decimals.positive(lotSize, "lotSize");
    }

    /** The price rounded for the given side: down to the tick for a buy, up for a sell. */
    public BigDecimal roundPrice(BigDecimal price, Side side) {
        return roundToStep(price, tickSize, side == Side.BUY ? RoundingMode.FLOOR : RoundingMode.CEILING);
    }

    /** The size rounded down to a whole number of lots (towards zero for negative sizes). */
    public BigDecimal roundSizeDown(BigDecimal size) {
        return roundToStep(size, lotSize, RoundingMode.DOWN);
    }

    /** Whether {@code size} is at least one lot. */
    public boolean isTradable(BigDecimal size) {
        return size.abs().compareTo(lotSize) >= 0;
    }

    private static BigDecimal roundToStep(BigDecimal value, BigDecimal step, RoundingMode mode) {
        BigDecimal steps = value.divide(step, 0, mode);
        return steps.multiply(step);
    }
}
