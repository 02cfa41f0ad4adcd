package dev.botlink.marketplace.execution;

/** Why the venue refused an intent, grouped by how a bot should react. */
public enum VenueError {
    /** Not enough balance or margin: retrying soon will fail the same way. */
    INSUFFICIENT_BALANCE,
    /** Too many requests: slow down. */
    RATE_LIMITED,
    /** The venue rejected the order's price or size. */
    INVALID_ORDER,
    /** The order to cancel or amend no longer exists (already filled or cancelled): not a failure. */
    ORDER_NOT_FOUND,
    /** The venue is unreachable, overloaded or timed out. */
    UNAVAILABLE,
    /** Anything else the venue reported. */
    OTHER
}
