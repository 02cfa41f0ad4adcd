package dev.botlink.marketplace.metrics;

import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Computes a {@link PerformanceReport} from a bot's fills and equity curve. Pure and deterministic: the
 * same inputs give the same report, so listings (live bots) and backtests share it.
 */
public final class PerformanceCalculator {
    /** Most fills or equity points one report covers: callers downsample longer histories. */
    public static final int MAX_POINTS = 1_000_000;

    private PerformanceCalculator() {}

    /**
     * @param fills the bot's fills in time order (may be empty)
     * @param equity equity points in time order, at least one
     * @param periodsPerYear equity points per year for annualising Sharpe and Sortino (e.g. 365 for daily
     *     points of a 24/7 market, 252 for trading days)
     * @throws IllegalArgumentException if the inputs are empty, too long or out of time order
     */
    public static PerformanceReport compute(List<Fill> fills, List<EquityPoint> equity, int periodsPerYear) {
        check(fills, equity, periodsPerYear);
        TradeLedger ledger = new TradeLedger();
        fills.forEach(ledger::add);
        BigDecimal first = equity.getFirst().equity();
        BigDecimal last = equity.getLast().equity();
        double[] returns = returns(equity);
        double annualiser = Math.sqrt(periodsPerYear);
        int closed = ledger.wins() + ledger.losses();
        return new PerformanceReport(
                last.subtract(first),
                ledger.realized(),
                ledger.fees(),
                last.doubleValue() / first.doubleValue() - 1,
                Ratios.sharpe(returns).stream().map(r -> r * annualiser).findFirst(),
                Ratios.sortino(returns).stream().map(r -> r * annualiser).findFirst(),
                Ratios.maxDrawdown(equity),
                closed == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) ledger.wins() / closed),
                fills.size(),
                ledger.wins(),
                ledger.losses(),
                Exposure.of(fills, equity));
    }

    /** The closing fills with their realized profit, in time order: exit markers for charts. */
    public static List<ClosedTrade> closedTrades(List<Fill> fills) {
        if (fills.size() > MAX_POINTS) {
            throw new IllegalArgumentException("at most " + MAX_POINTS + " fills, got " + fills.size());
        }
        requireOrdered(fills.stream().map(Fill::timeMillis).toList(), "fills");
        TradeLedger ledger = new TradeLedger();
        fills.forEach(ledger::add);
        return ledger.closedTrades();
    }

    private static double[] returns(List<EquityPoint> equity) {
        double[] returns = new double[equity.size() - 1];
        for (int i = 1; i < equity.size(); i++) {
            returns[i - 1] = equity.get(i).equity().doubleValue()
                            / equity.get(i - 1).equity().doubleValue()
                    - 1;
        }
        return returns;
    }

    private static void check(List<Fill> fills, List<EquityPoint> equity, int periodsPerYear) {
        if (equity.isEmpty()) {
            throw new IllegalArgumentException("at least one equity point is needed");
        }
        if (fills.size() > MAX_POINTS || equity.size() > MAX_POINTS) {
            throw new IllegalArgumentException("at most " + MAX_POINTS + " fills and equity points per report, got "
                    + fills.size() + " and " + equity.size() + ": downsample the history");
        }
        if (periodsPerYear < 1 || periodsPerYear > 525_600 * 60) {
            throw new IllegalArgumentException(
                    "periodsPerYear must be between 1 and one per second, got " + periodsPerYear);
        }
        requireOrdered(fills.stream().map(Fill::timeMillis).toList(), "fills");
        requireOrdered(equity.stream().map(EquityPoint::timeMillis).toList(), "equity points");
    }

    private static void requireOrdered(List<Long> times, String what) {
        for (int i = 1; i < times.size(); i++) {
            if (times.get(i) < times.get(i - 1)) {
                throw new IllegalArgumentException(what + " must be in time order: element " + i + " at " + times.get(i)
                        + " ms comes before " + times.get(i - 1) + " ms");
            }
        }
    }
}
