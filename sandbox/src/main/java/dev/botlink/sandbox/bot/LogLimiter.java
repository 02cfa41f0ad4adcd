package dev.botlink.sandbox.bot;

/**
 * A token bucket for one bot's log: lines beyond the rate are dropped and counted, and the count is reported
 * in the next line that gets through. Thread-safe.
 */
final class LogLimiter {
    private final double perNano;
    private final double burst;
    private double tokens;
    private long last = System.nanoTime();
    private long dropped;

    LogLimiter(int linesPerSecond, int burst) {
        this.perNano = linesPerSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
    }

    /** Returns how many lines were dropped since the last report if one more line may be sent now, else 0. */
    synchronized long drainDropped() {
        if (dropped == 0) {
            return 0;
        }
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
        if (tokens < 1) {
            return 0;
        }
        tokens--;
        long count = dropped;
        dropped = 0;
        return count;
    }

    /** Returns -1 if the line must be dropped, else how many lines were dropped before it. */
    synchronized long admit() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
        if (tokens < 1) {
            dropped++;
            return -1;
        }
        tokens--;
        long before = dropped;
        dropped = 0;
        return before;
    }
}
