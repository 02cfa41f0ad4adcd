package dev.botlink.sandbox.host;

import java.util.List;

/**
 * One instant of simulated time in a {@link WorkerHub#step}: the bot's clock moves to {@code epochMicros} (running
 * every timer, cron job and simulated sleep due until then), then the events are delivered in order.
 *
 * @param epochMicros the simulated time, microseconds since the Unix epoch
 * @param events at most {@link #MAX_EVENTS} events, possibly none (a pure clock advance)
 */
public record StepPoint(long epochMicros, List<StepEvent> events) {
    /** Most events one point may carry. */
    public static final int MAX_EVENTS = 1_000;

    public StepPoint {
        events = events == null ? List.of() : List.copyOf(events);
        if (epochMicros < 0) {
            throw new IllegalArgumentException("a step point's time must be an epoch time in microseconds >= 0");
        }
        if (events.size() > MAX_EVENTS) {
            throw new IllegalArgumentException(
                    "a step point carries at most " + MAX_EVENTS + " events, not " + events.size());
        }
    }
}
