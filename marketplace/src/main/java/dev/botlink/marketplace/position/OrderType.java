package dev.botlink.marketplace.position;

/** How a Position bot moves towards its target. */
public enum OrderType {
    /** Rest a limit order at the near touch (best bid to buy, best ask to sell), following the touch. */
    LIMIT,
    /** Take liquidity with market orders. */
    MARKET
}
