package dev.botlink.platform.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.botlink.platform.account.Accounts;
import dev.botlink.platform.bot.sandbox.SandboxBotRuntime;
import dev.botlink.platform.marketdata.MarketDataSettings;
import dev.botlink.platform.marketdata.QuoteModel;
import dev.botlink.platform.marketdata.SimulatedClock;
import dev.botlink.platform.marketdata.SimulatedMarket;
import dev.botlink.platform.venue.Instrument;
import dev.botlink.platform.venue.LinkExchangeCalls;
import dev.botlink.platform.venue.VenueConfig;
import dev.botlink.platform.venue.VenueEvent;
import dev.botlink.platform.venue.paper.PaperExchangeClient;
import dev.botlink.platform.venue.paper.PaperInstruments;
import dev.botlink.platform.venue.paper.runtime.PaperConfig;
import dev.botlink.sandbox.host.BotSpec;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, item 5: the same script over the same replayed trades gives the same fills as a backtest and as a live
 * paper bot. The live side is what live paper is: a bot in normal (wall-clock) mode in a real worker receiving
 * {@code deliver()}ed events from a {@link PaperExchangeClient} subscribed to a {@link SimulatedMarket}, its calls
 * answered by that venue. Live paper's {@code MarketDataDriver} moves the market on the wall clock, so what a bot
 * sees between two of its callbacks depends on timing; here the test moves the market trade time by trade time and
 * waits until the bot has handled each (it logs {@code seen n}), which makes the live run deterministic without
 * changing a line of the script or of the venue.
 */
@QuarkusTest
class SameFillsTest {

    private static final long FROM = Instant.parse("2013-11-25T00:00:00Z").toEpochMilli();
    private static final long TO = Instant.parse("2013-11-25T02:00:00Z").toEpochMilli();

    @Inject
    SandboxBotRuntime sandbox;

    @Inject
    PaperConfig paper;

    record FillKey(long time, String side, BigDecimal price, BigDecimal size) {}

    @Test
    void aScriptBacktestedAndRunLiveOnThePaperVenueOverTheSameTradesGetsTheSameFills() {
        Accounts alice = Accounts.signUpFresh();
        var body = BacktestResourceTest.btcRequest(BacktestScripts.SMA_WITH_BARRIER);
        JsonPath backtest = BacktestResourceTest.awaitEnd(alice, BacktestResourceTest.start(alice, body));
        assertThat(backtest.getString("status")).as(backtest.prettify()).isEqualTo("completed");
        List<FillKey> backtested = new ArrayList<>();
        for (Map<String, Object> fill : backtest.<Map<String, Object>>getList("report.fills")) {
            backtested.add(new FillKey(
                    ((Number) fill.get("time")).longValue(),
                    (String) fill.get("side"),
                    new BigDecimal(fill.get("price").toString()),
                    new BigDecimal(fill.get("size").toString())));
        }
        assertThat(backtested).hasSizeGreaterThan(4);

        List<FillKey> live = runLive(BacktestScripts.SMA_WITH_BARRIER);
        assertThat(live).usingElementComparator(SameFillsTest::compare).containsExactlyElementsOf(backtested);
    }

    private static int compare(FillKey a, FillKey b) {
        boolean same = a.time() == b.time()
                && a.side().equals(b.side())
                && a.price().compareTo(b.price()) == 0
                && a.size().compareTo(b.size()) == 0;
        return same ? 0 : 1;
    }

    /** The script as a live paper bot over the same trades, stepped trade time by trade time. */
    private List<FillKey> runLive(String source) {
        Instrument instrument =
                PaperInstruments.forExchange("bitmex").orElseThrow().get("XBTUSD");
        MarketPlan plan = MarketPlan.btcTape();
        MarketDataSettings settings = MarketDataSettings.defaults();
        SimulatedMarket market = new SimulatedMarket(100_000);
        market.add(
                "bitmex",
                instrument,
                plan.trades(),
                new QuoteModel(instrument, settings.spreadFraction(), settings.depthMultiple()),
                settings.candleCapacity());
        SimulatedClock clock = new SimulatedClock(FROM);
        BigDecimal firstPrice = new BigDecimal("800.01");
        var paperSettings = paper.settings();
        PaperExchangeClient venue = new PaperExchangeClient(
                new VenueConfig("BitMEX", "bitmex", VenueConfig.Mode.PAPER),
                market,
                clock,
                new dev.botlink.platform.venue.paper.PaperSettings(
                        new BigDecimal("10000"),
                        firstPrice,
                        paperSettings.rateLimit(),
                        paperSettings.rateWindow(),
                        paperSettings.maxOpenOrdersPerSymbol(),
                        paperSettings.depthLevels(),
                        paperSettings.candlePage(),
                        paperSettings.positionUpdateInterval()));
        String botId = "live-same-fills";
        List<FillKey> fills = new CopyOnWriteArrayList<>();
        AtomicLong seen = new AtomicLong();
        List<String> log = new CopyOnWriteArrayList<>();
        LinkExchangeCalls calls = new LinkExchangeCalls(name -> Optional.of(venue));
        venue.subscribe(event -> {
            if (event instanceof VenueEvent.OrderFilled filled) {
                var fill = filled.fill();
                fills.add(new FillKey(fill.time(), fill.side().link(), fill.fillPrice(), fill.fillSize()));
            }
            sandbox.deliverHosted(
                    botId, event.callback().replace("_update", ""), event.src(), event.sym(), event.data());
        });
        List<String> states = new CopyOnWriteArrayList<>();
        sandbox.startHosted(new BotSpec(botId, "same-fills", "sma.py", source, Map.of()), new SimulatedBots.Host() {
            @Override
            public SimulatedBots.Answer exchangeCall(
                    String method, String venueName, Map<String, Object> args, Long simulatedMicros) {
                return new SimulatedBots.Answer(calls.call(method, venueName, args), false);
            }

            @Override
            public void log(String level, String message) {
                log.add(message);
                if (message.startsWith("seen ")) {
                    seen.set(Long.parseLong(message.substring(5).strip()));
                }
            }

            @Override
            public void signal(Map<String, Object> signal) {}

            @Override
            public void stateChanged(String state, String reason) {
                states.add(state + " " + reason);
            }
        });
        try {
            await().atMost(Duration.ofMinutes(4)).until(() -> states.stream().anyMatch(s -> s.startsWith("running")));
            long expected = 0;
            while (plan.trades().peekTime() <= TO) {
                long time = plan.trades().peekTime();
                clock.set(time);
                expected += market.advanceTo(time);
                long wanted = expected;
                await().atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(1))
                        .alias("the live bot handles trade " + wanted + " (log: " + lastLines(log) + ")")
                        .until(() -> seen.get() >= wanted);
            }
        } finally {
            sandbox.stopHosted(botId);
            venue.close();
        }
        return List.copyOf(fills);
    }

    /** The last lines of a log the bot is still writing to (a copy: a view of it would fail when a line arrives). */
    private static List<String> lastLines(List<String> log) {
        List<String> copy = List.copyOf(log);
        return copy.subList(Math.max(0, copy.size() - 5), copy.size());
    }
}
