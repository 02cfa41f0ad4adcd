package dev.botlink.platform.venue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A tradable contract. Prices are multiples of {@code tickSize}; order sizes are multiples of {@code lotSize}; fills
 * and positions move in {@code sizeStep} units (BitMEX: 1 contract, although orders come in lots of 100).
 *
 * <p>Value in the settlement currency of {@code q} size units at price {@code p}: linear {@code q·multiplier·p}
 * (e.g. USDT), inverse {@code q·multiplier/p} (e.g. XBT per USD contract). {@code nativeMultiplier} is the figure
 * the exchange's own instrument JSON shows (BitMEX XBTUSD: -100000000).
 */
public record Instrument(
        String symbol,
        String exchangeId,
        Kind kind,
        String baseCurrency,
        String quoteCurrency,
        String settleCurrency,
        int settleScale,
        BigDecimal tickSize,
        BigDecimal lotSize,
        BigDecimal sizeStep,
        BigDecimal multiplier,
        long nativeMultiplier,
        BigDecimal makerFee,
        BigDecimal takerFee,
        BigDecimal initMargin,
        BigDecimal maintMargin) {

    /** Precision of intermediate value arithmetic (inverse contracts divide by price). */
    public static final MathContext VALUE_MATH = new MathContext(34, RoundingMode.HALF_EVEN);

    public enum Kind {
        LINEAR,
        INVERSE
    }

    public Instrument {
        Objects.requireNonNull(symbol, "symbol");
        if (tickSize.signum() <= 0 || lotSize.signum() <= 0 || sizeStep.signum() <= 0) {
            throw new IllegalArgumentException(symbol + ": tick, lot and size step must be positive");
        }
        if (lotSize.remainder(sizeStep).signum() != 0) {
            throw new IllegalArgumentException(symbol + ": lot size must be a multiple of the size step");
        }
    }

    public boolean isInverse() {
        return kind == Kind.INVERSE;
    }

    /**
     * A price as a whole number of ticks.
     *
     * @throws VenueRejection {@link Rejection#NOT_POSITIVE} or {@link Rejection#OFF_TICK}
     */
    public long priceTicks(BigDecimal price) {
        if (price.signum() <= 0) {
            throw new VenueRejection(Rejection.NOT_POSITIVE, "price must be positive, got " + price.toPlainString());
        }
        BigDecimal[] division = price.divideAndRemainder(tickSize);
        if (division[1].signum() != 0) {
            throw new VenueRejection(
                    Rejection.OFF_TICK,
                    "price " + price.toPlainString() + " is not a multiple of " + symbol + "'s tick size "
                            + tickSize.toPlainString() + ": try "
                            + price(division[0].longValueExact()).toPlainString()
                            + " or " + price(division[0].longValueExact() + 1).toPlainString());
        }
        return division[0].longValueExact();
    }

    /**
     * An order size as a whole number of size units.
     *
     * @throws VenueRejection {@link Rejection#NOT_POSITIVE} or {@link Rejection#OFF_LOT}
     */
    public long orderUnits(BigDecimal size) {
        if (size.signum() <= 0) {
            throw new VenueRejection(Rejection.NOT_POSITIVE, "size must be positive, got " + size.toPlainString());
        }
        if (size.remainder(lotSize).signum() != 0) {
            BigDecimal lots = size.divide(lotSize, 0, RoundingMode.DOWN);
            throw new VenueRejection(
                    Rejection.OFF_LOT,
                    "size " + size.toPlainString() + " is not a multiple of " + symbol + "'s lot size "
                            + lotSize.toPlainString() + ": try "
                            + lotSize.multiply(lots.max(BigDecimal.ONE)).toPlainString());
        }
        return size.divide(sizeStep).longValueExact();
    }

    /** {@code ticks} whole ticks as a price, without trailing zeros after the decimal point. */
    public BigDecimal price(long ticks) {
        return withoutFractionZeros(tickSize.multiply(BigDecimal.valueOf(ticks)));
    }

    /** {@code units} size units as a size, without trailing zeros after the decimal point. */
    public BigDecimal size(long units) {
        return withoutFractionZeros(sizeStep.multiply(BigDecimal.valueOf(units)));
    }

    /** Strips only zeros after the decimal point (cheap check first: this runs for every fill and event). */
    private static BigDecimal withoutFractionZeros(BigDecimal value) {
        if (value.scale() <= 0 || value.unscaledValue().testBit(0)) {
            return value;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Units in one lot. */
    public long lotUnits() {
        return lotSize.divide(sizeStep).longValueExact();
    }

    /**
     * Signed value in the settlement currency of {@code signedUnits} at {@code price}, defined so that PnL is
     * {@code value(q, exit) - value(q, entry)} for both kinds: linear {@code q·m·p}, inverse {@code -q·m/p}.
     */
    public BigDecimal value(long signedUnits, BigDecimal price) {
        BigDecimal contracts = size(signedUnits).multiply(multiplier);
        return kind == Kind.LINEAR
                ? contracts.multiply(price, VALUE_MATH)
                : contracts.negate().divide(price, VALUE_MATH);
    }

    /** Entry price from a position's size and accumulated entry value (inverse of {@link #value}). */
    public BigDecimal priceOf(long signedUnits, BigDecimal entryValue) {
        BigDecimal contracts = size(signedUnits).multiply(multiplier);
        return kind == Kind.LINEAR
                ? entryValue.divide(contracts, VALUE_MATH)
                : contracts.negate().divide(entryValue, VALUE_MATH);
    }

    /** An amount of the settlement currency at its precision (satoshis, micro-USDT), half-even. */
    public BigDecimal settle(BigDecimal amount) {
        return amount.setScale(settleScale, RoundingMode.HALF_EVEN);
    }
}
