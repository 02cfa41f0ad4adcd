package dev.botlink.platform.backtest.imports;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where each field of an imported CSV is: read from its header line under the common spellings of exchanges' and
 * tools' exports (Binance, Bybit, Kraken, ccxt, pandas), or the default order when the file has no header. Other
 * columns are ignored.
 */
final class CsvColumns {

    enum Field {
        TIME(
                true,
                "time",
                "timestamp",
                "ts",
                "t",
                "date",
                "datetime",
                "unix",
                "epoch",
                "tradetime",
                "opentime",
                "starttime",
                "start",
                "bartime",
                "createdat"),
        PRICE(true, "price", "p", "px", "rate", "tradeprice"),
        SIZE(true, "size", "amount", "qty", "quantity", "volume", "vol", "q", "basevolume"),
        SIDE(false, "side", "takerside", "direction", "isbuyermaker", "buyermaker", "m"),
        OPEN(true, "open", "o", "openprice"),
        HIGH(true, "high", "h", "highprice"),
        LOW(true, "low", "l", "lowprice"),
        CLOSE(true, "close", "c", "closeprice"),
        VOLUME(true, "volume", "v", "vol", "basevolume", "size", "amount", "qty", "quantity");

        final boolean required;
        final List<String> names;

        Field(boolean required, String... names) {
            this.required = required;
            this.names = List.of(names);
        }
    }

    static final List<Field> TRADES = List.of(Field.TIME, Field.PRICE, Field.SIZE, Field.SIDE);
    static final List<Field> CANDLES =
            List.of(Field.TIME, Field.OPEN, Field.HIGH, Field.LOW, Field.CLOSE, Field.VOLUME);

    private final Map<Field, Integer> index;
    private final int width;

    private CsvColumns(Map<Field, Integer> index, int width) {
        this.index = index;
        this.width = width;
    }

    static List<Field> fields(ImportKind kind) {
        return kind == ImportKind.TRADES ? TRADES : CANDLES;
    }

    /** The default order: time, price, size[, side] or time, open, high, low, close, volume. */
    static CsvColumns positional(ImportKind kind, int width) {
        Map<Field, Integer> index = new LinkedHashMap<>();
        List<Field> fields = fields(kind);
        for (int i = 0; i < fields.size() && i < width; i++) {
            index.put(fields.get(i), i);
        }
        return checked(kind, index, width, "the first line has no header and too few fields: expected " + names(kind));
    }

    static CsvColumns fromHeader(ImportKind kind, List<String> header) {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            byName.putIfAbsent(normalise(header.get(i)), i);
        }
        Map<Field, Integer> index = new LinkedHashMap<>();
        for (Field field : fields(kind)) {
            for (String name : field.names) {
                Integer at = byName.get(name);
                if (at != null && !index.containsValue(at)) {
                    index.put(field, at);
                    break;
                }
            }
        }
        for (Field field : fields(kind)) {
            if (field.required && !index.containsKey(field)) {
                throw new CsvProblem(
                        1,
                        "no " + field.name().toLowerCase(Locale.ROOT) + " column in the header " + header
                                + " (accepted names: " + String.join(", ", field.names) + ")");
            }
        }
        return new CsvColumns(index, header.size());
    }

    private static CsvColumns checked(ImportKind kind, Map<Field, Integer> index, int width, String problem) {
        for (Field field : fields(kind)) {
            if (field.required && !index.containsKey(field)) {
                throw new CsvProblem(1, problem);
            }
        }
        return new CsvColumns(index, width);
    }

    static String names(ImportKind kind) {
        return kind == ImportKind.TRADES ? "time, price, size[, side]" : "time, open, high, low, close, volume";
    }

    /** Lower case without spaces, underscores, dashes or quotes: "Open Time" and open_time are both opentime. */
    static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-\"'()]", "");
    }

    boolean has(Field field) {
        return index.containsKey(field);
    }

    int width() {
        return width;
    }

    /** The field's text, trimmed and unquoted; empty when the line is too short. */
    String get(List<String> fields, Field field) {
        Integer at = index.get(field);
        return at == null || at >= fields.size() ? "" : fields.get(at);
    }
}
