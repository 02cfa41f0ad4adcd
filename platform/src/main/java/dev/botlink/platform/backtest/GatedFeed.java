package dev.botlink.platform.backtest;

import dev.botlink.platform.marketdata.Candle;
import dev.botlink.platform.marketdata.CandleLevel;
import dev.botlink.platform.marketdata.CandleStore;
import dev.botlink.platform.marketdata.MarketDataFeed;
import dev.botlink.platform.marketdata.MarketDataListener;
import dev.botlink.platform.marketdata.MarketQuote;
import dev.botlink.platform.marketdata.MarketTrade;
import dev.botlink.platform.marketdata.SimulatedMarket;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The backtest venue's view of its {@link SimulatedMarket}: the market may run ahead (to build a batch of points for
 * the bot), but the venue, its candles and its quote only see what was {@link #release released}, up to the
 * simulated time the bot has reached. So a call the bot makes at time t is matched and answered with the market as
 * of t, never later. One symbol; driven by one thread at a time (the engine, or a sandbox thread answering a call
 * while the engine waits for the step).
 */
final class GatedFeed implements MarketDataFeed {

    /** One trade the market published and the quote it moved. */
    record Item(MarketTrade trade, MarketQuote quote) {
        long time() {
            return trade.time();
        }
    }

    private final String src;
    private final String sym;
    private final CandleStore candles;
    private final ArrayDeque<Item> ahead = new ArrayDeque<>();
    private final List<MarketDataListener> listeners = new CopyOnWriteArrayList<>();
    private MarketTrade pendingTrade;
    private volatile MarketQuote lastQuote;
    private long released = Long.MIN_VALUE;

    GatedFeed(SimulatedMarket market, String src, String sym, int candleCapacity) {
        this.src = src;
        this.sym = sym;
        this.candles = new CandleStore(candleCapacity);
        market.subscribe(src, sym, new MarketDataListener() {
            @Override
            public void onTrade(MarketTrade trade) {
                pendingTrade = trade;
            }

            @Override
            public void onQuote(MarketQuote quote) {
                ahead.addLast(new Item(pendingTrade, quote));
                pendingTrade = null;
            }
        });
    }

    /** Time of the first trade not released yet, or {@link Long#MAX_VALUE}. */
    long nextTime() {
        Item head = ahead.peekFirst();
        return head == null ? Long.MAX_VALUE : head.time();
    }

    /** Trades published by the market but not released, oldest first. */
    Iterator<Item> ahead() {
        return ahead.iterator();
    }

    /** Distinct trade times among the trades not released. */
    int pointsAhead() {
        int points = 0;
        long last = Long.MIN_VALUE;
        for (Item item : ahead) {
            if (item.time() != last) {
                points++;
                last = item.time();
            }
        }
        return points;
    }

    /** Hands every trade up to {@code time} to the venue (and the candles): its fills happen now. */
    void release(long time) {
        released = Math.max(released, time);
        while (!ahead.isEmpty() && ahead.peekFirst().time() <= time) {
            Item item = ahead.pollFirst();
            candles.add(item.time(), item.trade().price(), item.trade().size());
            lastQuote = item.quote();
            for (MarketDataListener listener : listeners) {
                try {
                    listener.onTrade(item.trade());
                    listener.onQuote(item.quote());
                } catch (RuntimeException ignored) {
                    // One failing listener must not stop the feed (port contract).
                }
            }
        }
    }

    long released() {
        return released;
    }

    @Override
    public boolean serves(String src, String sym) {
        return this.src.equals(src) && this.sym.equals(sym);
    }

    @Override
    public AutoCloseable subscribe(String src, String sym, MarketDataListener listener) {
        if (!serves(src, sym)) {
            throw new IllegalArgumentException("no simulated market for " + src + ":" + sym);
        }
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public List<Candle> candles(String src, String sym, CandleLevel level, Long since, int limit) {
        return serves(src, sym) ? candles.candles(level, since, limit) : List.of();
    }

    @Override
    public Optional<MarketQuote> lastQuote(String src, String sym) {
        return serves(src, sym) ? Optional.ofNullable(lastQuote) : Optional.empty();
    }
}
