package dev.botlink.sandbox.lib.talib;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNumFactory;

/**
 * Real data for the talib tests: the 100,000 Bitstamp BTC/USD trades recorded in ta4j-examples 0.18 (from
 * 2013-11-25), aggregated into bars of a fixed period. Periods without trades produce no bar.
 */
record BtcBars(double[] open, double[] high, double[] low, double[] close, double[] volume, BarSeries series) {

    private static final String TRADES = "/bitstamp_trades_from_20131125_usd.csv";

    static BtcBars aggregate(Duration period) {
        List<double[]> bars = new ArrayList<>();
        List<Long> ends = new ArrayList<>();
        long seconds = period.toSeconds();
        try (InputStream in = BtcBars.class.getResourceAsStream(TRADES)) {
            if (in == null) {
                throw new IllegalStateException(
                        TRADES + " not on the classpath: ta4j-examples 0.18 is a test dependency");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            long currentEnd = -1;
            double[] bar = null;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] fields = line.split(",");
                long time = Long.parseLong(fields[0]);
                double price = Double.parseDouble(fields[1]);
                double amount = Double.parseDouble(fields[2]);
                long end = (time / seconds + 1) * seconds;
                if (end != currentEnd) {
                    bar = new double[] {price, price, price, price, 0};
                    bars.add(bar);
                    ends.add(end);
                    currentEnd = end;
                }
                bar[1] = Math.max(bar[1], price);
                bar[2] = Math.min(bar[2], price);
                bar[3] = price;
                bar[4] += amount;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return of(bars, ends, period);
    }

    private static BtcBars of(List<double[]> bars, List<Long> ends, Duration period) {
        int n = bars.size();
        double[][] columns = new double[5][n];
        BarSeries series = new BaseBarSeriesBuilder()
                .withName("bitstamp BTC/USD " + period)
                .withNumFactory(DoubleNumFactory.getInstance())
                .build();
        for (int i = 0; i < n; i++) {
            double[] bar = bars.get(i);
            for (int c = 0; c < 5; c++) {
                columns[c][i] = bar[c];
            }
            series.barBuilder()
                    .timePeriod(period)
                    .endTime(Instant.ofEpochSecond(ends.get(i)))
                    .openPrice(bar[0])
                    .highPrice(bar[1])
                    .lowPrice(bar[2])
                    .closePrice(bar[3])
                    .volume(bar[4])
                    .add();
        }
        return new BtcBars(columns[0], columns[1], columns[2], columns[3], columns[4], series);
    }

    int size() {
        return close.length;
    }

    /** The input array TA-Lib's Python wrapper names so (open, high, ..., real, real0, real1, periods). */
    double[] input(String name) {
        return switch (name) {
            case "open", "real1" -> open;
            case "high" -> high;
            case "low" -> low;
            case "close", "real", "real0" -> close;
            case "volume" -> volume;
            case "periods" -> periods();
            default -> throw new IllegalArgumentException("No BTC input named " + name);
        };
    }

    private double[] periods() {
        double[] periods = new double[size()];
        for (int i = 0; i < periods.length; i++) {
            periods[i] = 5 + i % 20;
        }
        return periods;
    }
}
