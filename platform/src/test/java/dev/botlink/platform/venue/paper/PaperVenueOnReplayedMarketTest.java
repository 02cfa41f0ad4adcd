package dev.botlink.platform.venue.paper;

import static dev.botlink.platform.venue.paper.PaperDesk.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.botlink.platform.marketdata.Candle;
import dev.botlink.platform.marketdata.CandleLevel;
import dev.botlink.platform.marketdata.MarketDataSettings;
import dev.botlink.platform.marketdata.MarketQuote;
import dev.botlink.platform.marketdata.SimulatedClock;
import dev.botlink.platform.marketdata.SimulatedMarket;
import dev.botlink.platform.venue.ExchangeCommand.CreateLimitOrder;
import dev.botlink.platform.venue.ExchangeCommand.FetchCandles;
import dev.botlink.platform.venue.Side;
import dev.botlink.platform.venue.VenueConfig;
import dev.botlink.platform.venue.VenueEvent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Paper venues on the real replayed market (ta4j-examples recordings), on simulated time. */
class PaperVenueOnReplayedMarketTest {

    private static final long NOW = 1_767_225_600_000L; // 2026-01-01T00:00Z
    private static SimulatedClock clock;
    private static SimulatedMarket market;

    @BeforeAll
    static void replayTwoHoursOfHistory() {
        clock = new SimulatedClock(NOW);
        MarketDataSettings defaults = MarketDataSettings.defaults();
        market = PaperMarketData.standard(
                NOW,
                new MarketDataSettings(
                        defaults.spreadFraction(),
                        defaults.depthMultiple(),
                        defaults.candleCapacity(),
                        defaults.maxTradesPerAdvance(),
                        Duration.ofHours(2),
                        defaults.seed()));
    }

    @Test
    void everySimulatedSymbolHasQuotesAndCandleHistoryFromTheStart() {
        for (String exchange : PaperInstruments.exchangeIds()) {
            for (String sym :
                    PaperInstruments.forExchange(exchange).orElseThrow().keySet()) {
                MarketQuote quote = market.lastQuote(exchange, sym).orElseThrow();
                assertThat(quote.askPrice()).as(sym).isGreaterThan(quote.bidPrice());
                List<Candle> minutes = market.candles(exchange, sym, CandleLevel.M1, null, 1000);
                assertThat(minutes).as(sym).hasSizeGreaterThan(100);
                assertThat(minutes.getLast().time()).isLessThanOrEqualTo(NOW);
            }
        }
        // XBTUSD replays Bitstamp's 2013 BTC/USD prices on its 0.5 tick, sizes as USD contracts
        assertThat(market.lastQuote("bitmex", "XBTUSD").orElseThrow().bidPrice().doubleValue())
                .isBetween(700.0, 1300.0);
    }

    @Test
    void fetchCandlesServesHistorySince() {
        PaperExchangeClient client = client("woo", "WooPaper");
        long since = NOW - 30 * 60_000L;
        List<Candle> candles = ok(client.fetchCandles(new FetchCandles("PERP_BTC_USDT", CandleLevel.M5, since)));
        assertThat(candles).isNotEmpty();
        assertThat(candles.getFirst().time()).isEqualTo(CandleLevel.M5.bin(since, false));
        assertThat(candles).allSatisfy(candle -> assertThat(candle.high()).isGreaterThanOrEqualTo(candle.low()));
    }

    @Test
    void restingOrdersFillFromReplayedTradesAndTheBooksStayConsistent() {
        PaperExchangeClient client = client("bitmex", "BitMEX");
        List<VenueEvent> events = new CopyOnWriteArrayList<>();
        client.subscribe(events::add);
        MarketQuote quote = market.lastQuote("bitmex", "XBTUSDT").orElseThrow();
        BigDecimal below = quote.bidPrice().multiply(new BigDecimal("0.999")).setScale(0, RoundingMode.FLOOR);
        BigDecimal above = quote.askPrice().multiply(new BigDecimal("1.001")).setScale(0, RoundingMode.CEILING);
        ok(client.createLimitOrder(
                new CreateLimitOrder("XBTUSDT", Side.BUY, new BigDecimal("1000"), below, false, null)));
        ok(client.createLimitOrder(
                new CreateLimitOrder("XBTUSDT", Side.SELL, new BigDecimal("1000"), above, false, null)));
        for (int minute = 0; minute < 12 * 60 && fills(events) == 0; minute++) {
            market.advanceTo(clock.advance(60_000L));
            client.validateInternalState();
        }
        assertThat(fills(events)).as("a 0.1% move within 12 replayed hours").isPositive();
        assertThat(events).anySatisfy(event -> assertThat(event).isInstanceOf(VenueEvent.TradePrinted.class));
        assertThat(events).anySatisfy(event -> assertThat(event).isInstanceOf(VenueEvent.QuoteUpdated.class));
        client.close();
    }

    private static long fills(List<VenueEvent> events) {
        return events.stream().filter(VenueEvent.OrderFilled.class::isInstance).count();
    }

    private static PaperExchangeClient client(String exchange, String name) {
        return new PaperExchangeClient(
                new VenueConfig(name, exchange, VenueConfig.Mode.PAPER), market, clock, PaperSettings.defaults());
    }
}
