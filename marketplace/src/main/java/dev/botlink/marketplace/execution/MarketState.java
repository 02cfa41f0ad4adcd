package dev.botlink.marketplace.execution;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * What the market looks like when a bot is evaluated. Time comes in here, never from a clock, so a
 * backtest replaying the same states gets the same orders.
 *
 * @param instrument the traded instrument
 * @param bestBid best bid price on the venue
 * @param bestAsk best ask price on the venue, not below the best bid
 * @param lastPrice last traded price
 * @param timeMillis epoch milliseconds of this state; must not go backwards between evaluations
 * @param recentCloses closing prices of recent candles, oldest first, at most {@link #MAX_CLOSES}
 *     (used by volatility-aware bots; may be empty)
 */
public record MarketState(
        Instrument instrument,
        BigDecimal bestBid,
        BigDecimal bestAsk,
        BigDecimal lastPrice,
        long timeMillis,
        List<BigDecimal> recentCloses) {

    /** The most closes a state may carry: bots look back a few hundred candles at most. */
    public static final int MAX_CLOSES = 1_000;

    public MarketState {
        Objects.requireNonNull(instrument, "instrument is missing");
        Decimals.positive(bestBid, "bestBid");
        Decimals.positive(bestAsk, "bestAsk");
        Decimals.positive(lastPrice, "lastPrice");
        if (bestBid.compareTo(bestAsk) > 0) {
            throw new IllegalArgumentException("bestBid " + bestBid.toPlainString() + " is above bestAsk "
                    + bestAsk.toPlainString() + ": the book is crossed");
        }
        recentCloses = List.copyOf(recentCloses);
        if (recentCloses.size() > MAX_CLOSES) {
            throw new IllegalArgumentException(
                    "recentCloses holds " + recentCloses.size() + " prices, at most " + MAX_CLOSES + " allowed");
        }
        recentCloses.forEach(close -> Decimals.positive(close, "recentCloses element"));
    }

    /** A state without candle history. */
    public MarketState(
            Instrument instrument, BigDecimal bestBid, BigDecimal bestAsk, BigDecimal lastPrice, long timeMillis) {
        this(instrument, bestBid, bestAsk, lastPrice, timeMillis, List.of());
    }

    /** The mid of the best bid and ask. */
    public BigDecimal mid() {
        return bestBid.add(bestAsk)
                .divide(BigDecimal.TWO, bestBid.scale() + bestAsk.scale() + 1, RoundingMode.HALF_EVEN);
    }
}
