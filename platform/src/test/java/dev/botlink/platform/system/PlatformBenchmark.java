package dev.botlink.platform.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.botlink.platform.testing.PlatformProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * Benchmark harness of the packaged platform as a process (run by {@code ./botlink mvn -B -pl platform -am -Pbench
 * verify}; not a test): start to ready, bot start to first callback on a warm worker, GET /api/bots latency with N
 * bots. Prints Markdown for docs/performance.md with the machine's load before and after.
 */
public final class PlatformBenchmark {

    private static final int STARTS = 3;
    private static final int BOT_STARTS = 10;
    private static final int BURST = 4;
    private static final int WARM_UP_REQUESTS = 300;
    private static final int REQUESTS = 2_000;
    private static final Duration WITHIN = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, String> SETTINGS = Map.of(
            "botlink.master-key",
            "q7m1bKcB2hRz3m0f8Nw3cX1aY6pV4tQ9sE2uJ5kL8oA=",
            "botlink.auth.password-iterations",
            "1000");

    static final String FIRST_CALLBACK_BOT = """
            from profitview import Link, logger

            class Trading(Link):
            \tdef on_start(self):
            \t\tlogger.info('on_start')
            """;

    private PlatformBenchmark() {}

    public static void main(String[] args) throws Exception {
        System.out.printf(
                "Machine: %d cores, load average before: %s%n",
                Runtime.getRuntime().availableProcessors(), loadAverage());
        startToReady();
        try (PlatformProcess platform = fresh().awaitReady(WITHIN)) {
            String token = signUp(platform);
            botStartToFirstCallback(platform, token);
            listLatency(platform, token);
        }
        System.out.printf("Load average after: %s%n", loadAverage());
    }

    private static void startToReady() throws IOException, InterruptedException {
        double[] jvm = new double[STARTS];
        double[] platform = new double[STARTS];
        double[] restart = new double[STARTS];
        for (int i = 0; i < STARTS; i++) {
            long began = System.nanoTime();
            Process version = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-version")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            version.waitFor(1, TimeUnit.MINUTES);
            jvm[i] = millisSince(began);
            began = System.nanoTime();
            Path dataDir = freshDataDir();
            try (PlatformProcess started = PlatformProcess.start(dataDir, PlatformProcess.freePort(), SETTINGS)) {
                started.awaitReady(WITHIN);
                platform[i] = millisSince(began);
            }
            // The usual start: a data dir that is already migrated (Flyway only validates it).
            began = System.nanoTime();
            try (PlatformProcess started = PlatformProcess.start(dataDir, PlatformProcess.freePort(), SETTINGS)) {
                started.awaitReady(WITHIN);
                restart[i] = millisSince(began);
            }
        }
        System.out.println("| Start (process start to /q/health/ready = 200) | runs, ms |");
        System.out.println("|---|---|");
        System.out.println("| baseline: `java -version` (the JVM's own floor) | " + format(jvm) + " |");
        System.out.println("| platform, fresh data dir (goal stated in issue 5: <= 3000) | " + format(platform) + " |");
        System.out.println(
                "| platform, existing data dir (goal stated in issue 5: <= 3000) | " + format(restart) + " |");
    }

    /** POST start to the bot's first callback (on_start) logged, on a worker already running another bot. */
    private static void botStartToFirstCallback(PlatformProcess platform, String token) throws Exception {
        send(platform, token, "PUT", "/api/files/bench/first.py", Map.of("content", FIRST_CALLBACK_BOT));
        long warm = createBot(platform, token, "bench/first.py");
        long coldMillis = timeToFirstCallback(platform, token, warm);
        double[] runs = new double[BOT_STARTS];
        for (int i = 0; i < BOT_STARTS; i++) {
            long bot = createBot(platform, token, "bench/first.py");
            awaitWorkersQuiet(platform);
            runs[i] = timeToFirstCallback(platform, token, bot);
        }
        double[] burst = new double[BURST];
        long[] burstBots = new long[BURST];
        for (int i = 0; i < BURST; i++) {
            burstBots[i] = createBot(platform, token, "bench/first.py");
        }
        awaitWorkersQuiet(platform);
        Instant burstPosted = Instant.now();
        for (long bot : burstBots) {
            send(platform, token, "POST", "/api/bots/" + bot + "/start", null);
        }
        for (int i = 0; i < BURST; i++) {
            burst[i] = Duration.between(burstPosted, firstCallbackAt(platform, token, burstBots[i]))
                    .toMillis();
        }
        System.out.println();
        System.out.println("| Bot start (POST /api/bots/{id}/start to on_start's log line stored) | ms |");
        System.out.println("|---|---|");
        System.out.println("| first bot, right after ready (the worker started at boot may still be warming up) | "
                + coldMillis + " |");
        System.out.println("| later bots on the warm worker, spares refilled before each (goal: <= 200), " + BOT_STARTS
                + " runs | " + format(runs) + " |");
        Arrays.sort(runs);
        System.out.printf("| later bots: median | %.0f |%n", runs[runs.length / 2]);
        System.out.println("| burst: " + BURST + " starts posted back to back, each from the first POST | "
                + format(burst) + " |");
    }

    /**
     * Waits (up to 30 s) until the platform's workers use under a quarter of a core over a second: their spare
     * contexts are prepared (docs/sandbox.md), so the next start measures a warm worker, not a refill. Not lower:
     * running bots receive the simulated market all the time (a 5 % threshold was never reached).
     */
    private static void awaitWorkersQuiet(PlatformProcess platform) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            long before = workersCpuNanos(platform);
            Thread.sleep(1_000);
            if (workersCpuNanos(platform) - before < 250_000_000L) {
                return;
            }
        }
    }

    private static long workersCpuNanos(PlatformProcess platform) {
        return platform.workers().stream()
                .mapToLong(worker ->
                        worker.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
                .sum();
    }

    private static long timeToFirstCallback(PlatformProcess platform, String token, long botId) throws Exception {
        Instant posted = Instant.now();
        send(platform, token, "POST", "/api/bots/" + botId + "/start", null);
        return Duration.between(posted, firstCallbackAt(platform, token, botId)).toMillis();
    }

    /** When the platform stored the bot's on_start log line (its own clock, on this machine). */
    private static Instant firstCallbackAt(PlatformProcess platform, String token, long botId) {
        Instant[] logged = new Instant[1];
        Awaitility.await().atMost(WITHIN).pollInterval(Duration.ofMillis(10)).until(() -> {
            for (JsonNode line : send(platform, token, "GET", "/api/bots/" + botId + "/logs", null)
                    .get("lines")) {
                if (line.get("message").asText().equals("on_start")) {
                    logged[0] = Instant.parse(line.get("at").asText());
                    return true;
                }
            }
            return false;
        });
        return logged[0];
    }

    private static void listLatency(PlatformProcess platform, String token) throws Exception {
        System.out.println();
        System.out.println("| GET /api/bots, one client, sequential | bots | p50 ms | p99 ms |");
        System.out.println("|---|---|---|---|");
        int bots = send(platform, token, "GET", "/api/bots", null).size();
        for (int target : new int[] {bots, 50, 100}) {
            while (bots < target) {
                createBot(platform, token, "bench/first.py");
                bots++;
            }
            for (int i = 0; i < WARM_UP_REQUESTS; i++) {
                send(platform, token, "GET", "/api/bots", null);
            }
            double[] micros = new double[REQUESTS];
            for (int i = 0; i < REQUESTS; i++) {
                long began = System.nanoTime();
                send(platform, token, "GET", "/api/bots", null);
                micros[i] = (System.nanoTime() - began) / 1_000.0;
            }
            Arrays.sort(micros);
            System.out.printf(
                    Locale.ROOT,
                    "| | %d | %.2f | %.2f |%n",
                    bots,
                    micros[REQUESTS / 2] / 1000,
                    micros[(int) (REQUESTS * 0.99)] / 1000);
        }
    }

    private static PlatformProcess fresh() throws IOException {
        return PlatformProcess.start(freshDataDir(), PlatformProcess.freePort(), SETTINGS);
    }

    private static Path freshDataDir() throws IOException {
        return Files.createTempDirectory(Path.of(System.getProperty("botlink.work-dir", "target")), "bench-");
    }

    private static String signUp(PlatformProcess platform) throws Exception {
        Map<String, String> credentials = Map.of("username", "bench", "password", "bench-password");
        send(platform, null, "POST", "/api/auth/signup", credentials);
        return send(platform, null, "POST", "/api/auth/login", credentials)
                .get("token")
                .asText();
    }

    private static long createBot(PlatformProcess platform, String token, String file) throws Exception {
        return send(platform, token, "POST", "/api/bots", Map.of("file", file))
                .get("id")
                .asLong();
    }

    private static JsonNode send(PlatformProcess platform, String token, String method, String path, Object body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.baseUrl() + path))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(
                    method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    private static double millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000.0;
    }

    private static String format(double[] values) {
        List<String> out = new ArrayList<>();
        for (double value : values) {
            out.add(String.format(Locale.ROOT, "%.0f", value));
        }
        return String.join(", ", out);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
