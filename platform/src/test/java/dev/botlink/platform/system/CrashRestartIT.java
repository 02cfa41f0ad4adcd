package dev.botlink.platform.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.botlink.platform.testing.PlatformProcess;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged platform as a real process: a bot trading on the paper venue survives {@code kill -9} of the platform
 * (desired state, logs, paper orders and position are persisted; the bot runs again, once) and of its sandbox worker
 * (the supervisor starts a new worker and the bot runs again).
 */
class CrashRestartIT {

    private static final Duration STARTUP = Duration.ofMinutes(8);

    /**
     * On its first quote it logs what the paper venue holds for it and, if no order rests, buys 100 at market and rests
     * a buy far below the market; once those are a few seconds old (several paper flushes) it says so. (Checked in
     * the quote callback, not in on_start: market callbacks may already run while on_start waits for the venue.)
     */
    static final String BOT = """
            import time
            from profitview import Link, logger

            class Trading(Link):
            \tchecked = False
            \tplaced_at = None
            \tsettled = False

            \tdef quote_update(self, src, sym, data):
            \t\tif sym != 'XBTUSD':
            \t\t\treturn
            \t\tif not self.checked:
            \t\t\tself.checked = True
            \t\t\torders = self.fetch_open_orders('BitMEX')['data']
            \t\t\tpositions = self.fetch_positions('BitMEX')['data']
            \t\t\tsize = sum(p['pos_size'] for p in positions if p['sym'] == 'XBTUSD')
            \t\t\tlogger.info(f'first quote with open_orders={len(orders)} position={size:.0f}')
            \t\t\tif len(orders) == 0:
            \t\t\t\tself.placed_at = time.time()
            \t\t\t\tmarket = self.create_market_order('BitMEX', 'XBTUSD', 'Buy', 100)
            \t\t\t\tlimit = self.create_limit_order('BitMEX', 'XBTUSD', 'Buy', 100, round(data['bid'][0] * 0.6))
            \t\t\t\tlogger.info(f'placed market error={market["error"]} limit error={limit["error"]}')
            \t\telif self.placed_at is not None and not self.settled and time.time() - self.placed_at > 3:
            \t\t\tself.settled = True
            \t\t\tlogger.info('orders are several paper flushes old')
            """;

    private final List<PlatformProcess> started = new java.util.ArrayList<>();
    private Path dataDir;

    @AfterEach
    void stopEverything() {
        started.forEach(PlatformProcess::close);
    }

    @Test
    void aTradingBotSurvivesKill9OfThePlatformAndOfItsWorker() throws IOException {
        dataDir = Files.createTempDirectory(Path.of("target"), "crash-restart-");
        int port = PlatformProcess.freePort();
        PlatformProcess first = start(port);
        String token = first.signUpAndLogIn("crashtest", "crash-test-pw");
        saveFile(first, token, "bots/crash.py", BOT);
        long id = createBot(first, token, "bots/crash.py");
        first.as(token).post("/api/bots/" + id + "/start").then().statusCode(200);
        await().atMost(STARTUP).untilAsserted(() -> assertThat(messages(first, token, id))
                .contains(
                        "first quote with open_orders=0 position=0",
                        "placed market error=None limit error=None",
                        "orders are several paper flushes old"));
        List<String> beforeCrash = messages(first, token, id);

        first.kill();
        PlatformProcess second = start(port);
        second.as(token).get("/api/bots").then().statusCode(200).body("$", hasSize(1));
        await().atMost(STARTUP).untilAsserted(() -> {
            second.as(token).get("/api/bots/" + id).then().body("status", equalTo("RUNNING"));
            assertThat(messages(second, token, id)).contains("first quote with open_orders=1 position=100");
        });
        List<String> afterRestart = messages(second, token, id);
        assertThat(afterRestart).startsWith(beforeCrash.toArray(String[]::new));
        assertThat(afterRestart).containsOnlyOnce("placed market error=None limit error=None");

        List<ProcessHandle> workers = second.workers();
        assertThat(workers).hasSize(1);
        workers.getFirst().destroyForcibly();
        await().atMost(STARTUP).untilAsserted(() -> {
            assertThat(second.workers()).hasSize(1).doesNotContain(workers.getFirst());
            assertThat(messages(second, token, id))
                    .filteredOn(line -> line.equals("first quote with open_orders=1 position=100"))
                    .hasSize(2);
            second.as(token).get("/api/bots/" + id).then().body("status", equalTo("RUNNING"));
        });
        second.as(token).get("/api/bots").then().body("$", hasSize(1));
    }

    private PlatformProcess start(int port) {
        PlatformProcess platform = PlatformProcess.start(
                dataDir,
                port,
                Map.of(
                        "botlink.master-key", "q7m1bKcB2hRz3m0f8Nw3cX1aY6pV4tQ9sE2uJ5kL8oA=",
                        "botlink.auth.password-iterations", "1000"));
        started.add(platform);
        return platform.awaitReady(STARTUP);
    }

    private static void saveFile(PlatformProcess platform, String token, String path, String content) {
        platform.as(token)
                .contentType(ContentType.JSON)
                .body(Map.of("content", content))
                .put("/api/files/" + path)
                .then()
                .statusCode(200);
    }

    private static long createBot(PlatformProcess platform, String token, String path) {
        return platform.as(token)
                .contentType(ContentType.JSON)
                .body(Map.of("file", path))
                .post("/api/bots")
                .then()
                .statusCode(201)
                .extract()
                .<Integer>path("id")
                .longValue();
    }

    private static List<String> messages(PlatformProcess platform, String token, long id) {
        return platform.as(token)
                .get("/api/bots/" + id + "/logs?limit=1000")
                .then()
                .statusCode(200)
                .extract()
                .path("lines.message");
    }
}
