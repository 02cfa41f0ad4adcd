package dev.botlink.marketplace.signal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Validates the keyword arguments of {@code self.signal(src, sym, **fields)} and builds the {@link Signal}.
 *
 * <p>Exactly one kind per call: {@code size=}, {@code mid=}, {@code quote=} (a number or a
 * {@code [bid, ask]} pair) or {@code bid=} together with {@code ask=}. Numbers may be Java integers,
 * longs, doubles, floats, BigIntegers or BigDecimals; doubles are taken by their shortest decimal form
 * ({@code 0.1} is 0.1, not its binary expansion). NaN, infinities, booleans, strings and None are
 * rejected. Every rejection is an {@link InvalidSignalException} whose message names the problem.
 */
public final class SignalParser {
    private static final Set<String> FIELDS = Set.of("size", "mid", "quote", "bid", "ask");
    private static final String USAGE = "use size=, mid=, quote= or bid= with ask=";

    private SignalParser() {}

    /** The signal the call describes; throws {@link InvalidSignalException} naming the problem. */
    public static Signal parse(String source, String symbol, Map<String, ?> fields) {
        requireRoute(source, symbol);
        Set<String> given = new TreeSet<>(fields.keySet());
        for (String name : given) {
            if (!FIELDS.contains(name)) {
                throw new InvalidSignalException("unknown signal field '" + name + "': " + USAGE);
            }
        }
        if (given.equals(Set.of("size"))) {
            return new TargetPosition(source, symbol, number(fields.get("size"), "size"));
        }
        if (given.equals(Set.of("mid"))) {
            return new GridAnchor(source, symbol, number(fields.get("mid"), "mid"));
        }
        if (given.equals(Set.of("quote"))) {
            return quote(source, symbol, fields.get("quote"));
        }
        if (given.equals(Set.of("bid", "ask"))) {
            return new FairValue(source, symbol, number(fields.get("bid"), "bid"), number(fields.get("ask"), "ask"));
        }
        if (given.isEmpty()) {
            throw new InvalidSignalException("signal has no value: " + USAGE);
        }
        if (given.equals(Set.of("bid")) || given.equals(Set.of("ask"))) {
            throw new InvalidSignalException(given.iterator().next() + "= needs both bid= and ask=, or use quote=");
        }
        throw new InvalidSignalException("signal mixes " + given + ": give one kind per call, " + USAGE);
    }

    static void requireRoute(String source, String symbol) {
        if (source == null || source.isBlank()) {
            throw new InvalidSignalException("signal source (src) is missing, e.g. 'bitmex'");
        }
        if (symbol == null || symbol.isBlank()) {
            throw new InvalidSignalException("signal symbol (sym) is missing, e.g. 'XBTUSD'");
        }
    }

    private static FairValue quote(String source, String symbol, Object value) {
        if (value instanceof List<?> pair) {
            if (pair.size() != 2) {
                throw new InvalidSignalException(
                        "quote= takes one price or a [bid, ask] pair, got a list of " + pair.size());
            }
            return new FairValue(source, symbol, number(pair.get(0), "quote bid"), number(pair.get(1), "quote ask"));
        }
        return FairValue.of(source, symbol, number(value, "quote"));
    }

    /** The value as a BigDecimal, rejecting anything that is not a finite number. */
    static BigDecimal number(Object value, String name) {
        return switch (value) {
            case null -> throw new InvalidSignalException(name + "= has no value (None)");
            case BigDecimal decimal -> decimal;
            case BigInteger integer -> new BigDecimal(integer);
            case Integer i -> BigDecimal.valueOf(i);
            case Long l -> BigDecimal.valueOf(l);
            case Short s -> BigDecimal.valueOf(s);
            case Byte b -> BigDecimal.valueOf(b);
            case Double d -> finite(d, name);
            case Float f -> {
                finite(f.doubleValue(), name);
                // Float's own shortest form, so 0.1f is 0.1 rather than 0.100000001490116...
                yield new BigDecimal(Float.toString(f));
            }
            default ->
                throw new InvalidSignalException(name + "= must be a number, got " + typeName(value) + " " + value);
        };
    }

    private static BigDecimal finite(double value, String name) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new InvalidSignalException(name + "= is " + value + ": give a finite number");
        }
        return BigDecimal.valueOf(value);
    }

    private static String typeName(Object value) {
        return switch (value) {
            case String ignored -> "text";
            case Boolean ignored -> "boolean";
            default -> value.getClass().getSimpleName();
        };
    }
}
