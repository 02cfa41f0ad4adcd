package dev.botlink.platform.venue.paper;

import dev.botlink.platform.venue.Instrument;
import dev.botlink.platform.venue.OrderStatus;
import dev.botlink.platform.venue.OrderType;
import dev.botlink.platform.venue.Side;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Copies an engine's account state into a {@link PaperSnapshot} and back. Callers hold the account's lock. */
final class PaperSnapshots {

    private PaperSnapshots() {}

    /** {@code header} with the engine's balances, positions and open orders filled in. */
    static PaperSnapshot take(PaperMatchingEngine engine, PaperSnapshot header) {
        PaperWallet wallet = engine.wallet();
        List<PaperSnapshot.BalanceRow> balances = wallet.ledgers().entrySet().stream()
                .map(entry -> {
                    PaperWallet.Ledger ledger = entry.getValue();
                    return new PaperSnapshot.BalanceRow(
                            entry.getKey(),
                            ledger.decimal(ledger.balance),
                            ledger.decimal(ledger.deposited),
                            ledger.decimal(ledger.realised),
                            ledger.decimal(ledger.fees));
                })
                .toList();
        List<PaperSnapshot.PositionRow> positions = wallet.positions().stream()
                .map(position -> new PaperSnapshot.PositionRow(
                        position.instrument.symbol(),
                        position.units,
                        position.math.valueDecimal(position.entryValue),
                        position.math.amount(position.realisedPnl)))
                .toList();
        List<PaperSnapshot.OrderRow> orders =
                engine.openOrderObjects().stream().map(PaperSnapshots::row).toList();
        List<PaperSnapshot.FinishedOrderRow> finished = engine.drainUnsavedFinished().stream()
                .map(order ->
                        new PaperSnapshot.FinishedOrderRow(row(order), order.status.name(), order.finishedSequence))
                .toList();
        return new PaperSnapshot(
                header.venueKey(),
                header.exchangeId(),
                header.venueName(),
                balances,
                positions,
                orders,
                finished,
                header.newFills());
    }

    private static PaperSnapshot.OrderRow row(PaperOrder order) {
        return new PaperSnapshot.OrderRow(
                order.id,
                order.instrument.symbol(),
                order.side.name(),
                order.type.name(),
                order.postOnly,
                order.text,
                order.priceTicks,
                order.sizeUnits,
                order.filledUnits,
                order.queueAhead,
                order.sequence,
                order.time,
                order.filledNotional());
    }

    private static PaperOrder order(Function<String, Instrument> instruments, PaperSnapshot.OrderRow row) {
        PaperOrder order = new PaperOrder(
                row.orderId(),
                instruments.apply(row.sym()),
                Side.valueOf(row.side()),
                OrderType.valueOf(row.orderType()),
                row.postOnly(),
                row.text());
        order.priceTicks = row.priceTicks();
        order.sizeUnits = row.sizeUnits();
        order.filledUnits = row.filledUnits();
        order.queueAhead = row.queueAhead();
        order.sequence = row.sequence();
        order.time = row.time();
        order.restoreFilledNotional(row.filledNotional());
        return order;
    }

    /** Replaces the engine's wallet and open orders with the snapshot's. */
    static void restore(PaperMatchingEngine engine, Function<String, Instrument> instruments, PaperSnapshot snapshot) {
        PaperWallet wallet = engine.wallet();
        wallet.reset(Map.of());
        for (PaperSnapshot.BalanceRow row : snapshot.balances()) {
            wallet.restore(row.currency(), row.balance(), row.deposited(), row.realised(), row.fees());
        }
        for (PaperSnapshot.PositionRow row : snapshot.positions()) {
            PaperPosition position = wallet.position(instruments.apply(row.sym()));
            position.restore(
                    row.units(),
                    position.math.valueUnits(row.entryValue()),
                    position.math.settleUnits(row.realisedPnl()));
        }
        for (PaperSnapshot.OrderRow row : snapshot.openOrders()) {
            PaperOrder order = order(instruments, row);
            order.status = row.filledUnits() > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.NEW;
            engine.restore(order);
        }
        for (PaperSnapshot.FinishedOrderRow row : snapshot.finishedOrders()) {
            PaperOrder order = order(instruments, row.order());
            order.status = OrderStatus.valueOf(row.status());
            order.finishedSequence = row.finishedSequence();
            engine.restoreFinished(order);
        }
    }
}
