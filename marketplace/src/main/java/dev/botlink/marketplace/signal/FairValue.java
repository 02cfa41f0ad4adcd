package dev.botlink.marketplace.signal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * {@code quote=}, {@code quote=[bid, ask]} or {@code bid=, ask=}: the fair value a market maker quotes
 * around. A single value has {@code bid == ask}; a pair also sets the narrowest spread to quote.
 */
public record FairValue(String source, String symbol, BigDecimal bid, BigDecimal ask) implements Signal {
    public FairValue {
        SignalParser.requireRoute(source, symbol);
        Objects.requireNonNull(bid, "bid is missing");
        Objects.requireNonNull(ask, "ask is missing");
        if (bid.signum() <= 0 || ask.signum() <= 0) {
            throw new InvalidSignalException(
                    "quote prices must be positive, got bid=" + bid.toPlainString() + " ask=" + ask.toPlainString());
        }
        if (bid.compareTo(ask) > 0) {
            throw new InvalidSignalException("bid=" + bid.toPlainString() + " is above ask=" + ask.toPlainString()
                    + ": give [bid, ask] with bid <= ask");
        }
    }

    /** A single fair value. */
    public static FairValue of(String source, String symbol, BigDecimal value) {
        return new FairValue(source, symbol, value, value);
    }

    /** The middle of bid and ask. */
    public BigDecimal mid() {
        int scale = Math.max(bid.scale(), ask.scale()) + 1;
        return bid.add(ask).divide(BigDecimal.TWO, scale, RoundingMode.HALF_EVEN);
    }

    /** Half the distance between bid and ask: zero for a single value. */
    public BigDecimal halfWidth() {
        int scale = Math.max(bid.scale(), ask.scale()) + 1;
        return ask.subtract(bid).divide(BigDecimal.TWO, scale, RoundingMode.HALF_EVEN);
    }

    @Override
    public String keyword() {
        return "quote=";
    }
}
