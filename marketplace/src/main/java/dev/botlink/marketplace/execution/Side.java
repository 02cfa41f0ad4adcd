package dev.botlink.marketplace.execution;

/** The side of an order: buying or selling the instrument. */
public enum Side {
    BUY,
    SELL;

    /** +1 for a buy, -1 for a sell: the sign a fill of this side adds to a position. */
    public int sign() {
        return this == BUY ? 1 : -1;
    }
}
