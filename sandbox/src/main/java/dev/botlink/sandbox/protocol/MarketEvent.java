package dev.botlink.sandbox.protocol;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * One quote or trade in the compact form carried by {@link MarketBatch} frames. Only events whose data has
 * exactly ProfitView's shape fit: a quote {@code {bid: [price, size], ask: [price, size], time}} or a trade
 * {@code {side, price, size, time}}; anything else travels as a JSON event frame.
 *
 * <p>Each number is kept as the value a bot would have got from the JSON encoding: integers ({@code Long},
 * {@code Integer}, a {@code BigDecimal} of scale 0) stay integers, everything else becomes the correctly rounded
 * double of its decimal text, exactly as Python's {@code json.loads} would read it.
 *
 * @param kind {@link #QUOTE} or {@link #TRADE}
 * @param side the trade's side, {@code null} for quotes
 * @param numbers raw bits of bid price, bid size, ask price, ask size (quote) or price, size (trade): a double's
 *     bits, or the long itself where {@code integers} has the number's bit set
 * @param integers bit k set: number k is an integer
 * @param time milliseconds since the epoch
 */
public record MarketEvent(byte kind, String src, String sym, String side, long[] numbers, int integers, long time) {
    public static final byte QUOTE = 0;
    public static final byte TRADE = 1;

    /** Names longer than this, or containing NUL, travel as JSON. */
    static final int MAX_NAME_CHARS = 256;

    /** The compact form of an event, or {@code null} if it must travel as a JSON event frame. */
    public static MarketEvent of(String kind, String src, String sym, Map<String, Object> data) {
        if (!name(src) || !name(sym) || data == null) {
            return null;
        }
        try {
            return switch (kind) {
                case "quote" -> quote(src, sym, data);
                case "trade" -> trade(src, sym, data);
                default -> null;
            };
        } catch (NotCompact e) {
            return null;
        }
    }

    public String callbackName() {
        return kind == QUOTE ? "quote_update" : "trade_update";
    }

    private static MarketEvent quote(String src, String sym, Map<String, Object> data) {
        if (data.size() != 3) {
            return null;
        }
        long[] numbers = new long[4];
        int integers = pair(data.get("bid"), numbers, 0) | pair(data.get("ask"), numbers, 2);
        return new MarketEvent(QUOTE, src, sym, null, numbers, integers, time(data.get("time")));
    }

    private static MarketEvent trade(String src, String sym, Map<String, Object> data) {
        if (data.size() != 4 || !(data.get("side") instanceof String side) || !name(side)) {
            return null;
        }
        long[] numbers = new long[4];
        int integers = number(data.get("price"), numbers, 0) | number(data.get("size"), numbers, 1);
        return new MarketEvent(TRADE, src, sym, side, numbers, integers, time(data.get("time")));
    }

    private static int pair(Object value, long[] numbers, int at) {
        if (!(value instanceof List<?> list) || list.size() != 2) {
            throw new NotCompact();
        }
        return number(list.get(0), numbers, at) | number(list.get(1), numbers, at + 1);
    }

    /** Stores one number; returns its bit in {@code integers} (0 for a double). */
    private static int number(Object value, long[] numbers, int at) {
        switch (value) {
            case Double d -> numbers[at] = Double.doubleToRawLongBits(d);
            case Float f -> numbers[at] = Double.doubleToRawLongBits(Double.parseDouble(Float.toString(f)));
            case Long l -> {
                numbers[at] = l;
                return 1 << at;
            }
            case Integer i -> {
                numbers[at] = i;
                return 1 << at;
            }
            case BigDecimal b
            when b.scale() == 0 -> {
                numbers[at] = exactLong(b.unscaledValue());
                return 1 << at;
            }
            case BigDecimal b -> numbers[at] = Double.doubleToRawLongBits(b.doubleValue());
            case BigInteger b -> {
                numbers[at] = exactLong(b);
                return 1 << at;
            }
            case null, default -> throw new NotCompact();
        }
        return 0;
    }

    private static long exactLong(BigInteger value) {
        if (value.bitLength() > 63) {
            throw new NotCompact();
        }
        return value.longValue();
    }

    private static long time(Object value) {
        return switch (value) {
            case Long l -> l;
            case Integer i -> i;
            case null, default -> throw new NotCompact();
        };
    }

    private static boolean name(String value) {
        return value != null && value.length() <= MAX_NAME_CHARS && value.indexOf('\0') < 0;
    }

    private static final class NotCompact extends RuntimeException {
        NotCompact() {
            super(null, null, false, false);
        }
    }
}
