package dev.botlink.platform.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.botlink.platform.testing.PlatformProcess;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged platform as a real process: a completed backtest's report survives {@code kill -9} of the platform,
 * and a backtest that was running when it died is marked failed at the next start (its report is not invented).
 */
class BacktestRestartIT {

    private static final Duration STARTUP = Duration.ofMinutes(8);
    private final List<PlatformProcess> started = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        started.forEach(PlatformProcess::close);
    }

    @Test
    void reportsSurviveKill9AndInterruptedRunsAreMarkedFailed() throws IOException {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "backtest-restart-");
        int port = PlatformProcess.freePort();
        PlatformProcess first = start(dataDir, port);
        String token = first.signUpAndLogIn("tester", "tester-restart-pw");
        Map<String, Object> shortRun = BacktestResourceTest.btcRequest(BacktestScripts.SMA_CROSSOVER);
        long done = post(first, token, shortRun);
        JsonPath before = awaitEnd(first, token, done);
        assertThat(before.getString("status")).as(before.prettify()).isEqualTo("completed");

        Map<String, Object> longRun = BacktestResourceTest.btcRequest(BacktestScripts.SMA_CROSSOVER);
        longRun.remove("to");
        long running = post(first, token, longRun);
        await().atMost(STARTUP).until(() -> "running"
                .equals(first.as(token)
                        .get("/api/backtests/" + running)
                        .then()
                        .extract()
                        .path("status")));

        first.kill();
        PlatformProcess second = start(dataDir, port);
        JsonPath after = second.as(token)
                .get("/api/backtests/" + done)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(after.getString("status")).isEqualTo("completed");
        assertThat(after.<Object>get("report.metrics")).isEqualTo(before.get("report.metrics"));
        assertThat(after.getList("report.fills")).isEqualTo(before.getList("report.fills"));
        JsonPath interrupted = second.as(token)
                .get("/api/backtests/" + running)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(interrupted.getString("status")).isEqualTo("failed");
        assertThat(interrupted.getString("error")).contains("platform stopped");
    }

    private static long post(PlatformProcess platform, String token, Map<String, Object> body) {
        return platform.as(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/backtests")
                .then()
                .statusCode(202)
                .extract()
                .<Number>path("id")
                .longValue();
    }

    private static JsonPath awaitEnd(PlatformProcess platform, String token, long id) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(STARTUP).pollInterval(Duration.ofSeconds(1)).until(() -> {
            last[0] = platform.as(token)
                    .get("/api/backtests/" + id)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            String status = last[0].getString("status");
            return !status.equals("queued") && !status.equals("running");
        });
        return last[0];
    }

    private PlatformProcess start(Path dataDir, int port) {
        PlatformProcess platform = PlatformProcess.start(
                dataDir,
                port,
                Map.of(
                        "botlink.master-key", "q7m1bKcB2hRz3m0f8Nw3cX1aY6pV4tQ9sE2uJ5kL8oA=",
                        "botlink.auth.password-iterations", "1000"));
        started.add(platform);
        return platform.awaitReady(STARTUP);
    }
}
