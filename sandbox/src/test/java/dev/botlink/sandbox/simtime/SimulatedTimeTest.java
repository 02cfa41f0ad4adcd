package dev.botlink.sandbox.simtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.botlink.sandbox.host.Delivery;
import dev.botlink.sandbox.host.ExchangeResults;
import dev.botlink.sandbox.host.StepEvent;
import dev.botlink.sandbox.host.StepPoint;
import dev.botlink.sandbox.host.StepResult;
import dev.botlink.sandbox.testing.WorkerFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bots in simulated-time mode on a real worker, driven by {@link dev.botlink.sandbox.host.WorkerHub#step}: time,
 * sleeps, timers and cron follow the simulated clock; callbacks see only the present; cut ends a step; a bot that
 * never settles fails its step (and only itself).
 */
class SimulatedTimeTest {
    /** 2024-01-01T00:00:00Z. */
    static final long T0 = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond() * 1_000_000L;

    static final long SECOND = 1_000_000L;

    static WorkerFixture worker;

    @BeforeAll
    static void start() {
        worker = WorkerFixture.shared();
    }

    static StepResult step(String bot, StepPoint... points) {
        try {
            return worker.hub.step(bot, List.of(points)).get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("step failed: " + e.getMessage() + "\nlog:\n" + worker.host.logText(bot), e);
        }
    }

    static StepPoint at(long micros, StepEvent... events) {
        return new StepPoint(micros, List.of(events));
    }

    static StepEvent trade(long micros, double price) {
        return new StepEvent(
                "trade", "bitmex", "XBTUSD", Map.of("side", "Buy", "price", price, "size", 1, "time", micros / 1000));
    }

    @SuppressWarnings("unchecked")
    static List<List<Object>> events(String bot) {
        var result = worker.hub.webhook(bot, "GET", "events", Map.of()).join();
        assertThat(result.error()).as(worker.host.logText(bot)).isNull();
        return (List<List<Object>>) normalized(((Map<String, Object>) result.result()).get("events"));
    }

    /** JSON numbers as the test writes them: integers as long, others as double. */
    static Object normalized(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(SimulatedTimeTest::normalized).toList();
        }
        if (value instanceof java.math.BigDecimal decimal) {
            return decimal.doubleValue();
        }
        if (value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger) {
            return ((Number) value).longValue();
        }
        return value;
    }

    static String startSimulated(String source) {
        String bot = worker.startSimulated(source, T0);
        // Generous: a fresh context imports asyncio and the runtime, slow on a crowded 2-core build machine.
        await().atMost(Duration.ofSeconds(180)).untilAsserted(() -> assertThat(worker.host.states(bot))
                .as("states of %s; log:%n%s", bot, worker.host.logText(bot))
                .anySatisfy(state -> assertThat(state).startsWith("running")));
        return bot;
    }

    static final String RECORDER = """
            import datetime
            import threading
            import time
            from profitview import Link, http, cron

            LOCK = threading.Lock()

            class Recorder(Link):
                def __init__(self):
                    super().__init__()
                    self.events = []

                def record(self, what, *extra):
                    with LOCK:
                        self.events.append([what, self.epoch_now, *extra])

                @http.route
                def get_events(self, data):
                    with LOCK:
                        return {'events': list(self.events)}
            """;

    @Test
    void sleepInOnStartFinishesWhenTheHostStepsAnHourOfSimulatedTime() {
        String bot = startSimulated(RECORDER + """

                class Trading(Recorder):
                    def on_start(self):
                        self.record('start', int(time.time() * 1000))
                        time.sleep(3600)
                        self.record('slept', int(time.time() * 1000), datetime.datetime.now(datetime.timezone.utc).isoformat())
                """);
        var half = step(bot, at(T0 + 1800 * SECOND));
        assertThat(half.pointsProcessed()).isEqualTo(1);
        assertThat(half.nowMicros()).isEqualTo(T0 + 1800 * SECOND);
        long t0ms = T0 / 1000;
        assertThat(events(bot)).containsExactly(List.of("start", t0ms, t0ms));

        var hour = step(bot, at(T0 + 3600 * SECOND));
        assertThat(hour.nowMicros()).isEqualTo(T0 + 3600 * SECOND);
        assertThat(events(bot))
                .containsExactly(
                        List.of("start", t0ms, t0ms),
                        List.of("slept", t0ms + 3_600_000, t0ms + 3_600_000, "2024-01-01T01:00:00+00:00"));
        worker.stop(bot);
    }

    @Test
    void timersCronAndDelayThreadsRunInDueOrderBeforeThePointsEvents() {
        String bot = startSimulated(RECORDER + """

                class Trading(Recorder):
                    def on_start(self):
                        self.record('on_start')
                        threading.Timer(90, self.record, args=('timer 90',)).start()
                        self.delay_thread(30, self.record, 'delay 30')
                        cancelled = threading.Timer(50, self.record, args=('cancelled',))
                        cancelled.start()
                        cancelled.cancel()

                    @cron.run(every=60)
                    def every_minute(self):
                        self.record('cron every 60')

                    @cron.run(expr='2 * * * *')
                    def at_minute_two(self):
                        self.record('cron expr 2')

                    def trade_update(self, src, sym, data):
                        self.record('trade', data['price'], int(time.time() * 1000), self.second)
                """);
        var result = step(
                bot,
                at(T0 + 45 * SECOND, trade(T0 + 45 * SECOND, 1.0)),
                at(T0 + 100 * SECOND + 500_000, trade(T0 + 100 * SECOND + 500_000, 2.0)),
                at(T0 + 120 * SECOND));
        assertThat(result.pointsProcessed()).isEqualTo(3);
        assertThat(result.cut()).isFalse();
        long ms = T0 / 1000;
        assertThat(events(bot))
                .containsExactly(
                        List.of("on_start", ms),
                        List.of("delay 30", ms + 30_000),
                        List.of("trade", ms + 45_000, 1.0, ms + 45_000, 45.0),
                        List.of("cron every 60", ms + 60_000),
                        List.of("timer 90", ms + 90_000),
                        List.of("trade", ms + 100_500, 2.0, ms + 100_500, 40.5),
                        // Due together: in the order they were scheduled (expr at start, every re-armed at 60 s).
                        List.of("cron expr 2", ms + 120_000),
                        List.of("cron every 60", ms + 120_000));
        worker.stop(bot);
    }

    @Test
    void asyncioEventWaitsRunNowCronAndASleepingCallbackFollowSimulatedTime() {
        String bot = startSimulated(RECORDER + """
                import asyncio

                cron.options['auto_start'] = False

                class Trading(Recorder):
                    def on_start(self):
                        cron.start(run_now=True)
                        self.record('asyncio', asyncio.run(self.coroutine()))
                        self.record('event wait', threading.Event().wait(120))
                        self.record('clock', int(time.monotonic() * 1000), time.strftime('%H:%M:%S', time.gmtime()),
                                    datetime.datetime.utcnow().isoformat())

                    async def coroutine(self):
                        await asyncio.sleep(60)
                        return self.epoch_now

                    @cron.run(every=600)
                    def tick(self):
                        self.record('tick')

                    def trade_update(self, src, sym, data):
                        self.record('trade before sleep', data['price'])
                        time.sleep(30)                 # parks the event loop in simulated time
                        self.record('trade after sleep', data['price'])
                """);
        long ms = T0 / 1000;
        assertThat(step(bot, at(T0 + 200 * SECOND, trade(T0 + 200 * SECOND, 1))).nowMicros())
                .isEqualTo(T0 + 200 * SECOND);
        assertThat(events(bot))
                .containsExactly(
                        List.of("tick", ms),
                        List.of("asyncio", ms + 60_000, ms + 60_000),
                        List.of("event wait", ms + 180_000, false),
                        List.of("clock", ms + 180_000, ms + 180_000, "00:03:00", "2024-01-01T00:03:00"),
                        List.of("trade before sleep", ms + 200_000, 1.0));
        step(bot, at(T0 + 300 * SECOND, trade(T0 + 300 * SECOND, 2)));
        step(bot, at(T0 + 700 * SECOND));
        assertThat(events(bot).subList(5, 9))
                .containsExactly(
                        List.of("trade after sleep", ms + 230_000, 1.0),
                        List.of("trade before sleep", ms + 300_000, 2.0),
                        List.of("trade after sleep", ms + 330_000, 2.0),
                        List.of("tick", ms + 600_000));
        worker.stop(bot);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aScriptThatPeeksAtTheFutureSeesOnlyThePresent() {
        String bot = startSimulated(RECORDER + """

                class Trading(Recorder):
                    def on_start(self):
                        self.create_thread(self.watch)

                    def watch(self):
                        while True:                    # a thread that polls for data as fast as it can
                            latest = self.trades.get('bitmex', {}).get('XBTUSD')
                            if latest is not None:
                                self.record('watch', latest['time'], latest['price'])
                            time.sleep(0.25)

                    def trade_update(self, src, sym, data):
                        seen = [t['price'] for venue in self.trades.values() for t in venue.values()]
                        self.record('trade', data['time'], data['price'], seen, int(time.time() * 1000),
                                    int(datetime.datetime.now(datetime.timezone.utc).timestamp() * 1000))
                """);
        var points = new ArrayList<StepPoint>();
        for (int i = 1; i <= 4; i++) {
            points.add(at(T0 + i * SECOND, trade(T0 + i * SECOND, i)));
        }
        assertThat(step(bot, points.toArray(StepPoint[]::new)).pointsProcessed())
                .isEqualTo(4);
        var events = events(bot);
        var trades = events.stream().filter(e -> e.get(0).equals("trade")).toList();
        assertThat(trades).hasSize(4);
        for (var trade : trades) {
            long now = ((Number) trade.get(1)).longValue();
            assertThat(((Number) trade.get(2)).longValue())
                    .as("trade time is now")
                    .isEqualTo(now);
            assertThat((List<Object>) trade.get(4))
                    .as("only the present trade is visible")
                    .containsExactly(trade.get(3));
            assertThat(((Number) trade.get(5)).longValue()).isEqualTo(now);
            assertThat(((Number) trade.get(6)).longValue()).isEqualTo(now);
        }
        var watched = events.stream().filter(e -> e.get(0).equals("watch")).toList();
        assertThat(watched).hasSizeGreaterThanOrEqualTo(12);
        for (var seen : watched) {
            long now = ((Number) seen.get(1)).longValue();
            long tradeTime = ((Number) seen.get(2)).longValue();
            assertThat(tradeTime)
                    .as("a watcher never sees a trade from its future")
                    .isLessThanOrEqualTo(now);
            assertThat(((Number) seen.get(3)).doubleValue()).isEqualTo((tradeTime - T0 / 1000) / 1000.0);
        }
        worker.stop(bot);
    }

    @Test
    void aCutReplyEndsTheStepAfterThePointInProgressAndCallsCarryTheirSimulatedTime() {
        String bot = startSimulated(RECORDER + """

                class Trading(Recorder):
                    def trade_update(self, src, sym, data):
                        self.record('trade', data['price'])
                        if data['price'] == 2:
                            self.create_market_order('bitmex', 'XBTUSD', 'Buy', 1)
                            self.record('ordered', data['price'])
                """);
        worker.host.exchangeFor(bot, (b, method, venue, args) -> {
            var answer = ExchangeResults.success("bitmex", venue, Map.of("order_id", "o-1"), Map.of());
            return method.equals("create_market_order") ? ExchangeResults.cut(answer) : answer;
        });
        var result = step(
                bot,
                at(T0 + SECOND, trade(T0 + SECOND, 1)),
                at(T0 + 2 * SECOND, trade(T0 + 2 * SECOND, 2), trade(T0 + 2 * SECOND, 2.5)),
                at(T0 + 3 * SECOND, trade(T0 + 3 * SECOND, 3)),
                at(T0 + 4 * SECOND, trade(T0 + 4 * SECOND, 4)));
        assertThat(result.cut()).isTrue();
        assertThat(result.pointsProcessed()).isEqualTo(2);
        assertThat(result.nowMicros()).isEqualTo(T0 + 2 * SECOND);
        long ms = T0 / 1000;
        assertThat(events(bot))
                .containsExactly(
                        List.of("trade", ms + 1000, 1.0),
                        List.of("trade", ms + 2000, 2.0),
                        List.of("ordered", ms + 2000, 2.0),
                        List.of("trade", ms + 2000, 2.5));
        assertThat(worker.host.callTimes(bot)).containsExactly(T0 + 2 * SECOND);

        var rest = step(bot, at(T0 + 3 * SECOND, trade(T0 + 3 * SECOND, 3)));
        assertThat(rest.cut()).isFalse();
        assertThat(rest.pointsProcessed()).isEqualTo(1);
        worker.stop(bot);
    }

    @Test
    void aBotThatNeverSettlesFailsItsStepWithAClearErrorAndOtherBotsCarryOn() {
        String spinner = startSimulated(RECORDER + """

                class Trading(Recorder):
                    def trade_update(self, src, sym, data):
                        threading.Thread(target=self.spin, name='spinner').start()

                    def spin(self):
                        n = 0
                        while True:
                            n += 1
                """);
        String calm = startSimulated(RECORDER + """

                class Trading(Recorder):
                    def trade_update(self, src, sym, data):
                        self.record('trade', data['price'])
                """);
        String live = worker.startRunning(RECORDER + """

                class Trading(Recorder):
                    def trade_update(self, src, sym, data):
                        self.record('live trade', data['price'])
                """);

        assertThatThrownBy(() -> worker.hub
                        .step(spinner, List.of(at(T0 + SECOND, trade(T0 + SECOND, 1))))
                        .get(120, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalStateException.class)
                .cause()
                .hasMessageContaining(spinner)
                .hasMessageContaining("did not settle within its budget")
                .hasMessageContaining("spinner");
        worker.awaitState(spinner, "failed");

        assertThat(step(calm, at(T0 + SECOND, trade(T0 + SECOND, 7))).pointsProcessed())
                .isEqualTo(1);
        assertThat(events(calm)).containsExactly(List.of("trade", T0 / 1000 + 1000, 7.0));

        assertThat(worker.hub.deliver(
                        live, "trade", "bitmex", "XBTUSD", Map.of("side", "Buy", "price", 5, "size", 1, "time", 1)))
                .isEqualTo(Delivery.QUEUED);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () -> assertThat(events(live)).extracting(e -> e.get(0)).contains("live trade"));
        worker.stop(calm);
        worker.stop(live);
    }

    @Test
    void liveAndSimulatedBotsKeepToTheirOwnTraffic() {
        String live = worker.startRunning(RECORDER + "\nclass Trading(Recorder):\n    pass\n");
        assertThatThrownBy(() -> worker.hub.step(live, List.of(at(T0))).join())
                .isInstanceOf(CompletionException.class)
                .hasMessageContaining("runs live");
        String simulated = startSimulated(RECORDER + "\nclass Trading(Recorder):\n    pass\n");
        assertThat(worker.hub.deliver(simulated, "trade", "bitmex", "XBTUSD", Map.of("price", 1, "time", 1)))
                .isEqualTo(Delivery.UNAVAILABLE);
        step(simulated, at(T0 + 10 * SECOND));
        assertThatThrownBy(() ->
                        worker.hub.step(simulated, List.of(at(T0 + 5 * SECOND))).join())
                .hasMessageContaining("before the bot's simulated time");
        assertThatThrownBy(() -> worker.hub
                        .step(simulated, List.of(at(T0 + 20 * SECOND), at(T0 + 15 * SECOND)))
                        .join())
                .hasCauseInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("strictly ascending");
        worker.stop(live);
        worker.stop(simulated);
    }
}
