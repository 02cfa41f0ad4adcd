package dev.botlink.marketplace.parameter;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Converts raw parameter input (text from a form, or JSON numbers and booleans) to typed values. */
final class ParameterValues {
    private ParameterValues() {}

    static Object parse(
            Object raw,
            ParameterType type,
            String name,
            Optional<BigDecimal> min,
            Optional<BigDecimal> max,
            List<String> choices) {
        if (raw == null) {
            throw new IllegalArgumentException(name + " has no value");
        }
        return switch (type) {
            case DECIMAL -> bounded(decimal(raw, name), name, min, max);
            case INTEGER -> integer(bounded(decimal(raw, name), name, min, max), name);
            case BOOLEAN -> bool(raw, name);
            case CHOICE -> choice(raw, name, choices);
        };
    }

    private static BigDecimal decimal(Object raw, String name) {
        return switch (raw) {
            case BigDecimal decimal -> decimal;
            case BigInteger integer -> new BigDecimal(integer);
            case Integer i -> BigDecimal.valueOf(i);
            case Long l -> BigDecimal.valueOf(l);
            case Double d when Double.isFinite(d) -> BigDecimal.valueOf(d);
            case Double d -> throw new IllegalArgumentException(name + " is " + d + ": give a finite number");
            case String text -> fromText(text.strip(), name);
            default -> throw new IllegalArgumentException(name + " must be a number, got " + raw);
        };
    }

    private static BigDecimal fromText(String text, String name) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, got '" + text + "'");
        }
    }

    private static BigDecimal bounded(
            BigDecimal value, String name, Optional<BigDecimal> min, Optional<BigDecimal> max) {
        if (min.isPresent() && value.compareTo(min.get()) < 0 || max.isPresent() && value.compareTo(max.get()) > 0) {
            throw new IllegalArgumentException(name + " must be between "
                    + min.map(BigDecimal::toPlainString).orElse("-∞") + " and "
                    + max.map(BigDecimal::toPlainString).orElse("∞") + ", got " + value.toPlainString());
        }
        return value;
    }

    private static Long integer(BigDecimal value, String name) {
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got " + value.toPlainString());
        }
    }

    private static Boolean bool(Object raw, String name) {
        return switch (raw) {
            case Boolean b -> b;
            case String text when text.strip().equalsIgnoreCase("true") -> true;
            case String text when text.strip().equalsIgnoreCase("false") -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, got " + raw);
        };
    }

    private static String choice(Object raw, String name, List<String> choices) {
        String text = raw.toString().strip().toUpperCase(Locale.ROOT);
        if (!choices.contains(text)) {
            throw new IllegalArgumentException(name + " must be one of " + choices + ", got '" + raw + "'");
        }
        return text;
    }
}
