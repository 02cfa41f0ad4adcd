package dev.botlink.platform.venue.paper;

import dev.botlink.platform.venue.Side;
import java.util.ArrayList;
import java.util.List;

/**
 * The depth a paper taker order walks through. Level 0 is the quoted best price with the quoted size; every
 * further level is one tick worse and holds {@code max(quoted size, one lot)} more. A larger order therefore pays
 * more slippage, growing linearly with its size in units of the quoted size. The model has {@code maxLevels}
 * levels; what an order needs beyond them, or beyond its limit price, is not executed.
 */
final class LiquidityModel {

    /** One slice of a taker execution. */
    record Slice(long priceTicks, long units) {}

    private final int maxLevels;

    LiquidityModel(int maxLevels) {
        if (maxLevels < 1) {
            throw new IllegalArgumentException("the liquidity model needs at least one level");
        }
        this.maxLevels = maxLevels;
    }

    /**
     * The slices an order of {@code side} for {@code units} takes from {@code top}, not beyond {@code limitTicks}
     * (use {@link Long#MAX_VALUE} for buys / {@link Long#MIN_VALUE} for sells without a limit).
     */
    List<Slice> take(Side side, long units, long limitTicks, TopOfBook top, long lotUnits) {
        List<Slice> slices = new ArrayList<>();
        long best = side == Side.BUY ? top.askTicks() : top.bidTicks();
        long topUnits = side == Side.BUY ? top.askUnits() : top.bidUnits();
        long deeperUnits = Math.max(topUnits, lotUnits);
        long left = units;
        for (int level = 0; level < maxLevels && left > 0; level++) {
            long price = best + (long) side.sign() * level;
            if (side == Side.BUY ? price > limitTicks : price < limitTicks) {
                break;
            }
            if (price <= 0) {
                break;
            }
            long taken = Math.min(left, level == 0 ? topUnits : deeperUnits);
            slices.add(new Slice(price, taken));
            left -= taken;
        }
        return slices;
    }
}
