package dev.botlink.marketplace.execution;

/** Where a bot stands after an evaluation. */
public enum BotStatus {
    /** No valid signal received yet: the bot places nothing. */
    WAITING_FOR_SIGNAL,
    /** Orders match the signal, or intents were just issued to make them match. */
    ACTIVE,
    /** Intents are with the venue; nothing new is sent until their results arrive or time out. */
    AWAITING_VENUE,
    /** The venue failed recently; the bot pauses before trying again. */
    BACKING_OFF,
    /** Too many failures in a row: the bot has cancelled its orders and waits for a new signal. */
    HALTED
}
