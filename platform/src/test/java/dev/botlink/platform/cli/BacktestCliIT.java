package dev.botlink.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./botlink backtest} as a user runs it, as a process against the packaged platform (each run starts its own
 * throwaway platform): the report of a good script (a table over the recorded BTC trades, JSON over a CSV of candles
 * the command imports), exit status 1 and file:line:column for a script with a syntax error, 2 for a bad command
 * line.
 */
class BacktestCliIT {

    private static final Path LAUNCHER = Path.of("../botlink").toAbsolutePath().normalize();

    /** Buys on the 5th quote and sells on the 200th: two fills over a few hours of the recorded BTC trades. */
    static final String GOOD = """
            from profitview import Link, logger


            class Trading(Link):
                def on_start(self):
                    self.quotes = 0

                def quote_update(self, src, sym, data):
                    self.quotes += 1
                    if self.quotes == 5:
                        self.create_market_order(src, sym, 'Buy', 100)
                    elif self.quotes == 200:
                        self.create_market_order(src, sym, 'Sell', 100)
            """;

    static final String SYNTAX_ERROR = """
            from profitview import Link


            class Trading(Link):
                def quote_update(self, src, sym, data)
                    pass
            """;

    record Run(int exit, String out, String err) {}

    @TempDir
    Path dir;

    @Test
    void aGoodScriptPrintsItsReport() throws Exception {
        Files.writeString(dir.resolve("good_bot.py"), GOOD);
        Run table = backtest(
                "good_bot.py",
                "--data",
                "btc-trades",
                "--symbol",
                "XBTUSD",
                "--from",
                "2013-11-25T00:00:00Z",
                "--to",
                "2013-11-25T06:00:00Z");
        assertThat(table.exit()).as(table.err()).isZero();
        assertThat(table.out())
                .contains("of good_bot.py: completed (XBTUSD on bitmex, btc-trades)")
                .containsPattern("PnL +-?\\d")
                .containsPattern("Fills +2\\b")
                .contains("Sharpe", "Sortino", "Max drawdown", "Win rate", "Exposure", "Fees", "Trades");

        Files.writeString(dir.resolve("bars.csv"), candles());
        Run json = backtest("good_bot.py", "--csv", "bars.csv", "--kind", "candles", "--json");
        assertThat(json.exit()).as(json.err()).isZero();
        assertThat(json.err()).contains("imported 120 candles from 2024-01-01T00:00:00Z");
        JsonNode report = new ObjectMapper().readTree(json.out());
        assertThat(report.path("status").asText()).isEqualTo("completed");
        assertThat(report.path("request").path("data").path("kind").asText()).isEqualTo("import");
        assertThat(report.path("report").path("data").asText()).contains("bars.csv");
        assertThat(report.path("report").path("metrics").path("fills").asInt()).isEqualTo(2);
        assertThat(report.path("report").path("fills")).hasSize(2);
        assertThat(report.path("report").path("equity").size()).isPositive();
    }

    /** Two hours of 1-minute bars around 40,000 (the CLI imports them, gzipped, before the backtest). */
    static String candles() {
        StringBuilder csv = new StringBuilder("Open Time,Open,High,Low,Close,Volume\n");
        for (int i = 0; i < 120; i++) {
            long open = 40_000 + Math.round(800 * Math.sin(i / 12.0));
            long close = 40_000 + Math.round(800 * Math.sin((i + 1) / 12.0));
            csv.append(String.format(
                    "%d,%d,%d,%d,%d,25000%n",
                    1_704_067_200L + i * 60L, open, Math.max(open, close) + 50, Math.min(open, close) - 50, close));
        }
        return csv.toString();
    }

    @Test
    void aScriptWithASyntaxErrorFailsNamingTheLine() throws Exception {
        Files.writeString(dir.resolve("broken.py"), SYNTAX_ERROR);
        Run run = backtest("broken.py", "--data", "btc-trades");
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.err()).containsPattern("broken\\.py:5:\\d+: ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aBadCommandLineExitsWithTwoBeforeStartingAnything() throws Exception {
        Run none = backtest();
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("name the script to backtest", "usage: ./botlink backtest");
        Run unknown = backtest("x.py", "--speed", "fast");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown option --speed");
        Run missing = backtest("missing.py");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("cannot read").contains("missing.py");
    }

    private Run backtest(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString(), "backtest"));
        command.addAll(List.of(args));
        Path out = dir.resolve("out-" + System.nanoTime() + ".txt");
        Path err = dir.resolve("err-" + System.nanoTime() + ".txt");
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("the command did not finish within 15 minutes:\n" + Files.readString(err));
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
