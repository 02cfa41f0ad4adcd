package dev.botlink.sandbox.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.botlink.sandbox.testing.WorkerFixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scripts that try to escape or exhaust the sandbox. Each is contained (refused, throttled or its bot stopped with
 * a clear log line) while the worker and a canary bot on the same worker keep running.
 */
class HostileScriptTest {
    static WorkerFixture worker;
    static String canary;

    static final Map<String, Object> QUOTE = Map.of("bid", List.of(1, 1), "ask", List.of(2, 1), "time", 1);

    @BeforeAll
    static void start() {
        // The production callback budget: a shorter one would interrupt a deep recursion on a crowded machine
        // before its RecursionError is raised and reported (seconds for ~3,500 frames under load).
        worker = new WorkerFixture(
                "hostile",
                "1g",
                List.of(
                        "botlink.callbackBudgetMillis=5000",
                        "botlink.webhookBudgetMillis=3000",
                        "botlink.timerBudgetMillis=3000"));
        canary = worker.startRunning("""
                from profitview import Link, http

                class Trading(Link):
                    @http.route
                    def get_ping(self, data):
                        return 'pong'
                """);
    }

    @AfterAll
    static void stop() {
        worker.close();
    }

    @AfterEach
    void workerAndCanaryStillRun() {
        assertThat(worker.hub.webhook(canary, "GET", "ping", Map.of()).join().result())
                .isEqualTo("pong");
    }

    String stoppedReason(String bot) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> worker.host.states(bot).stream().anyMatch(s -> s.startsWith("failed")));
        return worker.host.states(bot).stream()
                .filter(s -> s.startsWith("failed"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void noFilesNetworkProcessesNativeCodeHostClassesPolyglotOrEnvironment() {
        String bot = worker.startRunning("""
                from profitview import Link, http

                ATTEMPTS = {
                    'read file': lambda: open('/etc/hostname').read(),
                    'write file': lambda: open('/tmp/botlink-escape', 'w').write('x'),
                    'list dir': lambda: __import__('os').listdir('/'),
                    'socket': lambda: __import__('socket').create_connection(('127.0.0.1', 22), timeout=1),
                    'subprocess': lambda: __import__('subprocess').run(['id']),
                    'os.system': lambda: __import__('os').system('id'),
                    'ctypes': lambda: __import__('ctypes').CDLL('libc.so.6'),
                    'java class': lambda: __import__('java').type('java.lang.Runtime'),
                    'polyglot eval': lambda: __import__('polyglot').eval(language='js', string='1'),
                    'environment': lambda: [v for v in ('HOME', 'USER', 'PATH', 'JAVA_HOME') if __import__('os').getenv(v)] or (_ for _ in ()).throw(LookupError('no host variables')),
                    'host env var': lambda: __import__('os').environ['BOTLINK_WORKER_TOKEN'],
                }

                class Trading(Link):
                    @http.route
                    def get_escape(self, data):
                        try:
                            ATTEMPTS[data['name']]()
                            return 'ALLOWED'
                        except BaseException as e:
                            return 'refused: ' + type(e).__name__
                """);
        var names = List.of(
                "read file",
                "write file",
                "list dir",
                "socket",
                "subprocess",
                "os.system",
                "ctypes",
                "java class",
                "polyglot eval",
                "environment",
                "host env var");
        for (String name : names) {
            // Refused either as a Python exception or as an error the guest cannot even catch (the call fails).
            var outcome = worker.hub
                    .webhook(bot, "GET", "escape", Map.of("name", name))
                    .join();
            assertThat(outcome.ok() ? (String) outcome.result() : "refused: " + outcome.error())
                    .as(name)
                    .startsWith("refused");
        }
    }

    @Test
    void osExitStopsOnlyThatBot() {
        String bot = worker.startRunning(script("import os\n", "os._exit(3)"));
        worker.hub.deliver(bot, "quote", "bitmex", "XBTUSD", QUOTE);
        assertThat(stoppedReason(bot)).contains("the bot called exit");
    }

    @Test
    void osExitOutsideTheEventLoopStopsOnlyThatBot() {
        // on_start runs on a pool thread, not on the context's main thread (the event loop's).
        String bot = worker.start("""
                import os
                from profitview import Link

                class Trading(Link):
                    def on_start(self):
                        os._exit(4)
                """);
        assertThat(stoppedReason(bot)).contains("the bot called exit in on_start");
    }

    @Test
    void sysExitStopsOnlyThatBot() {
        String bot = worker.startRunning(script("import sys\n", "sys.exit(0)"));
        worker.hub.deliver(bot, "quote", "bitmex", "XBTUSD", QUOTE);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> worker.host.states(bot).contains("stopped: the bot called sys.exit() in quote_update"));
    }

    @Test
    void deepRecursionIsAnErrorInTheLogNotACrash() {
        String bot = worker.startRunning(script("def down(n):\n    return down(n + 1) + 1\n", "down(0)"));
        worker.hub.deliver(bot, "quote", "bitmex", "XBTUSD", QUOTE);
        // About 3,500 frames deep on a bot thread's 16 MB stack; raising and reporting it took up to ~4 s at load
        // average 20 on the 2-core build machine, inside this worker's 5 s budget (docs/sandbox.md).
        await().atMost(Duration.ofSeconds(60))
                .until(() -> worker.host.logText(bot).contains("quote_update failed"));
        assertThat(worker.host.logText(bot)).contains("RecursionError").contains("in down");
        assertThat(worker.host.states(bot)).containsExactly("running");
    }

    @Test
    void endlessCallbacksAreInterruptedAndRepeatedOverrunsStopTheBot() {
        String bot = worker.startRunning(script("", """
                while True:
                            try:
                                while True:
                                    pass
                            except BaseException:
                                pass"""));
        for (int i = 0; i < 3; i++) {
            worker.hub.deliver(bot, "quote", "bitmex", "XBTUSD", QUOTE);
        }
        // Interrupted three times, or cancelled when an interrupt does not land within 5 s: stopped either way.
        assertThat(stoppedReason(bot))
                .containsAnyOf("callbacks overran their time budget 3 times", "quote_update could not be interrupted");
    }

    @Test
    void aPlainEndlessLoopInACallbackIsInterruptedAndTheBotKeepsRunning() {
        String bot = worker.startRunning(script("", "while True: pass"));
        worker.hub.deliver(bot, "quote", "bitmex", "XBTUSD", QUOTE);
        // Interrupted (and logged), or stopped when the interrupt does not land in time: contained either way.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> worker.host
                                .logText(bot)
                                .contains(
                                        "quote_update ran longer than its budget of 5000 ms and was interrupted (1 of 3 allowed)")
                        || worker.host.states(bot).size() > 1);
    }

    @Test
    void aWebhookOverItsBudgetAnswersWithATimeoutAndTheBotKeepsRunning() {
        String bot = worker.startRunning("""
                from profitview import Link, http

                class Trading(Link):
                    @http.route
                    def get_spin(self, data):
                        while True:
                            pass

                    @http.route
                    def get_ping(self, data):
                        return 'pong'
                """);
        var outcome = worker.hub.webhook(bot, "GET", "spin", Map.of()).join();
        assertThat(outcome.timedOut()).isTrue();
        assertThat(outcome.error()).contains("webhook GET spin did not answer within its time budget of 3000 ms");
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        worker.host.logText(bot).contains("webhook GET spin ran longer than its budget of 3000 ms"));
        assertThat(worker.host.states(bot)).containsExactly("running");
        await().atMost(Duration.ofSeconds(60)).until(() -> "pong"
                .equals(worker.hub.webhook(bot, "GET", "ping", Map.of()).join().result()));
    }

    @Test
    void aTimerOverItsBudgetIsInterruptedAndTheBotKeepsRunning() {
        String bot = worker.startRunning(script("import threading\n", """
                def spin():
                            while True:
                                pass
                        threading.Timer(0.01, spin).start()"""));
        worker.hub.deliver(bot, "quote", "bitmex", "XBTUSD", QUOTE);
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        worker.host.logText(bot).contains("ran longer than its budget of 3000 ms and was interrupted"));
        assertThat(worker.host.states(bot)).containsExactly("running");
    }

    @Test
    void aBusyLoopInOnStartIsStoppedForHoggingTheCpu() {
        String bot = worker.startRunning("""
                from profitview import Link

                class Trading(Link):
                    def on_start(self):
                        n = 0
                        while True:
                            n += 1
                """);
        assertThat(stoppedReason(bot)).contains("kept a CPU core busy");
    }

    @Test
    void threadRequestsBeyondTheCapFailClearly() {
        String bot = worker.startRunning(script("import threading, time\n", """
                started = 0
                        try:
                            for i in range(40):
                                threading.Thread(target=time.sleep, args=(2,)).start()
                                started += 1
                        except RuntimeError as e:
                            print(f'started {started}: {e}')"""));
        worker.hub.deliver(bot, "quote", "bitmex", "XBTUSD", QUOTE);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> worker.host.logText(bot).contains("started 16: cannot start"));
        assertThat(worker.host.logText(bot)).contains("the bot already runs 16 threads, the most a bot may use");
    }

    @Test
    void logFloodsAreThrottled() {
        String bot =
                worker.startRunning(script("from profitview import logger\n", "for i in range(5000): logger.info(i)"));
        worker.hub.deliver(bot, "quote", "bitmex", "XBTUSD", QUOTE);
        worker.hub.deliver(bot, "quote", "bitmex", "XBTUSD", QUOTE);
        await().atMost(Duration.ofSeconds(150))
                .until(() -> worker.host.logText(bot).contains("log lines were dropped"));
        assertThat(worker.host.logs(bot).size()).isLessThan(1000);
    }

    @Test
    void hugePublishPayloadsAreRefused() {
        String bot = worker.startRunning(script("", """
                try:
                            self.publish('big', 'x' * 1_000_000)
                        except ValueError as e:
                            print(e)"""));
        worker.hub.deliver(bot, "quote", "bitmex", "XBTUSD", QUOTE);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> worker.host.logText(bot).contains("bytes of JSON; the limit is 65536"));
        assertThat(worker.host.published(bot)).isEmpty();
    }

    /** A Trading bot whose quote_update runs {@code body} (indented for the method). */
    static String script(String prelude, String body) {
        return "from profitview import Link\n" + prelude + "\nclass Trading(Link):\n"
                + "    def quote_update(self, src, sym, data):\n        " + body + "\n";
    }
}
