package dev.botlink.marketplace.signal;

import java.math.BigDecimal;
import java.util.Objects;

/** {@code mid=}: the price a grid centres its rungs on. */
public record GridAnchor(String source, String symbol, BigDecimal mid) implements Signal {
    public GridAnchor {
        SignalParser.requireRoute(source, symbol);
        Objects.requireNonNull(mid, "mid is missing");
        if (mid.signum() <= 0) {
            throw new InvalidSignalException("mid=" + mid.toPlainString() + " must be a positive price");
        }
    }

    @Override
    public String keyword() {
        return "mid=";
    }
}
