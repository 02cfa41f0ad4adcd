package dev.botlink.platform.marketplace;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.botlink.marketplace.execution.Side;
import dev.botlink.marketplace.metrics.EquityPoint;
import dev.botlink.marketplace.metrics.Fill;
import dev.botlink.marketplace.metrics.PerformanceCalculator;
import dev.botlink.marketplace.metrics.PerformanceReport;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A deployment's performance from its stored fills and equity samples, computed by the marketplace's
 * {@link PerformanceCalculator}. Call inside a transaction.
 */
final class Performance {

    /** Fills and samples read per report: the most recent ones. */
    static final int MAX_ROWS = 100_000;

    private static final int MAX_HISTORY = 500;

    /** Crypto markets trade every day of the year. */
    private static final int DAYS_PER_YEAR = 365;

    private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

    /** Seed 003's metrics snapshot of one bot; ratios are null while undefined (e.g. Sharpe before two samples). */
    record Metrics(
            @JsonProperty("symbol") String symbol,
            @JsonProperty("strategy") String strategy,
            @JsonProperty("cash") BigDecimal cash,
            @JsonProperty("position_qty") BigDecimal positionQty,
            @JsonProperty("last_price") BigDecimal lastPrice,
            @JsonProperty("unrealized_pnl") BigDecimal unrealizedPnl,
            @JsonProperty("realized_pnl") BigDecimal realizedPnl,
            @JsonProperty("total_value") BigDecimal totalValue,
            @JsonProperty("net_pnl") BigDecimal netPnl,
            @JsonProperty("total_return") double totalReturn,
            @JsonProperty("fees") BigDecimal fees,
            @JsonProperty("trade_count") int tradeCount,
            @JsonProperty("win_count") int winCount,
            @JsonProperty("loss_count") int lossCount,
            @JsonProperty("win_rate") Double winRate,
            @JsonProperty("sharpe_ratio") Double sharpeRatio,
            @JsonProperty("sortino_ratio") Double sortinoRatio,
            @JsonProperty("max_drawdown") double maxDrawdown,
            @JsonProperty("current_drawdown") double currentDrawdown,
            @JsonProperty("exposure") double exposure,
            @JsonProperty("since") Instant since,
            @JsonProperty("pnl_history") List<List<Object>> pnlHistory) {}

    private Performance() {}

    static List<Fill> fills(long deploymentId) {
        List<ExecutionFill> rows = ExecutionFill.<ExecutionFill>find("deploymentId = ?1 order by id desc", deploymentId)
                .page(0, MAX_ROWS)
                .list();
        return rows.stream()
                .sorted(Comparator.comparingLong((ExecutionFill row) -> row.timeMs)
                        .thenComparing(row -> row.id))
                .map(row -> new Fill(row.timeMs, Side.valueOf(row.side), row.price, row.size, row.fee))
                .toList();
    }

    static Metrics of(
            Deployment deployment,
            Listing listing,
            BigDecimal capital,
            Duration equityEvery,
            Optional<BigDecimal> mid,
            long nowMillis) {
        List<Fill> fills = fills(deployment.id);
        OwnBook book = new OwnBook();
        fills.forEach(fill -> book.add(fill.side(), fill.price(), fill.size(), fill.fee()));
        List<EquityPoint> equity = equity(deployment, capital);
        if (mid.isPresent() && nowMillis > equity.getLast().timeMillis()) {
            equity.add(new EquityPoint(nowMillis, capital.add(book.pnl(mid.get()))));
        }
        long minFillTime = fills.isEmpty() ? Long.MAX_VALUE : fills.getFirst().timeMillis();
        if (minFillTime < equity.getFirst().timeMillis()) {
            equity.addFirst(new EquityPoint(minFillTime, equity.getFirst().equity()));
        }
        int periodsPerYear = (int) Math.max(1, Duration.ofDays(365).dividedBy(equityEvery));
        PerformanceReport report = PerformanceCalculator.compute(fills, equity, periodsPerYear);
        // Sharpe and Sortino from daily returns, as peers report them: annualising minute samples turned a young
        // listing's first fee into a ratio of -500.
        PerformanceReport daily = PerformanceCalculator.compute(fills, dailyCloses(equity), DAYS_PER_YEAR);
        BigDecimal last = equity.getLast().equity();
        BigDecimal peak = equity.stream()
                .map(EquityPoint::equity)
                .max(Comparator.naturalOrder())
                .orElse(last);
        return new Metrics(
                listing.symbol,
                listing.botType,
                exact(capital.add(book.cash())),
                exact(book.position()),
                mid.map(Performance::exact).orElse(null),
                exact(mid.map(book::unrealised).orElse(BigDecimal.ZERO)),
                exact(report.realizedPnl()),
                exact(last),
                exact(report.netPnl()),
                report.totalReturn(),
                exact(report.fees()),
                report.tradeCount(),
                report.winningTrades(),
                report.losingTrades(),
                boxed(report.winRate()),
                boxed(daily.sharpe()),
                boxed(daily.sortino()),
                report.maxDrawdown(),
                peak.signum() == 0
                        ? 0
                        : BigDecimal.ONE
                                .subtract(last.divide(peak, MathContext.DECIMAL64))
                                .doubleValue(),
                report.exposure(),
                deployment.createdAt,
                history(equity));
    }

    /** The first point, then the last point of every UTC day: the equity a daily return is measured between. */
    static List<EquityPoint> dailyCloses(List<EquityPoint> equity) {
        List<EquityPoint> closes = new ArrayList<>();
        closes.add(equity.getFirst());
        for (int i = 1; i < equity.size(); i++) {
            EquityPoint point = equity.get(i);
            boolean lastOfItsDay = i == equity.size() - 1
                    || Math.floorDiv(equity.get(i + 1).timeMillis(), DAY_MILLIS)
                            != Math.floorDiv(point.timeMillis(), DAY_MILLIS);
            if (lastOfItsDay) {
                closes.add(point);
            }
        }
        return closes;
    }

    private static List<EquityPoint> equity(Deployment deployment, BigDecimal capital) {
        List<EquitySample> rows = EquitySample.<EquitySample>find("deploymentId = ?1 order by id desc", deployment.id)
                .page(0, MAX_ROWS)
                .list();
        List<EquityPoint> points = new ArrayList<>();
        points.add(new EquityPoint(deployment.createdAt.toEpochMilli(), capital));
        rows.reversed().stream()
                .filter(row -> row.timeMs >= points.getLast().timeMillis())
                .forEach(row -> points.add(new EquityPoint(row.timeMs, row.equity)));
        return points;
    }

    private static List<List<Object>> history(List<EquityPoint> equity) {
        int step = Math.max(1, (equity.size() + MAX_HISTORY - 1) / MAX_HISTORY);
        List<List<Object>> history = new ArrayList<>();
        for (int i = 0; i < equity.size(); i += step) {
            history.add(List.of(equity.get(i).timeMillis(), exact(equity.get(i).equity())));
        }
        if ((equity.size() - 1) % step != 0) {
            history.add(List.of(
                    equity.getLast().timeMillis(), exact(equity.getLast().equity())));
        }
        return history;
    }

    /** The same number without trailing zeros (the database keeps 18 decimals): never rounded. */
    static BigDecimal exact(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static Double boxed(java.util.OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }
}
