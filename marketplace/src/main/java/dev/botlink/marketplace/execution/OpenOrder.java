package dev.botlink.marketplace.execution;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A resting limit order of this bot on the venue.
 *
 * @param orderId the venue's (or platform's) id for the order, used to cancel or amend it
 * @param side buy or sell
 * @param price limit price
 * @param remainingSize size still open, after any partial fills
 */
public record OpenOrder(String orderId, Side side, BigDecimal price, BigDecimal remainingSize) {
    public OpenOrder {
        Objects.requireNonNull(orderId, "orderId is missing");
        Objects.requireNonNull(side, "side is missing");
        Decimals.positive(price, "price");
        Decimals.positive(remainingSize, "remainingSize");
    }
}
