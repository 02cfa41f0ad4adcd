package dev.botlink.marketplace.metrics;

import dev.botlink.marketplace.execution.Decimals;
import dev.botlink.marketplace.execution.Side;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One execution of a bot's order.
 *
 * @param timeMillis epoch milliseconds of the fill
 * @param side buy or sell
 * @param price fill price
 * @param size filled size, positive
 * @param fee fee paid in quote currency (negative for a rebate)
 */
public record Fill(long timeMillis, Side side, BigDecimal price, BigDecimal size, BigDecimal fee) {
    public Fill {
        Objects.requireNonNull(side, "side is missing");
        Decimals.positive(price, "price");
        Decimals.positive(size, "size");
        Objects.requireNonNull(fee, "fee is missing");
    }

    /** The size signed by side: positive for a buy. */
    public BigDecimal signedSize() {
        return side == Side.BUY ? size : size.negate();
    }
}
