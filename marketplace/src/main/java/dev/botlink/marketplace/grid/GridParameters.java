package dev.botlink.marketplace.grid;

import dev.botlink.marketplace.execution.Decimals;
import dev.botlink.marketplace.parameter.BotParameters;
import dev.botlink.marketplace.parameter.ParameterSchema;
import dev.botlink.marketplace.parameter.ParameterSpec;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
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

    /** The parameters users set when creating a Grid bot; the mode comes with the bot type. */
    public static ParameterSchema schema(GridMode mode) {
        String name = "Grid " + mode.name().charAt(0) + mode.name().substring(1).toLowerCase(Locale.ROOT);
        return new ParameterSchema(
                name,
                List.of(
                        ParameterSpec.integer("levels", "Rungs on each side of the anchor", 1, MAX_LEVELS, 5),
                        ParameterSpec.decimal(
                                "spacing",
                                "Distance between rungs as a fraction of the anchor (0.005 = 0.5%)",
                                "0.0001",
                                "0.5",
                                "0.005"),
                        ParameterSpec.decimal(
                                "sizePerRung", "Order size of each rung", "0.00000001", "1000000000", "1"),
                        ParameterSpec.decimal(
                                "maxInventory",
                                "Largest absolute position the grid builds",
                                "0.00000001",
                                "1000000000",
                                "5"),
                        ParameterSpec.decimal(
                                "recenterThreshold",
                                "Anchor move (fraction) that moves the grid; 0 follows every anchor",
                                "0",
                                "1",
                                "0.01")));
    }

    /** Typed parameters from values validated against {@link #schema(GridMode)}. */
    public static GridParameters from(GridMode mode, BotParameters values) {
        return new GridParameters(
                mode,
                Math.toIntExact(values.integer("levels")),
                values.decimal("spacing"),
                values.decimal("sizePerRung"),
                values.decimal("maxInventory"),
                values.decimal("recenterThreshold"));
    }

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
