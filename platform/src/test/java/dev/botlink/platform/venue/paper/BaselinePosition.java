package dev.botlink.platform.venue.paper;

import dev.botlink.platform.venue.Instrument;
import dev.botlink.platform.venue.PositionState;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One symbol's position. {@code entryValue} accumulates {@link Instrument#value} of every opening fill, so entry
 * price and PnL stay exact for linear and inverse contracts alike (the inverse average entry is harmonic).
 */
final class BaselinePosition {

    final Instrument instrument;
    long units;
    BigDecimal entryValue = BigDecimal.ZERO;
    /** Realised PnL booked to the wallet, in the settlement currency at its precision. */
    BigDecimal realisedPnl = BigDecimal.ZERO;

    BigDecimal markPrice;
    /** Entry price and liquidation ticks derived from units and entry value; null until needed after a change. */
    private BigDecimal entryPrice;

    private long liquidationTicks;

    BaselinePosition(Instrument instrument) {
        this.instrument = instrument;
    }

    /**
     * Applies a signed fill and returns the realised PnL it closes, rounded to the settlement precision (the
     * rounding is booked: the wallet receives exactly what is returned).
     */
    BigDecimal apply(long signedUnits, BigDecimal price) {
        BigDecimal realised = BigDecimal.ZERO;
        long open = signedUnits;
        if (units != 0 && Long.signum(units) != Long.signum(signedUnits)) {
            long closing = Long.signum(units) * Math.min(Math.abs(signedUnits), Math.abs(units));
            BigDecimal entryShare = entryValue
                    .multiply(BigDecimal.valueOf(closing))
                    .divide(BigDecimal.valueOf(units), Instrument.VALUE_MATH);
            realised = instrument.settle(instrument.value(closing, price).subtract(entryShare));
            units -= closing;
            entryValue = units == 0 ? BigDecimal.ZERO : entryValue.subtract(entryShare);
            open = signedUnits + closing;
        }
        if (open != 0) {
            units += open;
            entryValue = entryValue.add(instrument.value(open, price));
        }
        realisedPnl = realisedPnl.add(realised);
        entryPrice = null;
        return realised;
    }

    /** Puts back a persisted position. */
    void restore(long restoredUnits, BigDecimal restoredEntryValue, BigDecimal restoredRealisedPnl) {
        units = restoredUnits;
        entryValue = restoredEntryValue;
        realisedPnl = restoredRealisedPnl;
        entryPrice = null;
    }

    BigDecimal entryPrice() {
        if (units == 0) {
            return null;
        }
        if (entryPrice == null) {
            entryPrice = instrument.priceOf(units, entryValue);
            liquidationTicks = computeLiquidationTicks();
        }
        return entryPrice;
    }

    BigDecimal unrealisedPnl() {
        if (units == 0 || markPrice == null) {
            return BigDecimal.ZERO;
        }
        return instrument.settle(instrument.value(units, markPrice).subtract(entryValue));
    }

    /** Initial margin the position holds: |entry value| times the initial margin rate. */
    BigDecimal margin() {
        return entryValue.abs().multiply(instrument.initMargin());
    }

    /**
     * Where the position's loss reaches its initial margin less the maintenance margin; rounded to the tick towards
     * the entry price, so a paper position is liquidated no later than the formula says.
     */
    long liquidationTicks() {
        entryPrice();
        return liquidationTicks;
    }

    private long computeLiquidationTicks() {
        BigDecimal entry = entryPrice;
        BigDecimal cushion = instrument.initMargin().subtract(instrument.maintMargin());
        boolean isLong = units > 0;
        BigDecimal liq;
        if (instrument.isInverse()) {
            BigDecimal factor = isLong ? BigDecimal.ONE.add(cushion) : BigDecimal.ONE.subtract(cushion);
            liq = entry.divide(factor, Instrument.VALUE_MATH);
        } else {
            liq = entry.multiply(isLong ? BigDecimal.ONE.subtract(cushion) : BigDecimal.ONE.add(cushion));
        }
        RoundingMode towardsEntry = isLong ? RoundingMode.CEILING : RoundingMode.FLOOR;
        return liq.divide(instrument.tickSize(), 0, towardsEntry).longValueExact();
    }

    PositionState state(long time) {
        BigDecimal entry = entryPrice();
        BigDecimal liq = units == 0 ? null : instrument.price(liquidationTicks());
        BigDecimal mark = markPrice == null ? entry : markPrice;
        return new PositionState(
                instrument.symbol(),
                instrument.size(units),
                round(entry),
                mark,
                liq,
                unrealisedPnl(),
                realisedPnl,
                instrument.settleCurrency(),
                time);
    }

    private static BigDecimal round(BigDecimal price) {
        return price == null ? null : price.setScale(8, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }
}
