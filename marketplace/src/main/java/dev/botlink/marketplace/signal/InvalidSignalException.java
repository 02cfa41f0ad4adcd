package dev.botlink.marketplace.signal;

/** A signal was rejected; the message names the problem in the user's terms and is meant for the bot log. */
public final class InvalidSignalException extends IllegalArgumentException {
    public InvalidSignalException(String message) {
        super(message);
    }
}
