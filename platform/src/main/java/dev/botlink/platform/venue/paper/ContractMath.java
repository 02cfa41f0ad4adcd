package dev.botlink.platform.venue.paper;

import dev.botlink.platform.venue.Instrument;
import dev.botlink.platform.venue.Rejection;
import dev.botlink.platform.venue.VenueRejection;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * An instrument's money arithmetic in scaled longs, so a fill costs no {@link BigDecimal} work. Prices are whole
 * ticks, sizes whole size units, and values (see {@link Instrument#value}) whole <em>value units</em> of
 * {@code 10^-valueScale} settlement currency:
 *
 * <ul>
 *   <li>linear: {@code value = units·ticks·k}, exact, with {@code valueScale} chosen so that {@code k} (the value of
 *       one unit at one tick) is a whole number (XBTUSDT: 1 unit × 0.000001 XBT × 0.5 USDT = 5·10^-7 USDT, so value
 *       units are 10^-7 USDT and k = 5);
 *   <li>inverse: {@code value = -units·m/ticks}, rounded half-even to the settlement currency's smallest unit (XBT:
 *       the satoshi) per fill, as BitMEX books an execution's cost in whole satoshis (XBTUSD: m = 1 USD / 0.5 ×
 *       10^8 = 200,000,000).
 * </ul>
 *
 * Amounts booked to a wallet (fees, realised PnL, margins) are whole units of the settlement currency (satoshis,
 * micro-USDT), rounded half-even. Rates (fees, margins) are held at {@link #RATE_SCALE} decimals. An amount beyond a
 * long is refused, never wrapped.
 */
final class ContractMath {

    /** Decimals of fee and margin rates (0.075% = 75,000 at scale 8). */
    static final int RATE_SCALE = 8;

    static final long RATE_ONE = 100_000_000L;

    /** By identity: instruments are constants, and a record's hash would walk all its decimals. */
    private static final Map<Instrument, ContractMath> CACHE = Collections.synchronizedMap(new IdentityHashMap<>());

    final Instrument instrument;
    final int valueScale;
    final int settleScale;
    /** Value units per smallest settlement unit (a power of ten). */
    final long settleDivisor;

    final long makerRate;
    final long takerRate;
    final long initRate;
    final long maintRate;
    /** Linear: value units of one size unit at one tick. Inverse: value units·ticks of one size unit. */
    private final long factor;

    private final boolean inverse;
    private final long tickUnscaled;
    private final int tickScale;
    private final long stepUnscaled;
    private final int stepScale;
    private final long lotUnits;

    private ContractMath(Instrument instrument) {
        this.instrument = instrument;
        this.inverse = instrument.isInverse();
        this.settleScale = instrument.settleScale();
        BigDecimal unitValue = instrument.sizeStep().multiply(instrument.multiplier());
        if (inverse) {
            valueScale = settleScale;
            factor = exactLong(unitValue.movePointRight(valueScale).divide(instrument.tickSize()), "m");
        } else {
            BigDecimal perTick = unitValue.multiply(instrument.tickSize()).stripTrailingZeros();
            valueScale = Math.max(settleScale, perTick.scale());
            factor = exactLong(perTick.movePointRight(valueScale), "k");
        }
        BigDecimal tick = instrument.tickSize().stripTrailingZeros();
        tickUnscaled = exactLong(new BigDecimal(tick.unscaledValue()), "tick");
        tickScale = tick.scale();
        BigDecimal step = instrument.sizeStep().stripTrailingZeros();
        stepUnscaled = exactLong(new BigDecimal(step.unscaledValue()), "size step");
        stepScale = step.scale();
        lotUnits = instrument.lotUnits();
        settleDivisor = BigDecimal.ONE.movePointRight(valueScale - settleScale).longValueExact();
        makerRate = rate(instrument.makerFee());
        takerRate = rate(instrument.takerFee());
        initRate = rate(instrument.initMargin());
        maintRate = rate(instrument.maintMargin());
    }

    static ContractMath of(Instrument instrument) {
        return CACHE.computeIfAbsent(instrument, ContractMath::new);
    }

    /**
     * Signed value in value units of {@code signedUnits} at {@code ticks}.
     *
     * @throws VenueRejection {@link Rejection#INVALID_ARGUMENT} if the value does not fit a long
     */
    long value(long signedUnits, long ticks) {
        try {
            return inverse
                    ? -ExactLongs.mulDiv(signedUnits, factor, ticks, RoundingMode.HALF_EVEN)
                    : Math.multiplyExact(Math.multiplyExact(signedUnits, ticks), factor);
        } catch (ArithmeticException e) {
            throw tooLarge(signedUnits);
        }
    }

    /**
     * Unrealised PnL in whole settlement units (half-even) of {@code units} entered at {@code entryValue}, marked at
     * {@code halfTicks}/2 ticks (the mid of a quote).
     */
    long unrealised(long units, long entryValue, long halfTicks) {
        try {
            if (inverse) {
                long mark = -ExactLongs.mulDiv(Math.multiplyExact(units, 2), factor, halfTicks, RoundingMode.HALF_EVEN);
                return settle(Math.subtractExact(mark, entryValue));
            }
            // units·(halfTicks/2)·k - entry, with one rounding: (units·halfTicks·k - 2·entry) / (2·divisor)
            long twiceMark = Math.multiplyExact(Math.multiplyExact(units, halfTicks), factor);
            long twicePnl = Math.subtractExact(twiceMark, Math.multiplyExact(entryValue, 2));
            return ExactLongs.divide(twicePnl, 2 * settleDivisor, RoundingMode.HALF_EVEN);
        } catch (ArithmeticException e) {
            throw tooLarge(units);
        }
    }

    /** Value units as whole settlement units, half-even. */
    long settle(long valueUnits) {
        return ExactLongs.divide(valueUnits, settleDivisor, RoundingMode.HALF_EVEN);
    }

    /** {@code rate} (at {@link #RATE_SCALE}) of {@code valueUnits}, in whole settlement units, half-even. */
    long settledShare(long valueUnits, long rate) {
        return ExactLongs.mulDiv(valueUnits, rate, RATE_ONE * settleDivisor, RoundingMode.HALF_EVEN);
    }

    /** {@code ticks} as a price, like {@link Instrument#price} but with long arithmetic only. */
    BigDecimal price(long ticks) {
        return plain(Math.multiplyExact(ticks, tickUnscaled), tickScale);
    }

    /**
     * A price as whole ticks, like {@link Instrument#priceTicks} (which explains refusals) but without a decimal
     * division in the common case.
     */
    long priceTicks(BigDecimal price) {
        long scaled = wholeAfterShift(price, tickScale);
        if (scaled > 0 && scaled % tickUnscaled == 0) {
            return scaled / tickUnscaled;
        }
        return instrument.priceTicks(price);
    }

    /**
     * An order size as whole size units, like {@link Instrument#orderUnits} (which explains refusals) but without a
     * decimal division in the common case.
     */
    long orderUnits(BigDecimal size) {
        long scaled = wholeAfterShift(size, stepScale);
        if (scaled > 0 && scaled % stepUnscaled == 0) {
            long units = scaled / stepUnscaled;
            if (units % lotUnits == 0) {
                return units;
            }
        }
        return instrument.orderUnits(size);
    }

    /** {@code value}·10^{@code decimals} if that is a whole number that fits a long, else -1. */
    private static long wholeAfterShift(BigDecimal value, int decimals) {
        BigDecimal shifted = value.movePointRight(decimals);
        if (shifted.scale() > 0) {
            shifted = shifted.stripTrailingZeros();
            if (shifted.scale() > 0) {
                return -1;
            }
        }
        if (shifted.signum() <= 0 || shifted.precision() - shifted.scale() > 18) {
            return -1;
        }
        return shifted.longValue();
    }

    /** A price of {@code halfTicks}/2 ticks (a quote's mid), exact. */
    BigDecimal halfTicksPrice(long halfTicks) {
        long twice = Math.multiplyExact(halfTicks, tickUnscaled);
        return twice % 2 == 0 ? plain(twice / 2, tickScale) : plain(Math.multiplyExact(twice, 5), tickScale + 1);
    }

    /** {@code units} as a size, like {@link Instrument#size} but with long arithmetic only. */
    BigDecimal size(long units) {
        return plain(Math.multiplyExact(units, stepUnscaled), stepScale);
    }

    /**
     * The average entry price of {@code units} entered at {@code value}, rounded half-even to 8 decimals, without
     * trailing zeros.
     */
    BigDecimal entryPrice(long units, long value) {
        long numerator = inverse ? Math.multiplyExact(-units, factor) : value;
        long denominator = inverse ? value : Math.multiplyExact(units, factor);
        if (numerator % denominator == 0) {
            return price(numerator / denominator);
        }
        BigDecimal ticks = BigDecimal.valueOf(numerator).multiply(instrument.tickSize());
        return ticks.divide(BigDecimal.valueOf(denominator), 8, RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
    }

    /**
     * Ticks where a position of {@code units} entered at {@code value} has lost its initial margin less the
     * maintenance margin, rounded towards the entry (a paper position is liquidated no later than the formula says).
     */
    long liquidationTicks(long units, long value) {
        long cushion = initRate - maintRate;
        boolean isLong = units > 0;
        RoundingMode towardsEntry = isLong ? RoundingMode.CEILING : RoundingMode.FLOOR;
        if (inverse) {
            // entry = |units|·m/|value|; liquidation = entry / (1 ± cushion)
            long scaledUnits = Math.multiplyExact(Math.abs(units), factor);
            long denominator = Math.multiplyExact(Math.abs(value), RATE_ONE + (isLong ? cushion : -cushion));
            return ExactLongs.mulDiv(scaledUnits, RATE_ONE, denominator, towardsEntry);
        }
        // entry = value / (units·k); liquidation = entry · (1 ∓ cushion)
        long numerator = Math.abs(value);
        long denominator = Math.multiplyExact(Math.multiplyExact(Math.abs(units), factor), RATE_ONE);
        return ExactLongs.mulDiv(numerator, RATE_ONE + (isLong ? -cushion : cushion), denominator, towardsEntry);
    }

    /** Whole settlement units as a decimal of the settlement currency (scale = its precision). */
    BigDecimal amount(long settleUnits) {
        return BigDecimal.valueOf(settleUnits, settleScale);
    }

    /**
     * A decimal of the settlement currency in whole settlement units.
     *
     * @throws ArithmeticException if it has more decimals than the currency
     */
    long settleUnits(BigDecimal amount) {
        return amount.setScale(settleScale).unscaledValue().longValueExact();
    }

    /** Value units as an exact decimal of the settlement currency. */
    BigDecimal valueDecimal(long valueUnits) {
        return BigDecimal.valueOf(valueUnits, valueScale);
    }

    /** A persisted value back in value units; older snapshots' 34-digit inverse values round half-even. */
    long valueUnits(BigDecimal value) {
        return value.setScale(valueScale, RoundingMode.HALF_EVEN)
                .unscaledValue()
                .longValueExact();
    }

    /** {@code unscaled}·10^-scale without zeros after the decimal point (cheap: this runs for every event). */
    private static BigDecimal plain(long unscaled, int scale) {
        long value = unscaled;
        int decimals = scale;
        while (decimals > 0 && value % 10 == 0) {
            value /= 10;
            decimals--;
        }
        return BigDecimal.valueOf(value, decimals);
    }

    private VenueRejection tooLarge(long units) {
        return new VenueRejection(
                Rejection.INVALID_ARGUMENT,
                "size " + instrument.size(Math.abs(units)).toPlainString() + " " + instrument.symbol()
                        + " is too large to value: use a smaller size");
    }

    private long rate(BigDecimal rate) {
        return exactLong(rate.movePointRight(RATE_SCALE), "rate");
    }

    private long exactLong(BigDecimal value, String what) {
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    instrument.symbol() + ": " + what + " " + value + " is not a whole number in scaled longs", e);
        }
    }
}
