package dev.botlink.sandbox.bench;

import static org.awaitility.Awaitility.await;

import dev.botlink.sandbox.host.ExchangeResults;
import dev.botlink.sandbox.protocol.FrameCodec;
import dev.botlink.sandbox.testing.WorkerFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The benchmark harness (tag "bench", excluded from the normal test run): {@code ./botlink mvn -B -pl sandbox
 * test -Pbench}. Prints a JSON summary and writes it to target/bench.json; docs/performance.md records results.
 */
@Tag("bench")
class SandboxBenchmark {
    static final String COUNTING_BOT = """
            from profitview import Link, http

            class Trading(Link):
                def __init__(self):
                    super().__init__()
                    self.count = 0
                    self.last = None

                def quote_update(self, src, sym, data):
                    self.count += 1
                    self.last = (data['bid'][0] + data['ask'][0]) / 2
                    if self.count == TARGET:
                        self.publish('done', self.count)

                @http.route
                def get_count(self, data):
                    return self.count
            """;

    static final String ORDERING_BOT = """
            from profitview import Link

            class Trading(Link):
                def quote_update(self, src, sym, data):
                    self.create_market_order('BitMEX', sym, 'Buy', data['time'])
            """;

    static final String IDLE_BOT = """
            from profitview import Link

            class Trading(Link):
                def quote_update(self, src, sym, data):
                    pass
            """;

    final Map<String, Object> results = new LinkedHashMap<>();

    @Test
    void measure() throws Exception {
        results.put(
                "load_average_at_start",
                Files.readString(Path.of("/proc/loadavg")).trim());
        try (var worker = new WorkerFixture(
                "bench",
                "2g",
                List.of("botlink.callbackBudgetMillis=60000", "botlink.eventQueue=200000", "botlink.logBurst=1000"))) {
            startLatency(worker);
            warmUpAndThroughput(worker);
            manyBots(worker, 50);
            orderLatency(worker);
            idleBotMemory(worker, 20);
        }
        results.put("cpython", cpython());
        results.put(
                "load_average_at_end",
                Files.readString(Path.of("/proc/loadavg")).trim());
        String json = FrameCodec.toJson(results);
        System.out.println("BENCH " + json);
        Files.writeString(Path.of("target", "bench.json"), json);
    }

    private void startLatency(WorkerFixture worker) {
        var times = new ArrayList<Long>();
        for (int i = 0; i < 5; i++) {
            long started = System.nanoTime();
            worker.startRunning(IDLE_BOT);
            times.add((System.nanoTime() - started) / 1_000_000);
        }
        results.put("bot_start_on_warm_worker_ms", times);
    }

    private void warmUpAndThroughput(WorkerFixture worker) throws InterruptedException {
        String bot = worker.startRunning(COUNTING_BOT.replace("TARGET", "150000"));
        var quote = quote(1);
        // Deliver as fast as the connection takes them (bounded queues push back) while sampling the count.
        var sender = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < 150_000; i++) {
                worker.hub.deliver(bot, "quote", "bitmex", "XBTUSD", quote);
            }
        });
        var perSecond = new ArrayList<Long>();
        long previous = 0;
        long started = System.nanoTime();
        while (worker.host.published(bot).isEmpty() && perSecond.size() < 120) {
            Thread.sleep(1000);
            long count = count(worker, bot);
            perSecond.add(count - previous);
            previous = count;
        }
        sender.join();
        results.put("one_bot_quote_updates_per_second_by_second", perSecond);
        results.put("one_bot_150k_quotes_seconds", Math.round((System.nanoTime() - started) / 1e8) / 10.0);
    }

    private void manyBots(WorkerFixture worker, int n) {
        var bots = new ArrayList<String>();
        for (int i = 0; i < n; i++) {
            bots.add(worker.start(COUNTING_BOT.replace("TARGET", "2000")));
        }
        bots.forEach(b -> worker.awaitState(b, "running"));
        var quote = quote(1);
        long started = System.nanoTime();
        for (int i = 0; i < 2000; i += 100) {
            for (String bot : bots) {
                for (int j = 0; j < 100; j++) {
                    worker.hub.deliver(bot, "quote", "bitmex", "XBTUSD", quote);
                }
            }
        }
        await().atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(50))
                .until(() ->
                        bots.stream().allMatch(b -> !worker.host.published(b).isEmpty()));
        double seconds = (System.nanoTime() - started) / 1e9;
        results.put(n + "_bots_quote_updates_per_second_total", Math.round(n * 2000 / seconds));
        bots.forEach(worker::stop);
    }

    private void orderLatency(WorkerFixture worker) {
        String bot = worker.start(ORDERING_BOT);
        var sentAt = new ConcurrentHashMap<Long, Long>();
        var latencies = Collections.synchronizedList(new ArrayList<Long>());
        var received = new AtomicLong();
        worker.host.exchangeFor(bot, (b, method, venue, args) -> {
            long seq = ((Number) args.get("size")).longValue();
            latencies.add(System.nanoTime() - sentAt.get(seq));
            received.incrementAndGet();
            return ExchangeResults.success("bitmex", venue, Map.of("order_id", "o" + seq), Map.of());
        });
        worker.awaitState(bot, "running");
        for (long seq = 1; seq <= 1500; seq++) {
            sentAt.put(seq, System.nanoTime());
            worker.hub.deliver(bot, "quote", "bitmex", "XBTUSD", quote(seq));
            long expected = seq;
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofNanos(20_000))
                    .until(() -> received.get() >= expected);
        }
        var steady = new ArrayList<>(latencies.subList(500, latencies.size()));
        Collections.sort(steady);
        results.put("event_in_to_order_out_p50_us", steady.get(steady.size() / 2) / 1000);
        results.put("event_in_to_order_out_p99_us", steady.get(steady.size() * 99 / 100) / 1000);
        worker.stop(bot);
    }

    private void idleBotMemory(WorkerFixture worker, int n) throws IOException {
        long pid = worker.supervisor.process().pid();
        long before = rssKb(pid);
        var bots = new ArrayList<String>();
        for (int i = 0; i < n; i++) {
            bots.add(worker.start(IDLE_BOT));
        }
        bots.forEach(b -> worker.awaitState(b, "running"));
        long after = rssKb(pid);
        results.put("worker_rss_before_idle_bots_mb", before / 1024);
        results.put("rss_per_idle_bot_mb", Math.round((after - before) / 1024.0 / n * 10) / 10.0);
    }

    /**
     * Bot start on a warm worker and RSS per idle bot, side by side with the baseline of a worker that keeps no
     * spare contexts (every start creates and bootstraps its context, as before spares existed). A start is
     * measured from {@code startBot} to the {@code running} state at the host, after the worker has gone quiet
     * (its spares refilled); then a burst of back-to-back starts shows what happens once the spares are used up.
     * Writes target/bench-start.json.
     */
    @Test
    void botStartAndIdleMemory() throws Exception {
        var start = new LinkedHashMap<String, Object>();
        start.put(
                "load_average_at_start",
                Files.readString(Path.of("/proc/loadavg")).trim());
        try (var worker = new WorkerFixture("bench-start", "2g", List.of("botlink.spareContexts=2"))) {
            long pid = worker.supervisor.process().pid();
            awaitQuiet(pid);
            long rssBefore = rssKb(pid);
            var warm = pacedStarts(worker, pid, 10);
            awaitQuiet(pid);
            long rssAfter = rssKb(pid);
            start.put("with_spares_warm_start_ms", summary(warm));
            start.put("with_spares_worker_rss_before_mb", rssBefore / 1024);
            start.put("rss_per_idle_bot_mb", Math.round((rssAfter - rssBefore) / 1024.0 / warm.size() * 10) / 10.0);
            start.put("with_spares_burst_of_6_start_ms", summary(burstStarts(worker, 6)));
        }
        try (var worker = new WorkerFixture("bench-start-baseline", "2g", List.of("botlink.spareContexts=0"))) {
            long pid = worker.supervisor.process().pid();
            awaitQuiet(pid);
            start.put("baseline_no_spares_warm_start_ms", summary(pacedStarts(worker, pid, 5)));
        }
        start.put(
                "load_average_at_end",
                Files.readString(Path.of("/proc/loadavg")).trim());
        String json = FrameCodec.toJson(start);
        System.out.println("BENCH-START " + json);
        Files.writeString(Path.of("target", "bench-start.json"), json);
    }

    private static List<Long> pacedStarts(WorkerFixture worker, long pid, int n) throws IOException {
        var times = new ArrayList<Long>();
        for (int i = 0; i < n; i++) {
            awaitQuiet(pid);
            long started = System.nanoTime();
            worker.startRunning(IDLE_BOT);
            times.add((System.nanoTime() - started) / 1_000_000);
        }
        return times;
    }

    private static List<Long> burstStarts(WorkerFixture worker, int n) {
        var started = new LinkedHashMap<String, Long>();
        for (int i = 0; i < n; i++) {
            started.put(worker.start(IDLE_BOT), System.nanoTime());
        }
        var times = new ArrayList<Long>();
        started.forEach((bot, at) -> {
            worker.awaitState(bot, "running");
            times.add((System.nanoTime() - at) / 1_000_000);
        });
        return times;
    }

    private static Map<String, Object> summary(List<Long> millis) {
        var sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        var summary = new LinkedHashMap<String, Object>();
        summary.put("p50", sorted.get(sorted.size() / 2));
        summary.put("p95", sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.95) - 1)));
        summary.put("max", sorted.getLast());
        summary.put("all", millis);
        return summary;
    }

    /** Waits (up to 3 minutes) until the worker used under 5 % of a core over a second: spares are refilled. */
    private static void awaitQuiet(long pid) throws IOException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        long previous = cpuTicks(pid);
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long now = cpuTicks(pid);
            if (now - previous <= 5) {
                return;
            }
            previous = now;
        }
    }

    /** utime + stime of a process, in clock ticks (100 per second on Linux). */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    private static long count(WorkerFixture worker, String bot) {
        Object result = worker.hub.webhook(bot, "GET", "count", Map.of()).join().result();
        return result == null ? 0 : ((Number) result).longValue();
    }

    private static Map<String, Object> quote(long time) {
        return Map.of("bid", List.of(21601, 170000), "ask", List.of(21601.5, 223000), "time", time);
    }

    private static Object cpython() throws Exception {
        var script = Path.of("src/test/resources/bench/cpython_quote_loop.py").toAbsolutePath();
        var process = new ProcessBuilder("python3", script.toString(), "15")
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        process.waitFor();
        return FrameCodec.parse(output.substring(output.lastIndexOf('{')));
    }
}
