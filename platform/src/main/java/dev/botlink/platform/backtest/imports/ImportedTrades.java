package dev.botlink.platform.backtest.imports;

import dev.botlink.platform.marketdata.RecordedTape;
import dev.botlink.platform.marketdata.TapeTrade;
import dev.botlink.platform.marketdata.TradeSource;
import dev.botlink.platform.venue.Side;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;

/**
 * The trades of an import from {@code fromMillis} (inclusive) to {@code toMillis} (exclusive), read lazily from its
 * normal form: only the compressed bytes and one candle's trades are in memory. A candle becomes the trades of
 * {@link RecordedTape#barTrades} (as the recorded ETH bars do), spread over the import's candle length; a candle
 * without volume had no trades and gives none. Finite: {@link #hasNext()} says when it is over, and then
 * {@link #peekTime()} is {@link Long#MAX_VALUE}. Not thread-safe; one consumer drives it.
 */
public final class ImportedTrades implements TradeSource, AutoCloseable {

    private final ImportedData data;
    private final long fromMillis;
    private final long toMillis;
    private final BufferedReader reader;
    private final ArrayDeque<TapeTrade> pending = new ArrayDeque<>(RecordedTape.TRADES_PER_BAR);
    private boolean exhausted;

    public ImportedTrades(ImportedData data, long fromMillis, long toMillis) {
        this.data = data;
        this.fromMillis = fromMillis;
        this.toMillis = toMillis;
        try {
            this.reader = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(new ByteArrayInputStream(data.gzipped())), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("a stored import cannot be read", e);
        }
    }

    public ImportedTrades(ImportedData data) {
        this(data, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    public boolean hasNext() {
        fill();
        return !pending.isEmpty();
    }

    @Override
    public long peekTime() {
        return hasNext() ? pending.peekFirst().time() : Long.MAX_VALUE;
    }

    @Override
    public TapeTrade next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the import has no more trades in the period");
        }
        return pending.pollFirst();
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void fill() {
        while (pending.isEmpty() && !exhausted) {
            String line = readLine();
            if (line == null) {
                exhausted = true;
                return;
            }
            String[] f = line.split(",", -1);
            long time = Long.parseLong(f[0]);
            if (data.kind() == ImportKind.TRADES) {
                add(new TapeTrade(time, new BigDecimal(f[1]), new BigDecimal(f[2]), side(f[3])));
            } else {
                BigDecimal volume = new BigDecimal(f[5]);
                if (volume.signum() > 0) {
                    RecordedTape.barTrades(
                                    time,
                                    data.barMillis(),
                                    new BigDecimal(f[1]),
                                    new BigDecimal(f[2]),
                                    new BigDecimal(f[3]),
                                    new BigDecimal(f[4]),
                                    volume)
                            .forEach(this::add);
                }
            }
        }
    }

    private void add(TapeTrade trade) {
        if (trade.time() >= toMillis) {
            exhausted = true;
        } else if (trade.time() >= fromMillis && !exhausted) {
            pending.addLast(trade);
        }
    }

    private String readLine() {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException("a stored import cannot be read", e);
        }
    }

    private static Side side(String text) {
        return switch (text) {
            case "Buy" -> Side.BUY;
            case "Sell" -> Side.SELL;
            default -> null;
        };
    }
}
