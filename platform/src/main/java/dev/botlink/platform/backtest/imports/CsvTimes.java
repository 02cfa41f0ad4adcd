package dev.botlink.platform.backtest.imports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Times in an imported CSV, as epoch milliseconds: epoch seconds, milliseconds, microseconds or nanoseconds (told
 * apart by magnitude: any date from 1973 to 5138 has a different number of digits in each unit), or ISO-8601 with an
 * offset, or without one (then UTC), with {@code T} or a space between date and time, or a date alone.
 */
final class CsvTimes {

    private static final BigDecimal SECONDS_BELOW = new BigDecimal("1e11");
    private static final BigDecimal MILLIS_BELOW = new BigDecimal("1e14");
    private static final BigDecimal MICROS_BELOW = new BigDecimal("1e17");
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private CsvTimes() {}

    /** Whether the text looks like a time at all (used to tell a header line from data). */
    static boolean isTime(String text) {
        try {
            epochMillis(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Epoch milliseconds (sub-millisecond parts are cut off); a message saying what is wrong otherwise. */
    static long epochMillis(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("the time is empty");
        }
        char first = text.charAt(0);
        if (Character.isDigit(first)
                && text.length() <= 30
                && text.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
            return numeric(text);
        }
        return iso(text);
    }

    private static long numeric(String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("time " + text + " is neither an epoch number nor an ISO-8601 time");
        }
        if (value.compareTo(BigDecimal.ONE) < 0) {
            throw new IllegalArgumentException("time " + text + " is not after 1970");
        }
        BigDecimal millis;
        if (value.compareTo(SECONDS_BELOW) < 0) {
            millis = value.multiply(THOUSAND);
        } else if (value.compareTo(MILLIS_BELOW) < 0) {
            millis = value;
        } else if (value.compareTo(MICROS_BELOW) < 0) {
            millis = value.divide(THOUSAND);
        } else {
            millis = value.divide(MILLION);
        }
        if (millis.compareTo(MILLIS_BELOW) >= 0) {
            throw new IllegalArgumentException("time " + text + " is too far in the future");
        }
        return millis.longValue();
    }

    private static long iso(String text) {
        String t =
                text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant()
                        .toEpochMilli();
            }
            if (t.endsWith("Z") || t.endsWith("z")) {
                return Instant.parse(t.substring(0, t.length() - 1) + 'Z').toEpochMilli();
            }
            if (hasOffset(t)) {
                return OffsetDateTime.parse(t).toInstant().toEpochMilli();
            }
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("time " + text + " is neither an epoch number nor an ISO-8601 time");
        }
    }

    private static boolean hasOffset(String t) {
        int time = t.indexOf('T');
        return time > 0 && (t.indexOf('+', time) > 0 || t.indexOf('-', time) > 0);
    }
}
