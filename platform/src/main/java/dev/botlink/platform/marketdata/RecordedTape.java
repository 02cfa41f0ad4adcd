package dev.botlink.platform.marketdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Real recorded trades from {@code org.ta4j:ta4j-examples}, as offsets from the recording's first trade.
 *
 * <ul>
 *   <li>{@link #bitstampBtcUsd()}: the Bitstamp BTC/USD trades from 2013-11-25 (about 100,000 over 6.7 days).
 *       Timestamps are whole seconds; trades sharing a second are spread evenly across it.
 *   <li>{@link #binanceEthUsd5m()}: ETH-USD 5-minute bars of 2023-03-13/15, each turned into 20 trades walking
 *       open, then the nearer extreme, the other extreme and close (a rising bar visits its low first), with the
 *       bar's volume split evenly.
 * </ul>
 */
public final class RecordedTape {

    /** Trades made from each recorded bar. */
    public static final int TRADES_PER_BAR = 20;

    private static final String BITSTAMP = "/bitstamp_trades_from_20131125_usd.csv";
    private static final String ETH_BARS = "/ETH-USD-PT5M-2023-3-13_2023-3-15.json";
    private static final long BAR_MILLIS = 300_000L;

    private final String name;
    private final List<TapeTrade> trades;

    RecordedTape(String name, List<TapeTrade> trades) {
        if (trades.size() < 2) {
            throw new IllegalArgumentException(name + ": a tape needs at least two trades");
        }
        this.name = name;
        this.trades = List.copyOf(trades);
    }

    public String name() {
        return name;
    }

    /** Trades with {@code time} as offset (ms) from the first one, which is at 0. */
    public List<TapeTrade> trades() {
        return trades;
    }

    /** Offset of the last trade. */
    public long duration() {
        return trades.getLast().time();
    }

    public static RecordedTape bitstampBtcUsd() {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = reader(BITSTAMP)) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.split(","));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BITSTAMP, e);
        }
        long first = Long.parseLong(rows.getFirst()[0]);
        List<TapeTrade> trades = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); ) {
            long second = Long.parseLong(rows.get(i)[0]);
            int end = i;
            while (end < rows.size() && Long.parseLong(rows.get(end)[0]) == second) {
                end++;
            }
            int count = end - i;
            for (int k = 0; k < count; k++) {
                String[] row = rows.get(i + k);
                long offset = (second - first) * 1000 + (long) k * 1000 / count;
                trades.add(new TapeTrade(offset, decimal(row[1]), decimal(row[2]), null));
            }
            i = end;
        }
        return new RecordedTape("bitstamp BTC/USD trades 2013-11-25", trades);
    }

    public static RecordedTape binanceEthUsd5m() {
        JsonNode bars;
        try (InputStream in = stream(ETH_BARS)) {
            bars = new ObjectMapper().readTree(in).get("ohlc");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ETH_BARS, e);
        }
        List<TapeTrade> trades = new ArrayList<>();
        long first = bars.get(0).get("endTime").asLong() + 1 - BAR_MILLIS;
        for (JsonNode bar : bars) {
            long start = bar.get("endTime").asLong() + 1 - BAR_MILLIS - first;
            addBarTrades(trades, start, bar);
        }
        return new RecordedTape("ETH-USD 5m bars 2023-03-13", trades);
    }

    private static void addBarTrades(List<TapeTrade> trades, long start, JsonNode bar) {
        trades.addAll(barTrades(
                start,
                BAR_MILLIS,
                decimal(bar.get("openPrice").asText()),
                decimal(bar.get("highPrice").asText()),
                decimal(bar.get("lowPrice").asText()),
                decimal(bar.get("closePrice").asText()),
                decimal(bar.get("volume").asText())));
    }

    /**
     * The {@value #TRADES_PER_BAR} trades one bar becomes, evenly spaced from {@code start} across {@code barMillis}:
     * they walk open, then the nearer extreme (a rising bar visits its low first), the other extreme and close, each
     * with an equal share of the bar's volume. Also used for imported candles, so both replay the same way.
     */
    public static List<TapeTrade> barTrades(
            long start,
            long barMillis,
            BigDecimal open,
            BigDecimal high,
            BigDecimal low,
            BigDecimal close,
            BigDecimal volume) {
        BigDecimal size = volume.divide(BigDecimal.valueOf(TRADES_PER_BAR), MathContext.DECIMAL64);
        boolean rising = close.compareTo(open) >= 0;
        BigDecimal[] path =
                rising ? new BigDecimal[] {open, low, high, close} : new BigDecimal[] {open, high, low, close};
        int perLeg = TRADES_PER_BAR / 3;
        List<TapeTrade> trades = new ArrayList<>(TRADES_PER_BAR);
        for (int k = 0; k < TRADES_PER_BAR; k++) {
            int leg = Math.min(k / perLeg, 2);
            double along =
                    Math.min(1.0, (k - leg * perLeg) / (double) (leg == 2 ? TRADES_PER_BAR - 1 - 2 * perLeg : perLeg));
            BigDecimal from = path[leg];
            BigDecimal to = path[leg + 1];
            BigDecimal price = from.add(to.subtract(from).multiply(BigDecimal.valueOf(along)), MathContext.DECIMAL64);
            long time = start + k * (barMillis / TRADES_PER_BAR);
            trades.add(new TapeTrade(time, price, size, null));
        }
        return trades;
    }

    private static BigDecimal decimal(String text) {
        return new BigDecimal(text.trim()).stripTrailingZeros();
    }

    private static BufferedReader reader(String resource) {
        return new BufferedReader(new InputStreamReader(stream(resource), StandardCharsets.UTF_8));
    }

    private static InputStream stream(String resource) {
        InputStream in = RecordedTape.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " not on the classpath: is org.ta4j:ta4j-examples missing?");
        }
        return in;
    }
}
