package dev.botlink.platform.venue.paper;

import dev.botlink.platform.venue.Instrument;
import dev.botlink.platform.venue.OrderState;
import dev.botlink.platform.venue.OrderStatus;
import dev.botlink.platform.venue.OrderType;
import dev.botlink.platform.venue.Side;
import java.math.BigDecimal;

/** A paper order in engine units (ticks, size units). Mutable; only its engine touches it, under its lock. */
final class PaperOrder {

    final String id;
    final Instrument instrument;
    final ContractMath math;
    final Side side;
    final OrderType type;
    final boolean postOnly;
    final String text;
    long priceTicks;
    long sizeUnits;
    long filledUnits;
    /** Units resting ahead of this order at its price, which public trades must consume before it fills. */
    long queueAhead;
    /** Time priority: a later sequence at the same price fills later. */
    long sequence;

    long time;
    /** Order in which orders finished on this account (0 while open). */
    long finishedSequence;

    OrderStatus status = OrderStatus.NEW;
    /** Sum of ticks·units over fills, for the average price of market orders (exact; overflow throws). */
    long filledTicksUnits;
    /** Initial margin this order reserves while it rests, in whole settlement units (see {@link OrderMargins}). */
    long reservedMargin;
    /** Price of the first fill while every fill was at it (the common case: no division for the average). */
    private long onlyFillTicks = -1;

    PaperOrder(String id, Instrument instrument, Side side, OrderType type, boolean postOnly, String text) {
        this.id = id;
        this.instrument = instrument;
        this.math = ContractMath.of(instrument);
        this.side = side;
        this.type = type;
        this.postOnly = postOnly;
        this.text = text;
    }

    long remainUnits() {
        return status.isOpen() ? sizeUnits - filledUnits : 0;
    }

    void fill(long units, long atTicks) {
        onlyFillTicks = filledUnits == 0 ? atTicks : (onlyFillTicks == atTicks ? atTicks : Long.MIN_VALUE);
        filledUnits += units;
        filledTicksUnits = Math.addExact(filledTicksUnits, Math.multiplyExact(atTicks, units));
        status = filledUnits == sizeUnits ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
    }

    BigDecimal averagePrice() {
        if (filledUnits == 0) {
            return null;
        }
        if (onlyFillTicks >= 0) {
            return math.price(onlyFillTicks);
        }
        return filledNotional()
                .divide(BigDecimal.valueOf(filledUnits), Instrument.VALUE_MATH)
                .stripTrailingZeros();
    }

    /** Sum of price·size units over fills, as a decimal (persisted with open orders). */
    BigDecimal filledNotional() {
        return instrument.tickSize().multiply(BigDecimal.valueOf(filledTicksUnits));
    }

    /** Puts back a persisted {@link #filledNotional()}. */
    void restoreFilledNotional(BigDecimal notional) {
        filledTicksUnits = notional.divide(instrument.tickSize()).longValueExact();
    }

    OrderState state() {
        BigDecimal price = type == OrderType.MARKET ? averagePrice() : math.price(priceTicks);
        return new OrderState(
                id,
                instrument.symbol(),
                side,
                type,
                price,
                math.size(sizeUnits),
                math.size(remainUnits()),
                math.size(filledUnits),
                status,
                postOnly,
                text,
                time);
    }
}
