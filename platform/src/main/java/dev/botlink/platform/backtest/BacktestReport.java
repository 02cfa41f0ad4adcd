package dev.botlink.platform.backtest;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a finished (or cancelled, or failed) backtest produced. Money is exact; ratios are doubles and null while
 * undefined (Sharpe without two equity returns, win rate without a closed trade).
 *
 * @param currency the currency of equity, PnL and fees (the instrument's settlement currency)
 * @param equity {@code [epochMillis, equity]} marked to market, at most {@link ReportBuilder#MAX_CURVE} points
 * @param drawdown {@code [epochMillis, percent below the running peak]}, the same times as {@code equity}
 * @param fills the first {@link ReportBuilder#maxFills} fills ({@code metrics.fills} counts them all)
 * @param log the bot's first log lines, capped
 */
public record BacktestReport(
        Metrics metrics,
        String currency,
        String data,
        String symbol,
        long from,
        long to,
        long points,
        List<List<Object>> equity,
        List<List<Object>> drawdown,
        List<FillView> fills,
        List<LogLine> log) {

    /**
     * @param trades closing trades (a fill that reduces a position)
     * @param fills executions of the bot's orders
     */
    public record Metrics(
            BigDecimal pnl,
            double returnPct,
            Double sharpe,
            Double sortino,
            double maxDrawdownPct,
            Double winRate,
            double exposurePct,
            BigDecimal fees,
            int trades,
            int fills,
            BigDecimal startingEquity,
            BigDecimal endingEquity) {}

    public record FillView(
            long time, String side, BigDecimal price, BigDecimal size, BigDecimal fee, String orderId, boolean maker) {}

    public record LogLine(long time, String level, String message) {}
}
