package dev.botlink.platform.marketplace;

/** At most {@code perSecond} signals in each wall-clock second. Thread-safe. */
final class SignalRate {
    private final int perSecond;
    private long second = -1;
    private int used;
    private boolean dropReported;

    SignalRate(int perSecond) {
        this.perSecond = perSecond;
    }

    synchronized boolean tryAcquire(long nowMillis) {
        long current = nowMillis / 1000;
        if (current != second) {
            second = current;
            used = 0;
            dropReported = false;
        }
        if (used < perSecond) {
            used++;
            return true;
        }
        return false;
    }

    /** True once per second, for the first dropped signal: the bot's log gets one line, not one per signal. */
    synchronized boolean firstDropThisSecond() {
        if (dropReported) {
            return false;
        }
        dropReported = true;
        return true;
    }
}
