package dev.botlink.platform.backtest;

import dev.botlink.marketplace.execution.Side;
import dev.botlink.marketplace.metrics.EquityPoint;
import dev.botlink.marketplace.metrics.Fill;
import dev.botlink.marketplace.metrics.PerformanceCalculator;
import dev.botlink.marketplace.metrics.PerformanceReport;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Collects a backtest's equity, fills and log as it runs and turns them into a {@link BacktestReport} with the
 * marketplace's {@link PerformanceCalculator} (the same numbers listings show). Equity is kept as the last value of
 * each sampling interval ({@code max(1 min, period / 100,000)}), so memory is bounded whatever the number of points;
 * Sharpe and Sortino are annualised for that interval. Not thread-safe: the engine's thread owns it, except
 * {@link #log}, which is synchronised.
 */
public final class ReportBuilder {

    /** Most points of the equity and drawdown curves in a report. */
    public static final int MAX_CURVE = 2_000;

    private static final int MAX_SAMPLES = 100_000;
    private static final int MAX_MESSAGE = 1_000;

    private final String currency;
    private final long from;
    private final long interval;
    private final int maxFills;
    private final int maxLog;
    private final List<EquityPoint> samples = new ArrayList<>();
    private final List<Fill> metricFills = new ArrayList<>();
    private final List<BacktestReport.FillView> fills = new ArrayList<>();
    private final List<BacktestReport.LogLine> log = new ArrayList<>();
    private BigDecimal fees = BigDecimal.ZERO;
    private int fillCount;
    private int droppedLog;
    private long points;
    private BigDecimal starting;

    public ReportBuilder(String currency, long from, long to, int maxFills, int maxLog) {
        this.currency = currency;
        this.from = from;
        this.interval = Math.max(60_000L, (to - from) / MAX_SAMPLES + 1);
        this.maxFills = maxFills;
        this.maxLog = maxLog;
    }

    /** The account's value at {@code time}, marked to market; times never go backwards. */
    public void equity(long time, BigDecimal equity) {
        points++;
        if (starting == null) {
            starting = equity;
            samples.add(new EquityPoint(time, positive(equity)));
            return;
        }
        EquityPoint point = new EquityPoint(time, positive(equity));
        EquityPoint last = samples.getLast();
        if (samples.size() > 1 && bucket(last.timeMillis()) == bucket(time)) {
            samples.set(samples.size() - 1, point);
        } else if (samples.size() < PerformanceCalculator.MAX_POINTS) {
            samples.add(point);
        }
    }

    /**
     * One fill of the bot's orders; {@code fee} in {@code feeCurrency}, converted at the fill price when that is not
     * the quote currency (inverse contracts) for the win-rate ledger only.
     */
    public void fill(
            long time,
            dev.botlink.platform.venue.Side side,
            BigDecimal price,
            BigDecimal size,
            BigDecimal fee,
            boolean feeInQuote,
            String orderId,
            boolean maker) {
        fillCount++;
        fees = fees.add(fee);
        if (fills.size() < maxFills) {
            fills.add(new BacktestReport.FillView(time, side.link(), price, size, fee, orderId, maker));
        }
        if (metricFills.size() < PerformanceCalculator.MAX_POINTS) {
            Side domain = side == dev.botlink.platform.venue.Side.BUY ? Side.BUY : Side.SELL;
            metricFills.add(new Fill(time, domain, price, size, feeInQuote ? fee : fee.multiply(price)));
        }
    }

    /** A line of the bot's log at simulated {@code time}; beyond the cap lines are counted, not kept. */
    public synchronized void log(long time, String level, String message) {
        if (log.size() < maxLog) {
            String text = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "…" : message;
            log.add(new BacktestReport.LogLine(time, level, text));
        } else {
            droppedLog++;
        }
    }

    public synchronized List<BacktestReport.LogLine> logSoFar() {
        return List.copyOf(log);
    }

    public int fillCount() {
        return fillCount;
    }

    public long points() {
        return points;
    }

    public BacktestReport build(String data, String symbol, long to) {
        if (samples.isEmpty()) {
            throw new IllegalStateException("no equity was recorded");
        }
        int periodsPerYear = (int) Math.max(1, Duration.ofDays(365).toMillis() / interval);
        PerformanceReport performance = PerformanceCalculator.compute(metricFills, samples, periodsPerYear);
        List<List<Object>> equity = new ArrayList<>();
        List<List<Object>> drawdown = new ArrayList<>();
        int step = Math.max(1, (samples.size() + MAX_CURVE - 2) / (MAX_CURVE - 1));
        BigDecimal peak = BigDecimal.ZERO;
        for (int i = 0; i < samples.size(); i++) {
            EquityPoint point = samples.get(i);
            peak = peak.max(point.equity());
            if (i % step == 0 || i == samples.size() - 1) {
                equity.add(List.of(point.timeMillis(), point.equity()));
                double below = peak.signum() == 0
                        ? 0
                        : BigDecimal.ONE
                                        .subtract(point.equity().divide(peak, MathContext.DECIMAL64))
                                        .doubleValue()
                                * 100;
                drawdown.add(List.of(point.timeMillis(), below));
            }
        }
        List<BacktestReport.LogLine> lines;
        synchronized (this) {
            lines = new ArrayList<>(log);
            if (droppedLog > 0) {
                lines.add(new BacktestReport.LogLine(
                        samples.getLast().timeMillis(),
                        "WARNING",
                        droppedLog + " more log lines not kept (the report keeps " + maxLog + ")"));
            }
        }
        BigDecimal ending = samples.getLast().equity();
        BacktestReport.Metrics metrics = new BacktestReport.Metrics(
                ending.subtract(starting),
                performance.totalReturn() * 100,
                boxed(performance.sharpe()),
                boxed(performance.sortino()),
                performance.maxDrawdown() * 100,
                boxed(performance.winRate()),
                performance.exposure() * 100,
                fees,
                performance.winningTrades() + performance.losingTrades(),
                fillCount,
                starting,
                ending);
        return new BacktestReport(
                metrics, currency, data, symbol, from, to, points, equity, drawdown, List.copyOf(fills), lines);
    }

    private long bucket(long time) {
        return Math.floorDiv(time - from, interval);
    }

    /** Ratios need a positive account value; a wiped-out account counts as the smallest positive amount. */
    private static BigDecimal positive(BigDecimal equity) {
        return equity.signum() > 0 ? equity : new BigDecimal("1E-18");
    }

    private static Double boxed(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }
}
