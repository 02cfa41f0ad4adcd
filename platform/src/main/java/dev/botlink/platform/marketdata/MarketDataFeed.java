package dev.botlink.platform.marketdata;

import java.util.List;
import java.util.Optional;

/**
 * The market data port: public quotes, trades and candle history per exchange id and symbol, whatever the source
 * (replayed recordings, the synthetic generator, later live public feeds).
 *
 * <p>Contract: listeners of one symbol see its trades and quotes in time order, each trade before the quote it
 * moved; candle history includes every trade delivered so far. Thread-safe.
 */
public interface MarketDataFeed {

    /** Whether the feed serves {@code sym} of exchange {@code src}. */
    boolean serves(String src, String sym);

    /** Streams {@code sym}'s quotes and trades to {@code listener} until the handle is closed (idempotent). */
    AutoCloseable subscribe(String src, String sym, MarketDataListener listener);

    /**
     * Candles of {@code sym} at {@code level}, oldest first: from the bin holding {@code since} when given, else the
     * latest; at most {@code limit}. The last candle may still be forming. Empty for a symbol not served.
     */
    List<Candle> candles(String src, String sym, CandleLevel level, Long since, int limit);

    /** The latest quote of {@code sym}, if any has been published. */
    Optional<MarketQuote> lastQuote(String src, String sym);
}
