package dev.botlink.sandbox.time;

import java.time.Duration;

/**
 * A bot's sense of time: Link's now/epoch_now/second, threading.Timer, delay_thread and cron all read and wait
 * through it, so a backtest can drive simulated time. Implementations are thread-safe.
 */
public interface BotClock {
    /** Microseconds since the Unix epoch. */
    long epochMicros();

    /**
     * Runs {@code task} once {@code delay} has passed on this clock. The task runs on a clock thread and must
     * hand real work off quickly.
     */
    Scheduled schedule(Duration delay, Runnable task);

    /** A pending scheduled task. */
    interface Scheduled {
        /** Cancels the task if it has not run yet; idempotent. */
        void cancel();
    }
}
