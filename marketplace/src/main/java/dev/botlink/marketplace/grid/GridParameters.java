package dev.botlink.marketplace.grid;

import dev.botlink.marketplace.execution.Decimals;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Parameters of a Grid bot.
 *
 * @param mode neutral, long or short
 * @param levels rungs on each side of the anchor, 1 to {@link #MAX_LEVELS}
 * @param spacing distance between rungs as a fraction of the anchor (0.005 = 0.5%)
 * @param sizePerRung order size of each rung
 * @param maxInventory largest absolute position the grid may build
 * @param recenterThreshold how far (as a fraction) a new anchor must be from the current grid centre for
 *     the grid to move; 0 follows every anchor, and smaller moves leave the rungs (and their queue
 *     priority) in place
 */
public record GridParameters(
        GridMode mode,
        int levels,
        BigDecimal spacing,
        BigDecimal sizePerRung,
        BigDecimal maxInventory,
        BigDecimal recenterThreshold) {

    /** Most rungs per side: bounds the orders one grid keeps on the book. */
    public static final int MAX_LEVELS = 50;

    public GridParameters {
        Objects.requireNonNull(mode, "mode is missing");
        if (levels < 1 || levels > MAX_LEVELS) {
            throw new IllegalArgumentException("levels must be between 1 and " + MAX_LEVELS + ", got " + levels);
        }
        Decimals.within(spacing, new BigDecimal("0.0001"), new BigDecimal("0.5"), "spacing");
        Decimals.positive(sizePerRung, "sizePerRung");
        Decimals.positive(maxInventory, "maxInventory");
        Decimals.within(recenterThreshold, BigDecimal.ZERO, BigDecimal.ONE, "recenterThreshold");
        if (spacing.multiply(BigDecimal.valueOf(levels)).compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException(
                    "levels × spacing must stay below 1 so every buy rung is above zero, got " + levels + " × "
                            + spacing.toPlainString());
        }
    }
}
