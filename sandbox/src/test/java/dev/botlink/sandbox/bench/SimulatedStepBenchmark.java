package dev.botlink.sandbox.bench;

import dev.botlink.sandbox.host.StepEvent;
import dev.botlink.sandbox.host.StepPoint;
import dev.botlink.sandbox.testing.WorkerFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Points per second through {@code WorkerHub.step} (one trade per point, a minute apart) for a bot that does nothing
 * and for a simple SMA crossover that orders through the host: the sandbox's share of a backtest's speed.
 * {@code ./botlink mvn -B -pl sandbox -am verify -Pbench -Dtest=SimulatedStepBenchmark}.
 */
@Tag("bench")
class SimulatedStepBenchmark {
    static final String NOOP = """
            from profitview import Link

            class Trading(Link):
                def trade_update(self, src, sym, data):
                    pass
            """;

    static final String SMA = """
            from collections import deque
            from profitview import Link

            class Trading(Link):
                def __init__(self):
                    super().__init__()
                    self.fast, self.slow = deque(maxlen=10), deque(maxlen=30)
                    self.above = None

                def trade_update(self, src, sym, data):
                    price = data['price']
                    self.fast.append(price)
                    self.slow.append(price)
                    if len(self.slow) < 30:
                        return
                    above = sum(self.fast) / 10 > sum(self.slow) / 30
                    if self.above is not None and above != self.above:
                        self.create_market_order('bitmex', sym, 'Buy' if above else 'Sell', 1)
                    self.above = above
            """;

    static final long T0 = 1_704_067_200_000_000L;
    static final long MINUTE = 60_000_000L;

    @Test
    void pointsPerSecond() throws Exception {
        var worker = WorkerFixture.shared();
        for (var entry : Map.of("no-op", NOOP, "sma crossover", SMA).entrySet()) {
            String bot = worker.startSimulated(entry.getValue(), T0);
            worker.awaitState(bot, "running");
            long[] t = {T0};
            int perStep = 1000;
            run(worker, bot, t, perStep, 20);
            long pid = worker.supervisor.process().pid();
            var cpuStart = WorkerCpu.of(pid);
            long started = System.nanoTime();
            int steps = 30;
            run(worker, bot, t, perStep, steps);
            double seconds = (System.nanoTime() - started) / 1e9;
            var cpu = WorkerCpu.of(pid).minus(cpuStart);
            System.out.printf(
                    "BENCH simulated step %-14s %,10.0f points/s wall, %,10.0f points per worker CPU second"
                            + " (%d points of one trade, %d per step; %d orders; load average %.1f)%n",
                    entry.getKey(),
                    steps * perStep / seconds,
                    steps * perStep / Math.max(0.01, cpu.processSeconds()),
                    steps * perStep,
                    perStep,
                    worker.host.calls(bot).size(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage());
            worker.stop(bot);
        }
    }

    private static void run(WorkerFixture worker, String bot, long[] t, int perStep, int steps) throws Exception {
        for (int s = 0; s < steps; s++) {
            var points = new ArrayList<StepPoint>(perStep);
            for (int i = 0; i < perStep; i++) {
                t[0] += MINUTE;
                double price = 100 + 10 * Math.sin(t[0] / (MINUTE * 50.0));
                points.add(new StepPoint(
                        t[0],
                        List.of(new StepEvent(
                                "trade",
                                "bitmex",
                                "XBTUSD",
                                Map.of("side", "Buy", "price", price, "size", 1, "time", t[0] / 1000)))));
            }
            worker.hub.step(bot, points).get(Duration.ofMinutes(5).toSeconds(), TimeUnit.SECONDS);
        }
    }
}
