package dev.botlink.sandbox.time;

import java.time.Duration;
import java.util.PriorityQueue;

/**
 * A backtest's clock: it stands still until the stepper moves it. Scheduled tasks (timers, cron, simulated sleeps)
 * never run by themselves: {@link #nextDue} hands them to the stepper one at a time, in due order (ties in the order
 * they were scheduled), moving the clock to each one's due time. Thread-safe.
 */
public final class SimulatedClock implements BotClock {
    private record Entry(long dueMicros, long sequence, Runnable task) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry other) {
            int byTime = Long.compare(dueMicros, other.dueMicros);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    private final PriorityQueue<Entry> due = new PriorityQueue<>();
    private volatile long nowMicros;
    private long sequence;

    public SimulatedClock(long startEpochMicros) {
        this.nowMicros = startEpochMicros;
    }

    @Override
    public long epochMicros() {
        return nowMicros;
    }

    @Override
    public synchronized Scheduled schedule(Duration delay, Runnable task) {
        long delayMicros = Math.max(0, (delay.toNanos() + 999) / 1_000);
        var entry = new Entry(nowMicros + delayMicros, sequence++, task);
        due.add(entry);
        return () -> {
            synchronized (this) {
                due.remove(entry);
            }
        };
    }

    /**
     * Removes and returns the earliest task due at or before {@code limitMicros}, having moved the clock to its due
     * time (never backwards); {@code null} when none is due by then.
     */
    public synchronized Runnable nextDue(long limitMicros) {
        Entry first = due.peek();
        if (first == null || first.dueMicros() > limitMicros) {
            return null;
        }
        due.poll();
        nowMicros = Math.max(nowMicros, first.dueMicros());
        return first.task();
    }

    /** Moves the clock forward to {@code epochMicros} (never backwards). */
    public synchronized void advanceTo(long epochMicros) {
        nowMicros = Math.max(nowMicros, epochMicros);
    }

    /** Tasks waiting for their time. */
    public synchronized int pending() {
        return due.size();
    }
}
