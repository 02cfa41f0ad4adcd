package dev.botlink.marketplace.execution;

import java.math.BigDecimal;
import java.util.Objects;

/** A resting limit order a bot wants on the book, already rounded to the instrument's tick and lot. */
public record DesiredOrder(Side side, BigDecimal price, BigDecimal size) {
    public DesiredOrder {
        Objects.requireNonNull(side, "side is missing");
        Decimals.positive(price, "price");
        Decimals.positive(size, "size");
    }
}
