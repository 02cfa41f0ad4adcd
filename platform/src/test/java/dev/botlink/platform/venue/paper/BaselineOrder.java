package dev.botlink.platform.venue.paper;

import dev.botlink.platform.venue.Instrument;
import dev.botlink.platform.venue.OrderState;
import dev.botlink.platform.venue.OrderStatus;
import dev.botlink.platform.venue.OrderType;
import dev.botlink.platform.venue.Side;
import java.math.BigDecimal;

/** A paper order in engine units (ticks, size units). Mutable; only its engine touches it, under its lock. */
final class BaselineOrder {

    final String id;
    final Instrument instrument;
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
    OrderStatus status = OrderStatus.NEW;
    /** Sum of fill value (price·units) for the average price of market orders. */
    BigDecimal filledNotional = BigDecimal.ZERO;
    /** Price of the first fill while every fill was at it (the common case: no division for the average). */
    private long onlyFillTicks = -1;

    BaselineOrder(String id, Instrument instrument, Side side, OrderType type, boolean postOnly, String text) {
        this.id = id;
        this.instrument = instrument;
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
        filledNotional = filledNotional.add(instrument.price(atTicks).multiply(BigDecimal.valueOf(units)));
        status = filledUnits == sizeUnits ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
    }

    BigDecimal averagePrice() {
        if (filledUnits == 0) {
            return null;
        }
        if (onlyFillTicks >= 0) {
            return instrument.price(onlyFillTicks);
        }
        return filledNotional
                .divide(BigDecimal.valueOf(filledUnits), Instrument.VALUE_MATH)
                .stripTrailingZeros();
    }

    OrderState state() {
        BigDecimal price = type == OrderType.MARKET ? averagePrice() : instrument.price(priceTicks);
        return new OrderState(
                id,
                instrument.symbol(),
                side,
                type,
                price,
                instrument.size(sizeUnits),
                instrument.size(remainUnits()),
                instrument.size(filledUnits),
                status,
                postOnly,
                text,
                time);
    }
}
