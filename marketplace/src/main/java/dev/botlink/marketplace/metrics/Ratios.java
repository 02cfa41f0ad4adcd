package dev.botlink.marketplace.metrics;

import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalDouble;

/** Return and risk ratios over period returns, unannualised. */
final class Ratios {
    private Ratios() {}

    /** Mean over sample standard deviation; empty with fewer than two returns or no variation. */
    static OptionalDouble sharpe(double[] returns) {
        if (returns.length < 2) {
            return OptionalDouble.empty();
        }
        double mean = mean(returns);
        double squares = 0;
        for (double r : returns) {
            squares += (r - mean) * (r - mean);
        }
        double deviation = Math.sqrt(squares / (returns.length - 1));
        return deviation == 0 ? OptionalDouble.empty() : OptionalDouble.of(mean / deviation);
    }

    /** Mean over downside deviation (root mean square of the negative returns over all periods). */
    static OptionalDouble sortino(double[] returns) {
        if (returns.length < 2) {
            return OptionalDouble.empty();
        }
        double downside = 0;
        for (double r : returns) {
            downside += r < 0 ? r * r : 0;
        }
        double deviation = Math.sqrt(downside / returns.length);
        return deviation == 0 ? OptionalDouble.empty() : OptionalDouble.of(mean(returns) / deviation);
    }

    /** Largest fall from a running peak, as a positive fraction of that peak; 0 if equity never fell. */
    static double maxDrawdown(List<EquityPoint> equity) {
        BigDecimal peak = equity.getFirst().equity();
        double worst = 0;
        for (EquityPoint point : equity) {
            peak = peak.max(point.equity());
            double drawdown = peak.subtract(point.equity()).doubleValue() / peak.doubleValue();
            worst = Math.max(worst, drawdown);
        }
        return worst;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
