package dev.botlink.marketplace.execution;

import java.math.BigDecimal;
import java.util.Objects;

/** Checks for the money and size values that enter the domain. */
public final class Decimals {
    private Decimals() {}

    /** Returns {@code value} if it is positive, or throws naming the field. */
    public static BigDecimal positive(BigDecimal value, String name) {
        Objects.requireNonNull(value, name + " is missing");
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value.toPlainString());
        }
        return value;
    }

    /** Returns {@code value} if it is zero or positive, or throws naming the field. */
    public static BigDecimal nonNegative(BigDecimal value, String name) {
        Objects.requireNonNull(value, name + " is missing");
        if (value.signum() < 0) {
            throw new IllegalArgumentException(name + " must not be negative, got " + value.toPlainString());
        }
        return value;
    }

    /** Returns {@code value} if it lies in [min, max], or throws naming the field. */
    public static BigDecimal within(BigDecimal value, BigDecimal min, BigDecimal max, String name) {
        Objects.requireNonNull(value, name + " is missing");
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " must be between " + min.toPlainString() + " and "
                    + max.toPlainString() + ", got " + value.toPlainString());
        }
        return value;
    }

    /** The smaller of two values. */
    public static BigDecimal min(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** The larger of two values. */
    public static BigDecimal max(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
