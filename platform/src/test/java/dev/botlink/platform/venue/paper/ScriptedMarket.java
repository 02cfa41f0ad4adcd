package dev.botlink.platform.venue.paper;

import dev.botlink.platform.marketdata.Candle;
import dev.botlink.platform.marketdata.CandleLevel;
import dev.botlink.platform.marketdata.CandleStore;
import dev.botlink.platform.marketdata.MarketDataFeed;
import dev.botlink.platform.marketdata.MarketDataListener;
import dev.botlink.platform.marketdata.MarketQuote;
import dev.botlink.platform.marketdata.MarketTrade;
import dev.botlink.platform.marketdata.SimulatedClock;
import dev.botlink.platform.venue.Side;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A feed whose quotes and trades a test dictates, for exact matching scenarios. */
public final class ScriptedMarket implements MarketDataFeed {

    private final SimulatedClock clock;
    private final Map<String, List<MarketDataListener>> listeners = new ConcurrentHashMap<>();
    private final Map<String, MarketQuote> quotes = new ConcurrentHashMap<>();
    private final Map<String, CandleStore> candles = new ConcurrentHashMap<>();

    public ScriptedMarket(SimulatedClock clock) {
        this.clock = clock;
    }

    public void quote(String sym, String bid, String bidSize, String ask, String askSize) {
        MarketQuote quote = new MarketQuote(
                sym,
                new BigDecimal(bid),
                new BigDecimal(bidSize),
                new BigDecimal(ask),
                new BigDecimal(askSize),
                clock.millis());
        quotes.put(sym, quote);
        listeners(sym).forEach(listener -> listener.onQuote(quote));
    }

    public void trade(String sym, Side side, String price, String size) {
        MarketTrade trade = new MarketTrade(sym, side, new BigDecimal(price), new BigDecimal(size), clock.millis());
        candles.computeIfAbsent(sym, s -> new CandleStore(100)).add(trade.time(), trade.price(), trade.size());
        listeners(sym).forEach(listener -> listener.onTrade(trade));
    }

    @Override
    public boolean serves(String src, String sym) {
        return true;
    }

    @Override
    public AutoCloseable subscribe(String src, String sym, MarketDataListener listener) {
        listeners(sym).add(listener);
        return () -> listeners(sym).remove(listener);
    }

    @Override
    public List<Candle> candles(String src, String sym, CandleLevel level, Long since, int limit) {
        CandleStore store = candles.get(sym);
        return store == null ? List.of() : store.candles(level, since, limit);
    }

    @Override
    public Optional<MarketQuote> lastQuote(String src, String sym) {
        return Optional.ofNullable(quotes.get(sym));
    }

    private List<MarketDataListener> listeners(String sym) {
        return listeners.computeIfAbsent(sym, s -> new CopyOnWriteArrayList<>());
    }
}
