package dev.botlink.platform.marketdata;

import dev.botlink.platform.venue.Instrument;
import dev.botlink.platform.venue.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Derives a symbol's quotes and taker sides from its trades (recordings have no order book).
 *
 * <p>Model: a trade's taker side is the source's, or else the tick rule (up from the last price: Buy; down: Sell;
 * unchanged: as before). A buy took the ask, so after it the ask is the trade price and the bid one spread below;
 * after a sell the bid is the trade price and the ask one spread above. The spread is {@code spreadFraction} of the
 * price, at least one tick. Both sides show {@code depthMultiple} times the recent average trade size (exponential
 * average over about 10 trades), rounded up to whole lots.
 */
public final class QuoteModel {

    private static final BigDecimal SIZE_WEIGHT = new BigDecimal("0.1");

    private final Instrument instrument;
    private final BigDecimal spreadFraction;
    private final BigDecimal depthMultiple;
    private BigDecimal lastPrice;
    private Side lastSide = Side.BUY;
    private BigDecimal averageSize;

    public QuoteModel(Instrument instrument, BigDecimal spreadFraction, BigDecimal depthMultiple) {
        this.instrument = instrument;
        this.spreadFraction = spreadFraction;
        this.depthMultiple = depthMultiple;
    }

    /** The taker side of a trade at {@code price}: {@code given} if known, else by the tick rule. */
    public Side sideOf(BigDecimal price, Side given) {
        Side side = given;
        if (side == null) {
            int move = lastPrice == null ? 0 : price.compareTo(lastPrice);
            side = move > 0 ? Side.BUY : move < 0 ? Side.SELL : lastSide;
        }
        lastSide = side;
        lastPrice = price;
        return side;
    }

    /** The quote after {@code trade}. */
    public MarketQuote after(MarketTrade trade) {
        averageSize = averageSize == null
                ? trade.size()
                : averageSize.add(trade.size().subtract(averageSize).multiply(SIZE_WEIGHT));
        BigDecimal tick = instrument.tickSize();
        BigDecimal spread = trade.price()
                .multiply(spreadFraction)
                .divide(tick, 0, RoundingMode.HALF_UP)
                .max(BigDecimal.ONE)
                .multiply(tick);
        BigDecimal bid = trade.side() == Side.BUY ? trade.price().subtract(spread) : trade.price();
        BigDecimal ask =
                trade.side() == Side.BUY ? trade.price() : trade.price().add(spread);
        BigDecimal lots = averageSize
                .multiply(depthMultiple)
                .divide(instrument.lotSize(), 0, RoundingMode.CEILING)
                .max(BigDecimal.ONE);
        BigDecimal size = lots.multiply(instrument.lotSize()).stripTrailingZeros();
        return new MarketQuote(trade.sym(), bid, size, ask, size, trade.time());
    }
}
