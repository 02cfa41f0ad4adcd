package dev.botlink.platform.venue.paper;

import dev.botlink.platform.marketdata.MarketDataListener;
import dev.botlink.platform.marketdata.MarketDataSettings;
import dev.botlink.platform.marketdata.MarketQuote;
import dev.botlink.platform.marketdata.MarketTrade;
import dev.botlink.platform.marketdata.SimulatedClock;
import dev.botlink.platform.marketdata.SimulatedMarket;
import dev.botlink.platform.venue.ExchangeCommand.CancelOrders;
import dev.botlink.platform.venue.ExchangeCommand.CreateLimitOrder;
import dev.botlink.platform.venue.ExchangeCommand.CreateMarketOrder;
import dev.botlink.platform.venue.Fill;
import dev.botlink.platform.venue.Instrument;
import dev.botlink.platform.venue.OrderState;
import dev.botlink.platform.venue.PositionState;
import dev.botlink.platform.venue.Side;
import dev.botlink.platform.venue.VenueConfig;
import dev.botlink.platform.venue.VenueEvent;
import dev.botlink.platform.venue.VenueResult;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark harness of the paper venue (run by {@code ./botlink mvn -B -pl platform -Pbench test}; not a test).
 * Single thread, in memory, persistence not involved (it is batched off the matching path). Prints results as
 * Markdown for docs/performance.md.
 */
public final class PaperMatchingBenchmark {

    private static final int WARM_UP_ROUNDS = 2;
    private static final int ROUNDS = 3;
    private static final int OPS = 100_000;
    private static final long START = 1_767_225_600_000L;

    private PaperMatchingBenchmark() {}

    public static void main(String[] args) {
        System.out.println("| Workload (one symbol, one thread) | ops/s (best of " + ROUNDS + ") |");
        System.out.println("|---|---|");
        // Baseline (BigDecimal money, BaselineMatchingEngine) and current engine interleaved, so both see the same
        // JIT state and machine load.
        report("baseline engine: limit order rests, then is cancelled (2 ops)", () -> baselineRestCancel());
        report("engine: limit order rests, then is cancelled (2 ops)", PaperMatchingBenchmark::engineRestCancel);
        report("baseline engine: market order fills at the top of book", () -> baselineMarket(BaselineEvents.NONE));
        report("engine: market order fills at the top of book", () -> engineMarket(PaperEvents.NONE));
        Object[] events = new Object[1];
        report(
                "baseline engine: market order, its 3 events built",
                () -> baselineMarket(new CountingBaselineEvents(events)));
        report("engine: market order, its 3 events built", () -> engineMarket(new CountingEvents(events)));
        report(
                "engine: limit order rests, a public trade fills it (1 op + 1 trade)",
                PaperMatchingBenchmark::engineRestThenTrade);
        report(
                "port (ExchangeClient, with results and events): limit + cancel (2 ops)",
                PaperMatchingBenchmark::clientRestCancel);
        report("port (ExchangeClient, with results and events): market order", PaperMatchingBenchmark::clientMarket);
        replayedTradeToFill();
    }

    private interface Workload {
        /** Runs {@link #OPS} operations and returns how many it ran. */
        long run();
    }

    private static void report(String name, Workload workload) {
        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            workload.run();
        }
        double best = 0;
        for (int i = 0; i < ROUNDS; i++) {
            long started = System.nanoTime();
            long ops = workload.run();
            best = Math.max(best, ops / ((System.nanoTime() - started) / 1e9));
        }
        System.out.printf(Locale.ROOT, "| %s | %,.0f |%n", name, best);
    }

    private static PaperMatchingEngine engine(SimulatedClock clock, Instrument instrument) {
        return engine(clock, instrument, PaperEvents.NONE);
    }

    private static PaperMatchingEngine engine(SimulatedClock clock, Instrument instrument, PaperEvents events) {
        PaperWallet wallet = new PaperWallet(List.of(instrument));
        wallet.reset(Map.of(instrument.settleCurrency(), new BigDecimal("1000000000")));
        PaperMatchingEngine engine = new PaperMatchingEngine(
                clock, wallet, new LiquidityModel(500), 1_000_000, java.time.Duration.ofSeconds(1), events);
        engine.onQuote(instrument, quote(instrument.symbol(), clock.millis()));
        return engine;
    }

    private static BaselineMatchingEngine baseline(SimulatedClock clock, Instrument instrument, BaselineEvents events) {
        BaselineWallet wallet = new BaselineWallet();
        wallet.reset(Map.of(instrument.settleCurrency(), new BigDecimal("1000000000")));
        BaselineMatchingEngine engine =
                new BaselineMatchingEngine(clock, wallet, new LiquidityModel(500), 1_000_000, events);
        engine.onQuote(instrument, quote(instrument.symbol(), clock.millis()));
        return engine;
    }

    private static long baselineRestCancel() {
        SimulatedClock clock = new SimulatedClock(START);
        Instrument instrument = xbtusdt();
        BaselineMatchingEngine engine = baseline(clock, instrument, BaselineEvents.NONE);
        for (int i = 0; i < OPS / 2; i++) {
            String id = engine.submitLimit(instrument, Side.BUY, 1000, 99_000 - (i % 100), false, null)
                    .orderId();
            engine.cancel(id, null);
        }
        return OPS;
    }

    private static long baselineMarket(BaselineEvents events) {
        SimulatedClock clock = new SimulatedClock(START);
        Instrument instrument = xbtusdt();
        BaselineMatchingEngine engine = baseline(clock, instrument, events);
        for (int i = 0; i < OPS; i++) {
            engine.submitMarket(instrument, i % 2 == 0 ? Side.BUY : Side.SELL, 1000);
        }
        return OPS;
    }

    /** Wraps each change in the port's event, as the paper client does, and keeps the last one. */
    private record CountingEvents(Object[] sink) implements PaperEvents {
        @Override
        public void order(OrderState order) {
            sink[0] = new VenueEvent.OrderUpdated("bitmex", "BitMEX", order);
        }

        @Override
        public void fill(Fill fill) {
            sink[0] = new VenueEvent.OrderFilled("bitmex", "BitMEX", fill);
        }

        @Override
        public void position(PositionState position) {
            sink[0] = new VenueEvent.PositionUpdated("bitmex", "BitMEX", position);
        }
    }

    /** {@link CountingEvents} for the baseline engine. */
    private record CountingBaselineEvents(Object[] sink) implements BaselineEvents {
        @Override
        public void order(OrderState order) {
            sink[0] = new VenueEvent.OrderUpdated("bitmex", "BitMEX", order);
        }

        @Override
        public void fill(Fill fill) {
            sink[0] = new VenueEvent.OrderFilled("bitmex", "BitMEX", fill);
        }

        @Override
        public void position(PositionState position) {
            sink[0] = new VenueEvent.PositionUpdated("bitmex", "BitMEX", position);
        }
    }

    private static MarketQuote quote(String sym, long time) {
        return new MarketQuote(
                sym,
                new BigDecimal("50000"),
                new BigDecimal("1000000000"),
                new BigDecimal("50000.5"),
                new BigDecimal("1000000000"),
                time);
    }

    private static Instrument xbtusdt() {
        return PaperInstruments.forExchange("bitmex").orElseThrow().get("XBTUSDT");
    }

    private static long engineRestCancel() {
        SimulatedClock clock = new SimulatedClock(START);
        Instrument instrument = xbtusdt();
        PaperMatchingEngine engine = engine(clock, instrument);
        for (int i = 0; i < OPS / 2; i++) {
            String id = engine.submitLimit(instrument, Side.BUY, 1000, 99_000 - (i % 100), false, null)
                    .orderId();
            engine.cancel(id, null);
        }
        return OPS;
    }

    private static long engineMarket(PaperEvents events) {
        SimulatedClock clock = new SimulatedClock(START);
        Instrument instrument = xbtusdt();
        PaperMatchingEngine engine = engine(clock, instrument, events);
        for (int i = 0; i < OPS; i++) {
            engine.submitMarket(instrument, i % 2 == 0 ? Side.BUY : Side.SELL, 1000);
        }
        return OPS;
    }

    private static long engineRestThenTrade() {
        SimulatedClock clock = new SimulatedClock(START);
        Instrument instrument = xbtusdt();
        PaperMatchingEngine engine = engine(clock, instrument);
        MarketTrade through =
                new MarketTrade(instrument.symbol(), Side.SELL, new BigDecimal("49990"), BigDecimal.ONE, START);
        for (int i = 0; i < OPS; i++) {
            engine.submitLimit(instrument, Side.BUY, 1000, 99_999, false, null);
            engine.onTrade(instrument, through);
            engine.submitLimit(instrument, Side.SELL, 1000, 100_001, false, null);
            engine.onTrade(
                    instrument,
                    new MarketTrade(instrument.symbol(), Side.BUY, new BigDecimal("50010"), BigDecimal.ONE, START));
        }
        return 2L * OPS;
    }

    /** A paper account on a scripted quote with one counting listener (as a bot's bounded queue would be). */
    private static PaperExchangeClient client(long[] events) {
        SimulatedClock clock = new SimulatedClock(START);
        ScriptedMarket market = new ScriptedMarket(clock);
        market.quote("XBTUSDT", "50000", "1000000000", "50000.5", "1000000000");
        PaperExchangeClient client = new PaperExchangeClient(
                new VenueConfig("BitMEX", "bitmex", VenueConfig.Mode.PAPER),
                market,
                clock,
                PaperSettings.defaults().withRateLimit(Integer.MAX_VALUE));
        client.subscribe(event -> events[0]++);
        return client;
    }

    private static long clientRestCancel() {
        PaperExchangeClient client = client(new long[1]);
        BigDecimal size = new BigDecimal("1000");
        for (int i = 0; i < OPS / 2; i++) {
            BigDecimal price = BigDecimal.valueOf(49_000 - (i % 100));
            VenueResult<dev.botlink.platform.venue.OrderState> placed =
                    client.createLimitOrder(new CreateLimitOrder("XBTUSDT", Side.BUY, size, price, false, null));
            client.cancelOrders(new CancelOrders(placed.data().orderId(), null));
        }
        return OPS;
    }

    private static long clientMarket() {
        PaperExchangeClient client = client(new long[1]);
        BigDecimal size = new BigDecimal("1000");
        for (int i = 0; i < OPS; i++) {
            client.createMarketOrder(new CreateMarketOrder("XBTUSDT", i % 2 == 0 ? Side.BUY : Side.SELL, size));
        }
        return OPS;
    }

    /**
     * Replays 6 hours of the Bitstamp recording on XBTUSDT with resting orders at the touch, and measures, per
     * fill, the time from the feed handing out the trade to the fill event reaching the account's listener.
     */
    private static void replayedTradeToFill() {
        SimulatedClock clock = new SimulatedClock(START);
        MarketDataSettings defaults = MarketDataSettings.defaults();
        SimulatedMarket market = PaperMarketData.standard(
                START,
                new MarketDataSettings(
                        defaults.spreadFraction(),
                        defaults.depthMultiple(),
                        defaults.candleCapacity(),
                        defaults.maxTradesPerAdvance(),
                        Duration.ofMinutes(10),
                        defaults.seed()));
        long[] tradeSeen = new long[1];
        market.subscribe("bitmex", "XBTUSDT", new MarketDataListener() {
            @Override
            public void onQuote(MarketQuote quote) {}

            @Override
            public void onTrade(MarketTrade trade) {
                tradeSeen[0] = System.nanoTime();
            }
        });
        PaperExchangeClient client = new PaperExchangeClient(
                new VenueConfig("BitMEX", "bitmex", VenueConfig.Mode.PAPER),
                market,
                clock,
                PaperSettings.defaults().withRateLimit(Integer.MAX_VALUE));
        long[] latencies = new long[200_000];
        int[] count = new int[1];
        client.subscribe(event -> {
            if (event instanceof VenueEvent.OrderFilled && count[0] < latencies.length) {
                latencies[count[0]++] = System.nanoTime() - tradeSeen[0];
            }
        });
        for (int second = 0; second < 6 * 3600; second++) {
            if (second % 60 == 0) {
                client.cancelOrders(CancelOrders.all());
                MarketQuote quote = market.lastQuote("bitmex", "XBTUSDT").orElseThrow();
                client.createLimitOrder(new CreateLimitOrder(
                        "XBTUSDT", Side.BUY, new BigDecimal("1000"), quote.bidPrice(), false, null));
                client.createLimitOrder(new CreateLimitOrder(
                        "XBTUSDT", Side.SELL, new BigDecimal("1000"), quote.askPrice(), false, null));
            }
            market.advanceTo(clock.advance(1000));
        }
        long[] measured = Arrays.copyOf(latencies, count[0]);
        Arrays.sort(measured);
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "Replayed trade to fill event (%d fills over 6 replayed hours): p50 %.1f µs,"
                        + " p99 %.1f µs, max %.1f µs%n",
                measured.length,
                percentile(measured, 0.50),
                percentile(measured, 0.99),
                measured.length == 0 ? 0 : measured[measured.length - 1] / 1000.0);
    }

    private static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1000.0;
    }
}
