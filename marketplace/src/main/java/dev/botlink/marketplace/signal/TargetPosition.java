package dev.botlink.marketplace.signal;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * {@code size=}: the position to hold as a fraction of the bot's maximum position, from -1 (fully short)
 * through 0 (flat) to 1 (fully long).
 */
public record TargetPosition(String source, String symbol, BigDecimal size) implements Signal {
    public TargetPosition {
        SignalParser.requireRoute(source, symbol);
        Objects.requireNonNull(size, "size is missing");
        if (size.abs().compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidSignalException(
                    "size=" + size.toPlainString() + " is out of range: use a fraction between -1 and 1");
        }
    }

    @Override
    public String keyword() {
        return "size=";
    }
}
