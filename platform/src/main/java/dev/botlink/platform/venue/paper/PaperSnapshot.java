package dev.botlink.platform.venue.paper;

import dev.botlink.platform.venue.Fill;
import java.math.BigDecimal;
import java.util.List;

/**
 * Everything a paper account needs to resume after a restart: its wallet ledger, positions and open orders (the
 * current state), the orders finished since the previous snapshot (appended; the store keeps the last
 * {@link #FINISHED_ORDERS_KEPT}, which a loaded snapshot carries) and the fills since the previous snapshot (history,
 * appended). Immutable.
 */
public record PaperSnapshot(
        String venueKey,
        String exchangeId,
        String venueName,
        List<BalanceRow> balances,
        List<PositionRow> positions,
        List<OrderRow> openOrders,
        List<FinishedOrderRow> finishedOrders,
        List<Fill> newFills) {

    /** Finished orders remembered per account, so cancelling one again answers its final state. */
    public static final int FINISHED_ORDERS_KEPT = 1_000;

    /** A filled or cancelled order; {@code finishedSequence} orders them per account, oldest first. */
    public record FinishedOrderRow(OrderRow order, String status, long finishedSequence) {}

    /** One currency of the ledger: {@code balance = deposited + realised - fees}. */
    public record BalanceRow(
            String currency, BigDecimal balance, BigDecimal deposited, BigDecimal realised, BigDecimal fees) {}

    /** {@code entryValue} is exact (see {@code Instrument#value}); persist it losslessly. */
    public record PositionRow(String sym, long units, BigDecimal entryValue, BigDecimal realisedPnl) {}

    /** An open order in engine units, with its queue estimate and time priority. */
    public record OrderRow(
            String orderId,
            String sym,
            String side,
            String orderType,
            boolean postOnly,
            String text,
            long priceTicks,
            long sizeUnits,
            long filledUnits,
            long queueAhead,
            long sequence,
            long time,
            BigDecimal filledNotional) {}
}
