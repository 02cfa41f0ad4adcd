package dev.botlink.sandbox.lib.talib;

import java.util.List;

/**
 * One keyword parameter of a TA-Lib function, named as in TA-Lib's Python wrapper ({@code timeperiod},
 * {@code nbdevup}, {@code matype}...).
 *
 * @param name the Python keyword
 * @param integer whether TA-Lib takes it as an integer (whole numbers only)
 * @param defaultValue TA-Lib's default, used when the caller leaves the option out
 * @param min smallest accepted value
 * @param max largest accepted value
 * @param allowed the only accepted values when TA-Lib lists them (moving-average types), else empty
 */
public record TalibOption(
        String name, boolean integer, double defaultValue, double min, double max, List<Double> allowed) {

    /** Checks a caller's value and returns it; throws {@link IllegalArgumentException} saying what is accepted. */
    double validate(String function, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(function + ": " + name + " must be a finite number, got " + value);
        }
        if (integer && value != Math.rint(value)) {
            throw new IllegalArgumentException(function + ": " + name + " must be a whole number, got " + value);
        }
        if (!allowed.isEmpty() && !allowed.contains(value)) {
            throw new IllegalArgumentException(
                    function + ": " + name + " must be one of " + describeAllowed() + ", got " + format(value));
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(function + ": " + name + " must be between " + format(min) + " and "
                    + format(max) + ", got " + format(value));
        }
        return value;
    }

    private String describeAllowed() {
        return allowed.stream().map(this::format).toList().toString();
    }

    private String format(double value) {
        return integer ? Long.toString((long) value) : Double.toString(value);
    }
}
