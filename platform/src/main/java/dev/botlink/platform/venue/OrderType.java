package dev.botlink.platform.venue;

/** The order types the Link API reports in {@code order_type}. */
public enum OrderType {
    LIMIT,
    MARKET
}
