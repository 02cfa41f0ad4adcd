package dev.botlink.platform.marketdata;

import dev.botlink.platform.venue.Instrument;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The {@link MarketDataFeed} of paper venues: symbols driven by replayed recordings or the synthetic generator, moved
 * forward by whoever owns the clock ({@link MarketDataDriver} on wall time, a backtest on simulated time) through
 * {@link #advanceTo}. Plain Java.
 */
public final class SimulatedMarket implements MarketDataFeed {

    private final Map<String, SymbolStream> streams = new ConcurrentHashMap<>();
    private final ReentrantLock advancing = new ReentrantLock();
    private final int maxTradesPerAdvance;

    /** @param maxTradesPerAdvance most trades one symbol publishes per {@link #advanceTo} call */
    public SimulatedMarket(int maxTradesPerAdvance) {
        if (maxTradesPerAdvance < 1) {
            throw new IllegalArgumentException("maxTradesPerAdvance must be positive");
        }
        this.maxTradesPerAdvance = maxTradesPerAdvance;
    }

    /** Adds {@code instrument} of exchange {@code src}, driven by {@code source}. */
    public void add(String src, Instrument instrument, TradeSource source, QuoteModel quotes, int candleCapacity) {
        SymbolStream stream = new SymbolStream(instrument, source, quotes, new CandleStore(candleCapacity));
        if (streams.putIfAbsent(key(src, instrument.symbol()), stream) != null) {
            throw new IllegalArgumentException(src + ":" + instrument.symbol() + " is already simulated");
        }
    }

    /**
     * Publishes, per symbol, every trade up to {@code now} (epoch ms), but at most the configured number per call;
     * returns the trades published. Calls are serialised; listeners run on the calling thread.
     */
    public int advanceTo(long now) {
        advancing.lock();
        try {
            int published = 0;
            for (SymbolStream stream : streams.values()) {
                published += stream.advanceTo(now, maxTradesPerAdvance);
            }
            return published;
        } finally {
            advancing.unlock();
        }
    }

    @Override
    public boolean serves(String src, String sym) {
        return streams.containsKey(key(src, sym));
    }

    @Override
    public AutoCloseable subscribe(String src, String sym, MarketDataListener listener) {
        SymbolStream stream = streams.get(key(src, sym));
        if (stream == null) {
            throw new IllegalArgumentException("no simulated market for " + src + ":" + sym);
        }
        return stream.subscribe(listener);
    }

    @Override
    public List<Candle> candles(String src, String sym, CandleLevel level, Long since, int limit) {
        SymbolStream stream = streams.get(key(src, sym));
        return stream == null ? List.of() : stream.candles().candles(level, since, limit);
    }

    @Override
    public Optional<MarketQuote> lastQuote(String src, String sym) {
        SymbolStream stream = streams.get(key(src, sym));
        return stream == null ? Optional.empty() : Optional.ofNullable(stream.lastQuote());
    }

    private static String key(String src, String sym) {
        return src + ":" + sym;
    }
}
