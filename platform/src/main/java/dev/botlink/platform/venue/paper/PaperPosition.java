package dev.botlink.platform.venue.paper;

import dev.botlink.platform.venue.Instrument;
import dev.botlink.platform.venue.PositionState;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One symbol's position, in scaled longs (see {@link ContractMath}). {@code entryValue} accumulates the value of
 * every opening fill, so the entry price is the exact average (harmonic for inverse contracts) of the booked fill
 * values. Closing part of a position takes its share of the entry value, rounded half-even to a value unit; the
 * remainder stays with what is still open, so over a position's life realised PnL is exactly the exit values less the
 * entry values.
 */
final class PaperPosition {

    static final long NEVER = Long.MIN_VALUE;

    /** No mark yet. */
    static final long NO_MARK = -1;

    final Instrument instrument;
    final ContractMath math;
    long units;
    /** Sum of opening fills' values, in value units. */
    long entryValue;
    /** Realised PnL booked to the wallet, in whole settlement units. */
    long realisedPnl;
    /** Mark price (the quote's mid) in half ticks: bid ticks + ask ticks. */
    long markHalfTicks = NO_MARK;

    /** Time of the last position_update sent for a mark move, for throttling. */
    long lastMarkUpdate = NEVER;

    private boolean derivedStale = true;
    private long liquidationTicks;

    PaperPosition(Instrument instrument) {
        this.instrument = instrument;
        this.math = ContractMath.of(instrument);
    }

    /** Applies a signed fill at {@code ticks} and returns the realised PnL it closes, in whole settlement units. */
    long apply(long signedUnits, long ticks) {
        long realised = 0;
        long open = signedUnits;
        if (units != 0 && Long.signum(units) != Long.signum(signedUnits)) {
            long closing = Long.signum(units) * Math.min(Math.abs(signedUnits), Math.abs(units));
            long entryShare = closing == units
                    ? entryValue
                    : ExactLongs.mulDiv(entryValue, closing, units, RoundingMode.HALF_EVEN);
            realised = math.settle(math.value(closing, ticks) - entryShare);
            units -= closing;
            entryValue -= entryShare;
            open = signedUnits + closing;
        }
        if (open != 0) {
            units += open;
            entryValue = Math.addExact(entryValue, math.value(open, ticks));
        }
        realisedPnl += realised;
        derivedStale = true;
        return realised;
    }

    /** Puts back a persisted position. */
    void restore(long restoredUnits, long restoredEntryValue, long restoredRealisedPnl) {
        units = restoredUnits;
        entryValue = restoredEntryValue;
        realisedPnl = restoredRealisedPnl;
        derivedStale = true;
    }

    /** Average entry price rounded half-even to 8 decimals (edges only: events and fetch_positions). */
    BigDecimal entryPrice() {
        return units == 0 ? null : math.entryPrice(units, entryValue);
    }

    BigDecimal markPrice() {
        if (markHalfTicks == NO_MARK) {
            return null;
        }
        return math.halfTicksPrice(markHalfTicks);
    }

    /** Unrealised PnL at the mark in whole settlement units (0 without a mark). */
    long unrealisedPnl() {
        if (units == 0 || markHalfTicks == NO_MARK) {
            return 0;
        }
        return math.unrealised(units, entryValue, markHalfTicks);
    }

    /** Initial margin the position holds: |entry value| times the initial margin rate, in settlement units. */
    long margin() {
        return math.settledShare(Math.abs(entryValue), math.initRate);
    }

    /**
     * Where the position's loss reaches its initial margin less the maintenance margin; rounded to the tick towards
     * the entry price, so a paper position is liquidated no later than the formula says. Cached until the next fill.
     */
    long liquidationTicks() {
        if (derivedStale) {
            liquidationTicks = math.liquidationTicks(units, entryValue);
            derivedStale = false;
        }
        return liquidationTicks;
    }

    /** Whether the mark has reached the liquidation price. */
    boolean liquidationDue() {
        if (units == 0 || markHalfTicks == NO_MARK) {
            return false;
        }
        long liqHalfTicks = 2 * liquidationTicks();
        return units > 0 ? markHalfTicks <= liqHalfTicks : markHalfTicks >= liqHalfTicks;
    }

    PositionState state(long time) {
        BigDecimal entry = entryPrice();
        BigDecimal liq = units == 0 ? null : math.price(liquidationTicks());
        BigDecimal mark = markHalfTicks == NO_MARK ? entry : markPrice();
        return new PositionState(
                instrument.symbol(),
                math.size(units),
                entry,
                mark,
                liq,
                math.amount(unrealisedPnl()),
                math.amount(realisedPnl),
                instrument.settleCurrency(),
                time);
    }
}
