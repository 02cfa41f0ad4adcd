package dev.botlink.marketplace.metrics;

import dev.botlink.marketplace.execution.Side;
import java.math.BigDecimal;

/**
 * A fill that reduced or closed a position, with its realized profit: the exit markers of a chart.
 *
 * @param exitTimeMillis time of the closing fill
 * @param positionSide side of the position that was reduced (BUY for a long)
 * @param size size closed
 * @param entryPrice average entry price of the closed part (rounded to 34 significant digits)
 * @param exitPrice price of the closing fill
 * @param realizedPnl profit of the closed part after the closing fill's fee
 */
public record ClosedTrade(
        long exitTimeMillis,
        Side positionSide,
        BigDecimal size,
        BigDecimal entryPrice,
        BigDecimal exitPrice,
        BigDecimal realizedPnl) {}
