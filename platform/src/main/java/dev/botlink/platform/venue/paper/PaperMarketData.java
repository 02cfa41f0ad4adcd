package dev.botlink.platform.venue.paper;

import dev.botlink.platform.marketdata.LoopingReplay;
import dev.botlink.platform.marketdata.MarketDataSettings;
import dev.botlink.platform.marketdata.QuoteModel;
import dev.botlink.platform.marketdata.RecordedTape;
import dev.botlink.platform.marketdata.SimulatedMarket;
import dev.botlink.platform.marketdata.SyntheticTrades;
import dev.botlink.platform.marketdata.TradeSource;
import dev.botlink.platform.venue.Instrument;
import java.util.Map;

/**
 * The market behind paper venues: every simulated symbol of every paper exchange, driven by real recordings where
 * ta4j-examples has one (BTC: Bitstamp trades, ETH: 5-minute bars) and by the seeded synthetic generator otherwise.
 */
public final class PaperMarketData {

    /** Start prices and typical trade sizes (coins) of symbols without a recording. */
    private static final Map<String, double[]> SYNTHETIC =
            Map.of("LTC", new double[] {80, 5}, "SOL", new double[] {150, 10});

    private PaperMarketData() {}

    /**
     * A market whose sources start at {@code now - warmUp}, already advanced to {@code now} so candle history is
     * there from the start.
     */
    public static SimulatedMarket standard(long now, MarketDataSettings settings) {
        SimulatedMarket market = new SimulatedMarket(settings.maxTradesPerAdvance());
        long anchor = now - settings.warmUp().toMillis();
        RecordedTape btc = RecordedTape.bitstampBtcUsd();
        RecordedTape eth = RecordedTape.binanceEthUsd5m();
        for (String exchangeId : PaperInstruments.exchangeIds()) {
            for (Instrument instrument :
                    PaperInstruments.forExchange(exchangeId).orElseThrow().values()) {
                TradeSource source =
                        switch (instrument.baseCurrency()) {
                            case "XBT", "BTC" -> new LoopingReplay(btc, anchor);
                            case "ETH" -> new LoopingReplay(eth, anchor);
                            default -> synthetic(instrument, anchor, settings.seed());
                        };
                QuoteModel quotes = new QuoteModel(instrument, settings.spreadFraction(), settings.depthMultiple());
                market.add(exchangeId, instrument, source, quotes, settings.candleCapacity());
            }
        }
        while (market.advanceTo(now) > 0) {
            // Each step publishes a bounded batch; history up to now takes a few.
        }
        return market;
    }

    private static TradeSource synthetic(Instrument instrument, long anchor, long seed) {
        double[] profile = SYNTHETIC.getOrDefault(instrument.baseCurrency(), new double[] {100, 10});
        return new SyntheticTrades(seed ^ instrument.symbol().hashCode(), anchor, profile[0], 0.8, 0.5, profile[1]);
    }
}
