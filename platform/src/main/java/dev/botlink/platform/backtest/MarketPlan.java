package dev.botlink.platform.backtest;

import dev.botlink.platform.marketdata.RecordedTape;
import dev.botlink.platform.marketdata.SyntheticTrades;
import dev.botlink.platform.marketdata.TapeTrade;
import dev.botlink.platform.marketdata.TradeSource;
import dev.botlink.platform.venue.Instrument;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The trades a backtest replays and the period they cover. The recorded tapes play once, at their real dates (the
 * live paper market loops them around the present instead); synthetic data is the seeded generator of the live paper
 * market; imports come from a {@link ReplaySource}.
 *
 * @param name what the report calls the data
 * @param trades the trades, finite or not
 * @param firstMillis time of the first trade
 * @param lastMillis time of the last trade, or {@link Long#MAX_VALUE} for an endless generator
 */
public record MarketPlan(String name, TradeSource trades, long firstMillis, long lastMillis) {

    /** 2013-11-25T00:00:00Z: the first trade of the Bitstamp recording. */
    public static final long BTC_TAPE_START =
            Instant.parse("2013-11-25T00:00:00Z").toEpochMilli();

    /** 2023-03-13T18:00:00Z: the start of the first ETH-USD 5-minute bar. */
    public static final long ETH_TAPE_START =
            Instant.parse("2023-03-13T18:00:00Z").toEpochMilli();

    /** Where synthetic data starts unless the request says otherwise: 2024-01-01T00:00:00Z. */
    public static final long SYNTHETIC_START =
            Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();

    /** Synthetic data's period unless the request gives {@code to}. */
    public static final Duration SYNTHETIC_DEFAULT = Duration.ofDays(1);

    /** Start price and mean trade size (coins) of synthetic data per base currency. */
    private static final Map<String, double[]> PROFILES = Map.of(
            "XBT", new double[] {90_000, 0.05},
            "BTC", new double[] {90_000, 0.05},
            "ETH", new double[] {3_000, 1},
            "LTC", new double[] {80, 5},
            "SOL", new double[] {150, 10});

    public static MarketPlan btcTape() {
        return tape(RecordedTape.bitstampBtcUsd(), BTC_TAPE_START);
    }

    public static MarketPlan ethTape() {
        return tape(RecordedTape.binanceEthUsd5m(), ETH_TAPE_START);
    }

    /** The live paper market's generator for {@code instrument}, from {@code start}, with {@code seed}. */
    public static MarketPlan synthetic(Instrument instrument, long seed, long start) {
        double[] profile = PROFILES.getOrDefault(instrument.baseCurrency(), new double[] {100, 10});
        SyntheticTrades trades = new SyntheticTrades(seed, start, profile[0], 0.8, 0.5, profile[1]);
        return new MarketPlan(
                "synthetic " + instrument.baseCurrency() + " trades, seed " + seed, trades, start, Long.MAX_VALUE);
    }

    public static MarketPlan imported(ReplaySource.Replay replay) {
        return new MarketPlan(replay.name(), replay.trades(), replay.firstMillis(), replay.lastMillis());
    }

    private static MarketPlan tape(RecordedTape tape, long anchor) {
        return new MarketPlan(tape.name(), new Once(tape.trades(), anchor), anchor, anchor + tape.duration());
    }

    /** A recording played once from {@code anchor}; afterwards {@link #peekTime()} is {@link Long#MAX_VALUE}. */
    static final class Once implements TradeSource {
        private final List<TapeTrade> trades;
        private final long anchor;
        private int index;

        Once(List<TapeTrade> trades, long anchor) {
            this.trades = trades;
            this.anchor = anchor;
        }

        @Override
        public long peekTime() {
            return index < trades.size() ? anchor + trades.get(index).time() : Long.MAX_VALUE;
        }

        @Override
        public TapeTrade next() {
            TapeTrade trade = trades.get(index++);
            return new TapeTrade(anchor + trade.time(), trade.price(), trade.size(), trade.side());
        }
    }
}
