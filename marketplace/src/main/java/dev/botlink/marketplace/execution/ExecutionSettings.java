package dev.botlink.marketplace.execution;

/**
 * How a bot deals with the venue: the bounded retry policy that keeps a failing venue from causing an
 * order storm.
 *
 * @param amendSupported whether the venue amends orders in place (otherwise cancel plus place)
 * @param resultTimeoutMillis how long to wait for the result of sent intents before counting them as failed
 * @param baseBackoffMillis pause after the first failure; doubles with each consecutive failure
 * @param maxBackoffMillis longest pause between attempts
 * @param maxConsecutiveFailures failures in a row after which the bot halts until its next signal
 */
public record ExecutionSettings(
        boolean amendSupported,
        long resultTimeoutMillis,
        long baseBackoffMillis,
        long maxBackoffMillis,
        int maxConsecutiveFailures) {

    /** Amends on; 10 s result timeout; back-off 1 s doubling up to 60 s; halt after 5 failures in a row. */
    public static final ExecutionSettings DEFAULTS = new ExecutionSettings(true, 10_000, 1_000, 60_000, 5);

    public ExecutionSettings {
        if (resultTimeoutMillis <= 0 || baseBackoffMillis <= 0) {
            throw new IllegalArgumentException("resultTimeoutMillis and baseBackoffMillis must be positive");
        }
        if (maxBackoffMillis < baseBackoffMillis) {
            throw new IllegalArgumentException("maxBackoffMillis must be at least baseBackoffMillis");
        }
        if (maxConsecutiveFailures < 1 || maxConsecutiveFailures > 100) {
            throw new IllegalArgumentException("maxConsecutiveFailures must be between 1 and 100");
        }
    }

    /** The pause after {@code failures} consecutive failures (at least one). */
    public long backoffAfter(int failures) {
        int doublings = Math.min(failures - 1, 30);
        return Math.min(maxBackoffMillis, baseBackoffMillis << doublings);
    }
}
