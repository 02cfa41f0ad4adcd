package dev.botlink.marketplace.metrics;

import java.math.BigDecimal;
import java.util.OptionalDouble;

/**
 * A bot's performance over a period. Money is exact; ratios are doubles. A ratio that is undefined for
 * the data (e.g. Sharpe with fewer than two returns or none varying, win rate without closed trades) is
 * empty rather than a misleading zero.
 *
 * @param netPnl last equity minus first equity
 * @param realizedPnl profit of the closed parts of positions (average-cost), after fees
 * @param fees fees paid
 * @param totalReturn last equity / first equity − 1
 * @param sharpe annualised mean / sample standard deviation of period returns
 * @param sortino annualised mean / downside deviation of period returns (target 0)
 * @param maxDrawdown largest peak-to-trough fall of equity, as a positive fraction of the peak
 * @param winRate share of closing trades with positive realized profit
 * @param tradeCount number of fills
 * @param winningTrades closing trades with positive realized profit
 * @param losingTrades closing trades with negative realized profit
 * @param exposure share of the period during which a position was open
 */
public record PerformanceReport(
        BigDecimal netPnl,
        BigDecimal realizedPnl,
        BigDecimal fees,
        double totalReturn,
        OptionalDouble sharpe,
        OptionalDouble sortino,
        double maxDrawdown,
        OptionalDouble winRate,
        int tradeCount,
        int winningTrades,
        int losingTrades,
        double exposure) {}
