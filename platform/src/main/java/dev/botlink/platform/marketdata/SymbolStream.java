package dev.botlink.platform.marketdata;

import dev.botlink.platform.venue.Instrument;
import dev.botlink.platform.venue.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One simulated symbol: pulls a {@link TradeSource}, maps its trades onto the instrument (price to the tick grid,
 * size to the instrument's units), aggregates candles, derives quotes and tells listeners.
 *
 * <p>Size mapping: the source size is in coins; an inverse contract's size is its USD value ({@code coins·price /
 * multiplier}), a linear contract's is {@code coins / multiplier}; both rounded half-up to the size step, at least
 * one step.
 */
final class SymbolStream {

    private final Instrument instrument;
    private final TradeSource source;
    private final QuoteModel quotes;
    private final CandleStore candles;
    private final List<MarketDataListener> listeners = new CopyOnWriteArrayList<>();
    private volatile MarketQuote lastQuote;

    SymbolStream(Instrument instrument, TradeSource source, QuoteModel quotes, CandleStore candles) {
        this.instrument = instrument;
        this.source = source;
        this.quotes = quotes;
        this.candles = candles;
    }

    Instrument instrument() {
        return instrument;
    }

    CandleStore candles() {
        return candles;
    }

    MarketQuote lastQuote() {
        return lastQuote;
    }

    AutoCloseable subscribe(MarketDataListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Publishes every source trade up to {@code now}, at most {@code budget}; returns how many it published. */
    int advanceTo(long now, int budget) {
        int published = 0;
        while (published < budget && source.peekTime() <= now) {
            publish(map(source.next()));
            published++;
        }
        return published;
    }

    MarketTrade map(TapeTrade tape) {
        BigDecimal price = tape.price()
                .divide(instrument.tickSize(), 0, RoundingMode.HALF_EVEN)
                .max(BigDecimal.ONE)
                .multiply(instrument.tickSize())
                .stripTrailingZeros();
        BigDecimal value = instrument.isInverse() ? tape.size().multiply(price) : tape.size();
        BigDecimal steps = value.divide(
                        instrument.multiplier().multiply(instrument.sizeStep()), 0, RoundingMode.HALF_UP)
                .max(BigDecimal.ONE);
        BigDecimal size = steps.multiply(instrument.sizeStep()).stripTrailingZeros();
        Side side = quotes.sideOf(price, tape.side());
        return new MarketTrade(instrument.symbol(), side, price, size, tape.time());
    }

    private void publish(MarketTrade trade) {
        candles.add(trade.time(), trade.price(), trade.size());
        MarketQuote quote = quotes.after(trade);
        lastQuote = quote;
        for (MarketDataListener listener : listeners) {
            try {
                listener.onTrade(trade);
                listener.onQuote(quote);
            } catch (RuntimeException ignored) {
                // One failing listener must not stop the feed (port contract).
            }
        }
    }
}
