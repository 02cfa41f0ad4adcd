package dev.botlink.platform.marketplace;

import dev.botlink.marketplace.execution.Side;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/**
 * A deployment's own position and cash, from its own fills only: other orders on the same venue account do not
 * move it. Money is in the quote currency and linear (size × price); for inverse contracts this is the USD view of
 * the trades, see docs/marketplace.md. Not thread-safe: one runner thread owns it.
 */
final class OwnBook {
    private BigDecimal position = BigDecimal.ZERO;
    private BigDecimal cost = BigDecimal.ZERO;
    private BigDecimal cash = BigDecimal.ZERO;
    private BigDecimal fees = BigDecimal.ZERO;

    void add(Side side, BigDecimal price, BigDecimal size, BigDecimal fee) {
        BigDecimal signed = side == Side.BUY ? size : size.negate();
        cash = cash.subtract(signed.multiply(price)).subtract(fee);
        fees = fees.add(fee);
        BigDecimal next = position.add(signed);
        if (position.signum() == 0 || position.signum() == signed.signum()) {
            cost = cost.add(signed.multiply(price));
        } else if (next.signum() == 0 || next.signum() == position.signum()) {
            cost = cost.multiply(next).divide(position, MathContext.DECIMAL128);
        } else {
            cost = next.multiply(price);
        }
        position = next;
        if (position.signum() == 0) {
            cost = BigDecimal.ZERO;
        }
    }

    BigDecimal position() {
        return position;
    }

    /** Average entry price; empty when flat. */
    Optional<BigDecimal> entryPrice() {
        return position.signum() == 0
                ? Optional.empty()
                : Optional.of(cost.divide(position, MathContext.DECIMAL64).abs());
    }

    BigDecimal cash() {
        return cash;
    }

    BigDecimal fees() {
        return fees;
    }

    /** Profit so far if the position were valued at {@code mark}. */
    BigDecimal pnl(BigDecimal mark) {
        return cash.add(position.multiply(mark));
    }

    /** Unrealised profit of the open position at {@code mark}. */
    BigDecimal unrealised(BigDecimal mark) {
        return position.multiply(mark).subtract(cost);
    }
}
