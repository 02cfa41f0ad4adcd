package dev.botlink.platform.marketdata;

import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that only moves when told: for backtests and tests. Thread-safe; never goes backwards. */
public final class SimulatedClock implements InstantSource {

    private final AtomicLong millis;

    public SimulatedClock(long startMillis) {
        this.millis = new AtomicLong(startMillis);
    }

    @Override
    public long millis() {
        return millis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis.get());
    }

    /** Moves the clock forward by {@code deltaMillis} (not negative) and returns the new time. */
    public long advance(long deltaMillis) {
        if (deltaMillis < 0) {
            throw new IllegalArgumentException("a simulated clock cannot go backwards");
        }
        return millis.addAndGet(deltaMillis);
    }

    /** Sets the time to {@code epochMillis} if that is not in the past. */
    public void set(long epochMillis) {
        millis.accumulateAndGet(epochMillis, (current, target) -> {
            if (target < current) {
                throw new IllegalArgumentException("a simulated clock cannot go backwards");
            }
            return target;
        });
    }
}
