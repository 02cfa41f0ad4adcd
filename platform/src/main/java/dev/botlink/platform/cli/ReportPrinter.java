package dev.botlink.platform.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.math.RoundingMode;
import java.util.List;

/** Prints a finished backtest: a metrics table, or with --json the whole answer of GET /api/backtests/{id}. */
final class ReportPrinter {

    /** Report metric, label, unit; values are printed exactly as the platform gives them (no rounding). */
    static final List<String[]> METRICS = List.of(
            new String[] {"pnl", "PnL", ""},
            new String[] {"returnPct", "Return", " %"},
            new String[] {"sharpe", "Sharpe", ""},
            new String[] {"sortino", "Sortino", ""},
            new String[] {"maxDrawdownPct", "Max drawdown", " %"},
            new String[] {"winRate", "Win rate", ""},
            new String[] {"exposurePct", "Exposure", " %"},
            new String[] {"fees", "Fees", ""},
            new String[] {"trades", "Trades", ""},
            new String[] {"fills", "Fills", ""});

    private final PrintStream out;

    /** Money (PnL, fees) exactly as reported; ratios to 4 decimals (--json keeps every digit). */
    static String text(String metric, JsonNode value) {
        if (metric.equals("pnl") || metric.equals("fees") || !value.isFloatingPointNumber()) {
            return value.asText();
        }
        return value.decimalValue()
                .setScale(4, RoundingMode.HALF_EVEN)
                .stripTrailingZeros()
                .toPlainString();
    }

    ReportPrinter(PrintStream out) {
        this.out = out;
    }

    void print(String fileName, JsonNode backtest, boolean json) {
        if (json) {
            try {
                out.println(PlatformClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(backtest));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return;
        }
        JsonNode request = backtest.path("request");
        out.println("Backtest " + backtest.path("id").asText() + " of " + fileName + ": "
                + backtest.path("status").asText() + " ("
                + request.path("symbol").asText() + " on "
                + request.path("exchange").asText() + ", "
                + request.path("data").path("kind").asText() + ")");
        JsonNode metrics = backtest.path("report").path("metrics");
        if (metrics.isMissingNode() || metrics.isNull()) {
            out.println("  no report");
            return;
        }
        for (String[] metric : METRICS) {
            JsonNode value = metrics.path(metric[0]);
            String text = value.isMissingNode() || value.isNull() ? "-" : text(metric[0], value) + metric[2];
            out.printf("  %-14s %s%n", metric[1], text);
        }
    }
}
