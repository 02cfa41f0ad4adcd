package dev.botlink.platform.venue;

import java.math.BigDecimal;

/**
 * Turns numbers arriving from bots (Python floats and ints, or strings from webhooks) into exact decimals. A float
 * becomes the shortest decimal that reads back as the same float ({@code 0.1 -> 0.1}), so nothing is rounded on the
 * way in; NaN and infinities are refused.
 */
public final class LinkNumbers {

    private LinkNumbers() {}

    /**
     * @throws VenueRejection {@link Rejection#MISSING_ARGUMENT} for null, {@link Rejection#NOT_A_NUMBER} for NaN,
     *     infinities and text that is not a number
     */
    public static BigDecimal decimal(String name, Object value) {
        if (value == null) {
            throw new VenueRejection(Rejection.MISSING_ARGUMENT, name + " is required");
        }
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (!Double.isFinite(number)) {
                throw new VenueRejection(Rejection.NOT_A_NUMBER, name + " must be a finite number, got " + number);
            }
            return BigDecimal.valueOf(number);
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        try {
            return new BigDecimal(value.toString().trim());
        } catch (NumberFormatException notANumber) {
            throw new VenueRejection(Rejection.NOT_A_NUMBER, name + " must be a number, got '" + value + "'");
        }
    }

    /** Like {@link #decimal} but null stays null. */
    public static BigDecimal optionalDecimal(String name, Object value) {
        return value == null ? null : decimal(name, value);
    }
}
