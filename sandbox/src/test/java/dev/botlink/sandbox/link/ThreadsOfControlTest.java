package dev.botlink.sandbox.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.botlink.sandbox.testing.WorkerFixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** on_start beside callbacks, threads, timers, cron, time.sleep, locks and asyncio, in the styles scripts use. */
class ThreadsOfControlTest {
    static final String SCRIPT = """
            import asyncio
            import threading
            import time
            from profitview import Link, http, logger, cron

            cron.options['auto_start'] = False
            LOCK = threading.Lock()
            EVENTS_LOCK = threading.Lock()

            class Trading(Link):
                def __init__(self):
                    super().__init__()
                    self.events = []
                    self.quotes_seen = 0
                    self.ticks = 0
                    self.cron_runs = 0
                    self.every_runs = 0

                def on_start(self):
                    while self.quotes_seen == 0:         # sleeps until the first quote, as scripts do
                        time.sleep(0.05)
                    self.record('on_start saw a quote')
                    threading.Timer(0.05, self.minutely_update).start()
                    worker = threading.Thread(target=self.work, args=('thread',), kwargs={'n': 3})
                    worker.start()
                    worker.join(10)
                    self.record(f'joined alive={worker.is_alive()}')
                    self.create_thread(self.work, 'created', n=1)
                    self.delay_thread(0.05, self.work, 'delayed', n=1)
                    self.record(asyncio.run(self.coroutine()))
                    cron.start(run_now=True)
                    while True:                           # loops forever, beside the callbacks
                        time.sleep(0.05)

                async def coroutine(self):
                    await asyncio.sleep(0.05)
                    results = await asyncio.gather(asyncio.sleep(0.01, result='a'), asyncio.sleep(0.02, result='b'))
                    return 'asyncio ' + ''.join(results)

                def minutely_update(self):
                    self.ticks += 1
                    if self.ticks < 3:
                        threading.Timer(0.05, self.minutely_update).start()   # re-arms itself
                    else:
                        self.record('timer ticked 3 times')

                def work(self, name, n=0):
                    with LOCK:
                        self.work_done = getattr(self, 'work_done', 0) + n
                    self.record(f'{name} {n}')

                @cron.run(every=0.2)
                def every_fifth(self):
                    self.every_runs += 1

                @cron.run(on='1m')
                def on_minute(self):
                    self.cron_runs += 1

                def record(self, event):
                    with EVENTS_LOCK:
                        self.events.append(event)

                def quote_update(self, src, sym, data):
                    self.quotes_seen += 1

                @http.route
                def get_state(self, data):
                    return {'events': self.events, 'quotes': self.quotes_seen, 'every': self.every_runs,
                            'minute': self.cron_runs, 'threads': list(self.background_threads.values())}
            """;

    static WorkerFixture worker;
    static String bot;

    @BeforeAll
    static void start() {
        worker = WorkerFixture.shared();
        bot = worker.startRunning(SCRIPT);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> state() {
        var result = worker.hub.webhook(bot, "GET", "state", Map.of()).join();
        assertThat(result.error()).as(worker.host.logText(bot)).isNull();
        return (Map<String, Object>) result.result();
    }

    @Test
    @SuppressWarnings("unchecked")
    void onStartLoopsBesideCallbacksAndHostThreadsRunEverything() {
        for (int i = 0; i < 5; i++) {
            worker.hub.deliver(
                    bot, "quote", "bitmex", "XBTUSD", Map.of("bid", List.of(1, 1), "ask", List.of(2, 1), "time", i));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var state = state();
            assertThat((List<String>) state.get("events"))
                    .as(worker.host.logText(bot))
                    .contains(
                            "on_start saw a quote",
                            "thread 3",
                            "joined alive=False",
                            "created 1",
                            "delayed 1",
                            "asyncio ab",
                            "timer ticked 3 times");
            assertThat(((Number) state.get("every")).intValue()).isGreaterThanOrEqualTo(3);
            assertThat(((Number) state.get("minute")).intValue()).isGreaterThanOrEqualTo(1);
        });
        var state = state();
        assertThat(state.get("quotes")).isEqualTo(5);
        // on_start is still looping: it is a live background thread while callbacks keep flowing.
        worker.hub.deliver(
                bot, "quote", "bitmex", "XBTUSD", Map.of("bid", List.of(1, 1), "ask", List.of(2, 1), "time", 9));
        await().atMost(Duration.ofSeconds(30)).until(() -> state().get("quotes").equals(6));
        assertThat(worker.host.logText(bot)).doesNotContain("Traceback");
    }
}
