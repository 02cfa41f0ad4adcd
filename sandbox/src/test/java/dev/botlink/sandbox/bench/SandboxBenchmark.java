package dev.botlink.sandbox.bench;

import static org.awaitility.Awaitility.await;

import dev.botlink.sandbox.host.Delivery;
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
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The benchmark harness (tag "bench", excluded from the normal test run): {@code ./botlink mvn -B -pl sandbox
 * test -Pbench -Dtest=SandboxBenchmark}. One real worker: bot start, quote_update throughput for 1 and 50 bots
 * (warm-up, then a steady window), event-in to order-out latency, idle bot RSS; then CPython 3.11 running the same
 * loop. Prints a summary table and the JSON ({@code BENCH {...}}), also written to target/bench.json;
 * docs/performance.md records results. {@code -Dbench.warmUpSeconds=30 -Dbench.seconds=10} set the windows,
 * {@code -Dbench.phases=start,one,fifty,latency,idle} the parts.
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

    static final int WARM_UP_SECONDS = Integer.getInteger("bench.warmUpSeconds", 30);
    static final int MEASURE_SECONDS = Integer.getInteger("bench.seconds", 10);
    /** Which parts run: {@code -Dbench.phases=one,latency} for a quick look. */
    static final List<String> PHASES = List.of(
            System.getProperty("bench.phases", "start,one,fifty,latency,idle").split(","));
    /**
     * Extra JVM options for the worker, separated by spaces: {@code -Dbench.workerJvmOptions="-XX:+UseZGC
     * -XX:StartFlightRecording=filename=target/worker.jfr"} (profiles, collector choice).
     */
    static final List<String> WORKER_JVM_OPTIONS =
            List.of(System.getProperty("bench.workerJvmOptions", "").trim().split("\\s+")).stream()
                    .filter(o -> !o.isEmpty())
                    .toList();
    /** {@code -Dbench.cpython=false} skips the CPython comparison (for quick profiling runs). */
    static final boolean CPYTHON = !"false".equals(System.getProperty("bench.cpython"));

    final Map<String, Object> results = new LinkedHashMap<>();

    @Test
    void measure() throws Exception {
        results.put(
                "load_average_at_start",
                Files.readString(Path.of("/proc/loadavg")).trim());
        var workerOptions = new ArrayList<>(List.of("botlink.callbackBudgetMillis=60000", "botlink.logBurst=1000"));
        workerOptions.addAll(WORKER_JVM_OPTIONS);
        results.put("worker_jvm_options", WORKER_JVM_OPTIONS);
        try (var worker = new WorkerFixture("bench", "2g", workerOptions)) {
            if (PHASES.contains("start")) {
                startLatency(worker);
            }
            if (PHASES.contains("one")) {
                String one = worker.startRunning(COUNTING_BOT);
                results.put("one_bot", throughput(worker, List.of(one), WARM_UP_SECONDS, MEASURE_SECONDS));
                print("one_bot", results.get("one_bot"));
                worker.stop(one);
            }
            if (PHASES.contains("fifty")) {
                manyBots(worker, 50);
            }
            if (PHASES.contains("latency")) {
                orderLatency(worker, 3000, 5000);
                print("event_in_to_order_out", results.get("event_in_to_order_out"));
            }
            if (PHASES.contains("idle")) {
                idleBotMemory(worker, 20);
            }
        }
        if (CPYTHON) {
            results.put("cpython_one_bot", cpython(MEASURE_SECONDS, 1));
            results.put("cpython_fifty_bots", cpython(MEASURE_SECONDS, 50));
        }
        results.put(
                "load_average_at_end",
                Files.readString(Path.of("/proc/loadavg")).trim());
        String json = FrameCodec.toJson(results);
        System.out.println("BENCH " + json);
        System.out.println(BenchSummary.of(results));
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

    private void manyBots(WorkerFixture worker, int n) throws InterruptedException {
        var bots = new ArrayList<String>();
        for (int i = 0; i < n; i++) {
            bots.add(worker.start(COUNTING_BOT));
        }
        // Fifty context creations take minutes on a crowded machine: wait for all of them, not 60 s each.
        await().atMost(Duration.ofMinutes(20))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> bots.stream().allMatch(b -> worker.host.states(b).contains("running")));
        results.put("fifty_bots", throughput(worker, bots, WARM_UP_SECONDS, MEASURE_SECONDS));
        print("fifty_bots", results.get("fifty_bots"));
        bots.forEach(worker::stop);
    }

    /**
     * Sends quotes to the bots round-robin from one thread as fast as the hub takes them. A bot whose window is full
     * ({@link Delivery#BOT_BEHIND}) is skipped for that round (counted as refused, nothing is sent), so every quote
     * counted as sent reaches quote_update. Callbacks delivered = sent - the hub's in-flight count (the worker
     * credits quotes back only after their callbacks ran); the bots' own counts are checked at the end.
     */
    private Map<String, Object> throughput(WorkerFixture worker, List<String> bots, int warmUpSeconds, int seconds)
            throws InterruptedException {
        var sent = new AtomicLong();
        var refused = new AtomicLong();
        var running = new java.util.concurrent.atomic.AtomicBoolean(true);
        var quote = quote(1);
        var sender = Thread.ofPlatform().name("bench-sender").start(() -> {
            while (running.get()) {
                int refusedThisRound = 0;
                for (String bot : bots) {
                    for (int i = 0; i < 64; i++) {
                        Delivery outcome = worker.hub.deliver(bot, "quote", "bitmex", "XBTUSD", quote);
                        if (outcome == Delivery.QUEUED) {
                            sent.incrementAndGet();
                        } else if (outcome == Delivery.BOT_BEHIND) {
                            refused.incrementAndGet();
                            refusedThisRound++;
                            break;
                        } else {
                            throw new IllegalStateException(
                                    "bot " + bot + " is unavailable: " + worker.host.logText(bot));
                        }
                    }
                }
                if (refusedThisRound == bots.size()) {
                    java.util.concurrent.locks.LockSupport.parkNanos(50_000);
                }
            }
        });
        var perSecond = new ArrayList<Long>();
        long previous = delivered(worker, bots, sent.get());
        long steadyStart = 0;
        long steadyNanos = 0;
        WorkerCpu cpuStart = null;
        for (int second = 0; second < warmUpSeconds + seconds; second++) {
            long t0 = System.nanoTime();
            Thread.sleep(1000);
            long now = delivered(worker, bots, sent.get());
            perSecond.add(Math.round((now - previous) * 1e9 / (System.nanoTime() - t0)));
            if (second == warmUpSeconds - 1) {
                steadyStart = now;
                steadyNanos = System.nanoTime();
                cpuStart = WorkerCpu.of(worker.supervisor.process().pid());
            }
            previous = now;
        }
        long steadyEvents = previous - steadyStart;
        double steadySeconds = (System.nanoTime() - steadyNanos) / 1e9;
        WorkerCpu cpu = WorkerCpu.of(worker.supervisor.process().pid()).minus(cpuStart);
        running.set(false);
        sender.join();
        long total = sent.get();
        // Each bot still has up to a window (10 000) of quotes queued: let them drain before counting.
        boolean drained = true;
        try {
            await().atMost(Duration.ofMinutes(10))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() ->
                            bots.stream().mapToLong(worker.hub::marketInFlight).sum() == 0);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            drained = false;
        }
        long counted = bots.stream().mapToLong(b -> count(worker, b)).sum();
        var result = new LinkedHashMap<String, Object>();
        result.put("bots", bots.size());
        result.put("steady_quote_updates_per_second", Math.round(steadyEvents / steadySeconds));
        result.put("per_second_from_start", perSecond);
        // On a crowded machine the wall-clock rate mostly measures how much CPU the worker got: also per CPU second.
        result.put("steady_worker_cpu_seconds", Math.round(cpu.processSeconds() * 10) / 10.0);
        result.put("steady_event_loop_cpu_seconds", Math.round(cpu.eventLoopSeconds() * 10) / 10.0);
        result.put("quote_updates_per_worker_cpu_second", Math.round(steadyEvents / cpu.processSeconds()));
        result.put("quote_updates_per_event_loop_cpu_second", Math.round(steadyEvents / cpu.eventLoopSeconds()));
        result.put("quotes_sent", total);
        result.put("quote_updates_counted_by_bots", counted);
        result.put("refused_bot_behind", refused.get());
        result.put("drained_before_counting", drained);
        return result;
    }

    private static long delivered(WorkerFixture worker, List<String> bots, long sent) {
        return sent - bots.stream().mapToLong(worker.hub::marketInFlight).sum();
    }

    /**
     * Sends one quote at a time and waits (blocking, no polling) for the bot's order call to reach the host handler;
     * the latency is taken on the handler's thread, so it ends when the call is decoded on the host.
     */
    private void orderLatency(WorkerFixture worker, int warmUp, int measured) throws InterruptedException {
        String bot = worker.start(ORDERING_BOT);
        var arrivals = new java.util.concurrent.SynchronousQueue<Long>();
        worker.host.exchangeFor(bot, (b, method, venue, args) -> {
            long now = System.nanoTime();
            try {
                arrivals.put(now);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ExchangeResults.success("bitmex", venue, Map.of("order_id", "o" + args.get("size")), Map.of());
        });
        worker.awaitState(bot, "running");
        var latencies = new long[measured];
        for (int seq = 1; seq <= warmUp + measured; seq++) {
            long sentAt = System.nanoTime();
            if (worker.hub.deliver(bot, "quote", "bitmex", "XBTUSD", quote(seq)) != Delivery.QUEUED) {
                throw new IllegalStateException("quote refused; log:\n" + worker.host.logText(bot));
            }
            Long arrived = arrivals.poll(30, java.util.concurrent.TimeUnit.SECONDS);
            if (arrived == null) {
                throw new IllegalStateException("no order call within 30 s; log:\n" + worker.host.logText(bot));
            }
            if (seq > warmUp) {
                latencies[seq - warmUp - 1] = arrived - sentAt;
            }
        }
        java.util.Arrays.sort(latencies);
        var result = new LinkedHashMap<String, Object>();
        result.put("round_trips", measured);
        result.put("p50_us", latencies[measured / 2] / 1000);
        result.put("p90_us", latencies[measured * 9 / 10] / 1000);
        result.put("p99_us", latencies[measured * 99 / 100] / 1000);
        result.put("p999_us", latencies[measured * 999 / 1000] / 1000);
        result.put("max_us", latencies[measured - 1] / 1000);
        results.put("event_in_to_order_out", result);
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
        // Doubles, as the platform's MarketQuote sends them.
        return Map.of("bid", List.of(21601.0, 170000.0), "ask", List.of(21601.5, 223000.0), "time", time);
    }

    /** Prints a phase's result at once, so a run that fails later still shows it. */
    private static void print(String phase, Object result) {
        System.out.println("BENCH phase " + phase + " " + FrameCodec.toJson(result));
    }

    /** The same bot loop on the machine's python3, run after the worker is gone so they do not compete. */
    private static Object cpython(int seconds, int bots) throws Exception {
        var script = Path.of("src/test/resources/bench/cpython_quote_loop.py").toAbsolutePath();
        var process = new ProcessBuilder("python3", script.toString(), String.valueOf(seconds), String.valueOf(bots))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        process.waitFor();
        return FrameCodec.parse(output.substring(output.lastIndexOf('{')));
    }
}
