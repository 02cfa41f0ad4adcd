package dev.botlink.sandbox.bot;

import org.graalvm.polyglot.HostAccess;

/**
 * Where a bot's event loop is inside a slice of a market batch. The Python loop calls {@link #at} before each
 * callback; the watchdog sees the position move and gives the new callback its own time budget, and after an
 * interrupt the loop resumes after the interrupted callback. Guest code could reach this object, so a position
 * only moves forward and within the slice, and a whole slice is capped at twice the budget (see PythonBot).
 */
public final class MarketCursor {
    private volatile int position;
    private volatile int lastSeen;
    private volatile boolean active;
    private int start;
    private int end;

    void begin(int sliceStart, int sliceEnd) {
        start = sliceStart;
        end = sliceEnd;
        lastSeen = sliceStart - 1;
        position = sliceStart - 1;
        active = true;
    }

    void finish() {
        active = false;
    }

    @HostAccess.Export
    public void at(int index) {
        if (index > position && index < end) {
            position = index;
        }
    }

    /** The event whose callback runs (or ran last); the slice's first event before any started. */
    int current() {
        return Math.max(start, position);
    }

    /** Called by the watchdog: whether another callback started since the previous call. */
    boolean advanced() {
        int now = position;
        if (!active || now == lastSeen) {
            return false;
        }
        lastSeen = now;
        return true;
    }
}
