package dev.botlink.platform.marketdata;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One symbol's candles at all 13 levels, aggregated from its trades as they arrive (in time order). Bins without
 * trades get a flat candle at the previous close with zero volume, as BitMEX does. Each level keeps its latest
 * {@code capacity} candles. Thread-safe; never calls out while holding its lock.
 */
public final class CandleStore {

    private final int capacity;
    private final Map<CandleLevel, ArrayDeque<Candle>> levels = new EnumMap<>(CandleLevel.class);

    public CandleStore(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("candle capacity must be positive");
        }
        this.capacity = capacity;
        for (CandleLevel level : CandleLevel.values()) {
            levels.put(level, new ArrayDeque<>());
        }
    }

    /** Adds a trade; trades older than the forming candle's bin are refused. */
    public synchronized void add(long time, BigDecimal price, BigDecimal size) {
        for (Map.Entry<CandleLevel, ArrayDeque<Candle>> entry : levels.entrySet()) {
            add(entry.getKey(), entry.getValue(), time, price, size);
        }
    }

    /** See {@link MarketDataFeed#candles}. */
    public synchronized List<Candle> candles(CandleLevel level, Long since, int limit) {
        ArrayDeque<Candle> candles = levels.get(level);
        List<Candle> selected = new ArrayList<>(Math.min(limit, candles.size()));
        if (since != null) {
            long from = level.bin(since, false);
            for (Candle candle : candles) {
                if (candle.time() >= from && selected.size() < limit) {
                    selected.add(candle);
                }
            }
            return selected;
        }
        int skip = Math.max(0, candles.size() - limit);
        candles.stream().skip(skip).forEach(selected::add);
        return selected;
    }

    private void add(CandleLevel level, ArrayDeque<Candle> candles, long time, BigDecimal price, BigDecimal size) {
        long bin = level.bin(time, false);
        Candle last = candles.peekLast();
        if (last != null && bin < last.time()) {
            throw new IllegalArgumentException(
                    "trade at " + time + " is older than the " + level.link() + " candle at " + last.time());
        }
        if (last != null && bin == last.time()) {
            candles.pollLast();
            candles.addLast(last.with(price, size));
            return;
        }
        if (last != null) {
            long gapStart = Math.max(last.time() + level.millis(), bin - level.millis() * capacity);
            for (long empty = gapStart; empty < bin; empty += level.millis()) {
                push(
                        candles,
                        new Candle(empty, last.close(), last.close(), last.close(), last.close(), BigDecimal.ZERO));
            }
        }
        push(candles, Candle.opening(bin, price, size));
    }

    private void push(ArrayDeque<Candle> candles, Candle candle) {
        candles.addLast(candle);
        if (candles.size() > capacity) {
            candles.pollFirst();
        }
    }
}
