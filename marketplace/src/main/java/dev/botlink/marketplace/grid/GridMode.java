package dev.botlink.marketplace.grid;

/** Which way a grid may hold inventory. */
public enum GridMode {
    /** Buy rungs below the anchor and sell rungs above; long or short up to the inventory limit. */
    NEUTRAL,
    /** Buy rungs below the anchor; sell rungs only to sell inventory bought. Never short. */
    LONG,
    /** Sell rungs above the anchor; buy rungs only to buy back inventory sold. Never long. */
    SHORT
}
