package dev.botlink.platform.backtest.imports;

import dev.botlink.platform.backtest.imports.CsvColumns.Field;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * Reads an imported trades or candles CSV, checks every row and writes it in one normal form (see
 * {@link ImportedData}). The first line is a header unless it already reads as data; fields are separated by commas,
 * semicolons or tabs (whichever the first line uses). A row that cannot be used stops the import with its line number:
 * a bad number, NaN or infinity, a non-positive price or size, a candle whose high or low does not contain its open and
 * close, a time before the previous row's (trades may share a time; candles may not).
 */
public final class CsvImportParser {

    /** Longest field accepted: no price, size or time needs more. */
    static final int MAX_FIELD_CHARS = 40;

    /** Largest price or size accepted, and most digits after the point: far beyond any market, well inside a long. */
    static final BigDecimal MAX_NUMBER = new BigDecimal("1e15");

    static final int MAX_SCALE = 18;

    private final int maxRows;

    public CsvImportParser(int maxRows) {
        this.maxRows = maxRows;
    }

    public ImportedData parse(ImportKind kind, Reader source) {
        try (BufferedReader reader = new BufferedReader(source)) {
            return read(kind, reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CSV", e);
        }
    }

    private ImportedData read(ImportKind kind, BufferedReader reader) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Rows rows = new Rows(kind);
        try (Writer out = new OutputStreamWriter(new GZIPOutputStream(bytes), StandardCharsets.UTF_8)) {
            CsvColumns columns = null;
            char separator = ',';
            long lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                if (columns == null) {
                    separator = separator(line);
                    List<String> first = split(line, separator);
                    if (looksLikeData(kind, first)) {
                        columns = CsvColumns.positional(kind, first.size());
                    } else {
                        columns = CsvColumns.fromHeader(kind, first);
                        continue;
                    }
                }
                if (rows.count == maxRows) {
                    throw new CsvProblem(
                            lineNumber,
                            "more than " + maxRows + " rows: split the file or import a" + " shorter period");
                }
                out.write(rows.add(lineNumber, columns, split(line, separator)));
            }
        }
        if (rows.count < 2) {
            throw new CsvProblem(
                    1, "the CSV needs at least two rows of " + CsvColumns.names(kind) + "; it has " + rows.count);
        }
        return new ImportedData(kind, rows.count, rows.first, rows.last, rows.barMillis(), bytes.toByteArray());
    }

    private static char separator(String line) {
        if (line.indexOf(',') >= 0) {
            return ',';
        }
        if (line.indexOf(';') >= 0) {
            return ';';
        }
        return line.indexOf('\t') >= 0 ? '\t' : ',';
    }

    static List<String> split(String line, char separator) {
        List<String> fields = new ArrayList<>();
        int start = 0;
        while (true) {
            int end = line.indexOf(separator, start);
            String field = (end < 0 ? line.substring(start) : line.substring(start, end)).trim();
            if (field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")) {
                field = field.substring(1, field.length() - 1).trim();
            }
            fields.add(field);
            if (end < 0) {
                return fields;
            }
            start = end + 1;
        }
    }

    private static boolean looksLikeData(ImportKind kind, List<String> fields) {
        if (fields.size() < CsvColumns.fields(kind).size() - (kind == ImportKind.TRADES ? 1 : 0)
                || !CsvTimes.isTime(fields.getFirst())) {
            return false;
        }
        for (int i = 1; i < Math.min(fields.size(), kind == ImportKind.TRADES ? 3 : 6); i++) {
            try {
                new BigDecimal(fields.get(i));
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    /** The rows read so far: count, first and last time, the smallest gap between candles. */
    private static final class Rows {
        private final ImportKind kind;
        private int count;
        private long first;
        private long last;
        private long smallestGap = Long.MAX_VALUE;
        private long lastLine;

        Rows(ImportKind kind) {
            this.kind = kind;
        }

        String add(long line, CsvColumns columns, List<String> fields) {
            long time = time(line, columns.get(fields, Field.TIME));
            if (count > 0 && time < last) {
                throw new CsvProblem(
                        line,
                        "time " + columns.get(fields, Field.TIME) + " is before line " + lastLine
                                + "'s: rows must be in ascending time");
            }
            if (count > 0 && time == last && kind == ImportKind.CANDLES) {
                throw new CsvProblem(
                        line,
                        "a second candle at " + columns.get(fields, Field.TIME) + " (line " + lastLine
                                + " has that time too)");
            }
            String row = kind == ImportKind.TRADES
                    ? trade(line, columns, fields, time)
                    : candle(line, columns, fields, time);
            if (count == 0) {
                first = time;
            } else {
                smallestGap = Math.min(smallestGap, time - last);
            }
            last = time;
            lastLine = line;
            count++;
            return row;
        }

        long barMillis() {
            return kind == ImportKind.TRADES ? 0 : smallestGap;
        }

        private static String trade(long line, CsvColumns columns, List<String> fields, long time) {
            BigDecimal price = positive(line, "price", columns.get(fields, Field.PRICE));
            BigDecimal size = positive(line, "size", columns.get(fields, Field.SIZE));
            String side = columns.has(Field.SIDE) ? side(line, columns.get(fields, Field.SIDE)) : "";
            return ImportedData.tradeRow(time, price, size, side);
        }

        private static String candle(long line, CsvColumns columns, List<String> fields, long time) {
            BigDecimal open = positive(line, "open", columns.get(fields, Field.OPEN));
            BigDecimal high = positive(line, "high", columns.get(fields, Field.HIGH));
            BigDecimal low = positive(line, "low", columns.get(fields, Field.LOW));
            BigDecimal close = positive(line, "close", columns.get(fields, Field.CLOSE));
            BigDecimal volume = number(line, "volume", columns.get(fields, Field.VOLUME));
            if (volume.signum() < 0) {
                throw new CsvProblem(line, "volume " + volume + " is negative");
            }
            if (high.compareTo(open.max(close).max(low)) < 0) {
                throw new CsvProblem(line, "high " + high + " is below the candle's open, close or low");
            }
            if (low.compareTo(open.min(close)) > 0) {
                throw new CsvProblem(line, "low " + low + " is above the candle's open or close");
            }
            return ImportedData.candleRow(time, open, high, low, close, volume);
        }

        private static long time(long line, String text) {
            try {
                return CsvTimes.epochMillis(text);
            } catch (IllegalArgumentException e) {
                throw new CsvProblem(line, e.getMessage());
            }
        }

        private static BigDecimal positive(long line, String name, String text) {
            BigDecimal value = number(line, name, text);
            if (value.signum() <= 0) {
                throw new CsvProblem(line, name + " " + text + (value.signum() < 0 ? " is negative" : " is zero"));
            }
            return value;
        }

        private static BigDecimal number(long line, String name, String text) {
            if (text.isEmpty()) {
                throw new CsvProblem(line, "the " + name + " is missing");
            }
            if (text.length() > MAX_FIELD_CHARS) {
                throw new CsvProblem(line, name + " has more than " + MAX_FIELD_CHARS + " characters");
            }
            BigDecimal value;
            try {
                value = new BigDecimal(text).stripTrailingZeros();
            } catch (NumberFormatException e) {
                throw new CsvProblem(line, name + " " + text + " is not a number");
            }
            if (value.abs().compareTo(MAX_NUMBER) > 0 || value.scale() > MAX_SCALE) {
                throw new CsvProblem(
                        line,
                        name + " " + text + " is out of range (at most " + MAX_NUMBER.toPlainString() + ", at most "
                                + MAX_SCALE + " digits after the point)");
            }
            return value;
        }

        private static String side(long line, String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "" -> "";
                case "buy", "b", "bid" -> "Buy";
                case "sell", "s", "ask" -> "Sell";
                // Binance's isBuyerMaker: a buyer who made the book means the taker sold.
                case "true" -> "Sell";
                case "false" -> "Buy";
                default -> throw new CsvProblem(line, "side " + text + " is neither buy nor sell");
            };
        }
    }
}
