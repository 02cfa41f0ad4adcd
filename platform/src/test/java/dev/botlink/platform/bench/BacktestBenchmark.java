package dev.botlink.platform.bench;

import dev.botlink.platform.backtest.BacktestEngine;
import dev.botlink.platform.backtest.BacktestSpec;
import dev.botlink.platform.backtest.MarketPlan;
import dev.botlink.platform.backtest.SimulatedBots;
import dev.botlink.platform.marketdata.TapeTrade;
import dev.botlink.platform.marketdata.TradeSource;
import dev.botlink.platform.marketdata.runtime.MarketDataConfig;
import dev.botlink.platform.venue.paper.PaperInstruments;
import dev.botlink.platform.venue.paper.runtime.PaperConfig;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * 1-minute candles per second through a simple SMA crossover script with paper fills (the backtest engine: real
 * sandbox worker, simulated time, isolated paper venue), beside the same strategy as a plain CPython loop over the
 * same candles, in one run. Prints {@code BENCH} lines; asserts nothing about speed. Run:
 * {@code ./botlink mvn -B -pl platform -am package -Dtest=BacktestBenchmark -Dbotlink.bench=true
 * -Dsurefire.failIfNoSpecifiedTests=false} ({@code -Dbotlink.bench.candles=N}, default 20,000).
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "botlink.bench", matches = "true")
class BacktestBenchmark {

    static final long START = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();

    /** SMA 10/30 of candle closes; +-1000 contracts with market orders. A candle closes at the next minute's trade. */
    static final String SCRIPT = """
            from profitview import Link

            class Trading(Link):
                def __init__(self):
                    super().__init__()
                    self.closes = []
                    self.minute = None
                    self.last = None
                    self.position = 0
                    self.fills = 0

                def trade_update(self, src, sym, data):
                    minute = data['time'] // 60000
                    if self.minute is not None and minute != self.minute:
                        self.on_close(self.last)
                    self.minute = minute
                    self.last = data['price']

                def on_close(self, close):
                    closes = self.closes
                    closes.append(close)
                    if len(closes) > 30:
                        closes.pop(0)
                    if len(closes) < 30:
                        return
                    fast = sum(closes[-10:]) / 10
                    slow = sum(closes) / 30
                    target = 1000 if fast > slow else -1000
                    if target != self.position:
                        side = 'Buy' if target > self.position else 'Sell'
                        result = self.create_market_order('BitMEX', 'XBTUSD', side, abs(target - self.position))
                        if result['error'] is None:
                            self.position = target
            """;

    /** The same strategy as a plain CPython loop: fills at the close, BitMEX taker fee. */
    static final String BASELINE = """
            import sys, time
            closes = [float(line.split(',')[4]) for line in open(sys.argv[1]).read().splitlines()[1:]]
            rounds = int(sys.argv[2])
            start = time.perf_counter()
            for _ in range(rounds):
                window, position, fills, fees = [], 0, 0, 0.0
                for close in closes:
                    window.append(close)
                    if len(window) > 30:
                        window.pop(0)
                    if len(window) < 30:
                        continue
                    fast = sum(window[-10:]) / 10
                    slow = sum(window) / 30
                    target = 1000 if fast > slow else -1000
                    if target != position:
                        fees += abs(target - position) / close * 0.00075
                        position = target
                        fills += 1
            elapsed = time.perf_counter() - start
            print(len(closes) * rounds / elapsed, fills)
            """;

    @Inject
    SimulatedBots bots;

    @Inject
    MarketDataConfig marketData;

    @Inject
    PaperConfig paper;

    record Candle(long time, double open, double high, double low, double close) {}

    @Test
    void candlesPerSecondThroughAnSmaCrossoverBesideCPython() throws Exception {
        int count = Integer.getInteger("botlink.bench.candles", 20_000);
        List<Candle> candles = candles(count);
        Path csv = Files.createTempFile("bench-candles", ".csv");
        Path baseline = Files.createTempFile("bench-baseline", ".py");
        StringBuilder text = new StringBuilder("time,open,high,low,close\n");
        candles.forEach(c -> text.append(c.time())
                .append(',')
                .append(c.open())
                .append(',')
                .append(c.high())
                .append(',')
                .append(c.low())
                .append(',')
                .append(c.close())
                .append('\n'));
        Files.writeString(csv, text, StandardCharsets.UTF_8);
        Files.writeString(baseline, BASELINE, StandardCharsets.UTF_8);

        for (int round = 1; round <= 2; round++) {
            long started = System.nanoTime();
            var spec = new BacktestSpec(
                    "bench",
                    new SimulatedBots.Script("sma.py", SCRIPT, Map.of()),
                    "import",
                    0,
                    null,
                    "bitmex",
                    PaperInstruments.forExchange("bitmex").orElseThrow().get("XBTUSD"),
                    START,
                    START + count * 60_000L,
                    new BigDecimal("100000"),
                    null,
                    Map.of());
            var plan = new MarketPlan("bench candles", source(candles), START, START + count * 60_000L);
            var engine = new BacktestEngine(
                    spec,
                    plan,
                    bots,
                    new BacktestEngine.Limits(
                            10_000_000, Duration.ofHours(1), Duration.ofMinutes(5), Duration.ofMinutes(1), 1000),
                    marketData.settings(),
                    paper.settings(),
                    "BitMEX",
                    null);
            long[] runStart = new long[1];
            var outcome = engine.run("bench-" + round, 0, () -> false, (percent, time, points) -> {
                if (runStart[0] == 0) {
                    runStart[0] = System.nanoTime();
                }
            });
            double seconds = (System.nanoTime() - runStart[0]) / 1e9;
            System.out.printf(
                    "BENCH backtest round %d: %s, %d candles (%d points) in %.1f s after the bot started"
                            + " (%.1f s with the start) = %.0f candles/s, %d fills%n",
                    round,
                    outcome.status(),
                    count,
                    engine.points(),
                    seconds,
                    (System.nanoTime() - started) / 1e9,
                    count / seconds,
                    outcome.report().metrics().fills());
            Process python = new ProcessBuilder(
                            "python3",
                            baseline.toString(),
                            csv.toString(),
                            String.valueOf(Math.max(1, 2_000_000 / count)))
                    .redirectErrorStream(true)
                    .start();
            String answer = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            python.waitFor();
            String[] parts = answer.split(" ");
            System.out.printf(
                    "BENCH CPython loop round %d: %.0f candles/s, %s fills over the same %d candles%n",
                    round, Double.parseDouble(parts[0]), parts.length > 1 ? parts[1] : "?", count);
        }
        Files.deleteIfExists(csv);
        Files.deleteIfExists(baseline);
    }

    /** A seeded random walk of 1-minute candles around 30,000 USD. */
    static List<Candle> candles(int count) {
        SplittableRandom random = new SplittableRandom(7);
        List<Candle> candles = new ArrayList<>(count);
        double price = 30_000;
        for (int i = 0; i < count; i++) {
            double open = price;
            double high = open;
            double low = open;
            for (int k = 0; k < 4; k++) {
                price *= Math.exp(random.nextGaussian() * 0.0005);
                high = Math.max(high, price);
                low = Math.min(low, price);
            }
            candles.add(new Candle(START + i * 60_000L, round(open), round(high), round(low), round(price)));
        }
        return candles;
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_EVEN).doubleValue();
    }

    /** Each candle as four trades at its minute's start, open, high, low, close (one time point per candle). */
    static TradeSource source(List<Candle> candles) {
        return new TradeSource() {
            private int index;

            @Override
            public long peekTime() {
                return index / 4 < candles.size() ? candles.get(index / 4).time() : Long.MAX_VALUE;
            }

            @Override
            public TapeTrade next() {
                Candle candle = candles.get(index / 4);
                double price =
                        switch (index % 4) {
                            case 0 -> candle.open();
                            case 1 -> candle.high();
                            case 2 -> candle.low();
                            default -> candle.close();
                        };
                index++;
                return new TapeTrade(candle.time(), BigDecimal.valueOf(price), new BigDecimal("0.1"), null);
            }
        };
    }

    static {
        try {
            Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        } catch (IOException ignored) {
            // The temporary directory exists on every supported system.
        }
    }
}
