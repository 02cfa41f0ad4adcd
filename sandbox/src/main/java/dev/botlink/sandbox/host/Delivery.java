package dev.botlink.sandbox.host;

/** What became of an event handed to {@link WorkerHub#deliver}. */
public enum Delivery {
    /** On its way to the bot. */
    QUEUED,
    /**
     * Refused: the bot has a full window of quotes and trades it has not consumed yet (back pressure). The caller
     * decides whether to drop, conflate or retry; nothing was sent.
     */
    BOT_BEHIND,
    /** Refused: the bot is not placed, stopped, or its worker is unreachable or congested. */
    UNAVAILABLE
}
