package dev.botlink.platform.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down password guessing: after {@code maxFailures} failed logins for a key (a username, or a client address)
 * within {@code window}, further attempts for that key are refused until the window has passed since the first
 * failure. Remembers at most {@code capacity} keys, forgetting the least recently failed. Thread-safe.
 */
public final class LoginThrottle {

    private record Failures(Instant since, int count) {}

    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final Map<String, Failures> failures;

    public LoginThrottle(Clock clock, int maxFailures, Duration window, int capacity) {
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
        this.failures = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > capacity;
            }
        };
    }

    /** How long the caller must wait before trying this key again, if it is locked now. */
    public synchronized Optional<Duration> lockedFor(String key) {
        Failures seen = failures.get(key);
        if (seen == null || seen.count() < maxFailures) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), seen.since().plus(window));
        if (left.isNegative() || left.isZero()) {
            failures.remove(key);
            return Optional.empty();
        }
        return Optional.of(left);
    }

    public synchronized void failed(String key) {
        Instant now = clock.instant();
        failures.compute(
                key,
                (k, seen) -> seen == null || seen.since().plus(window).isBefore(now)
                        ? new Failures(now, 1)
                        : new Failures(seen.since(), seen.count() + 1));
    }

    public synchronized void succeeded(String key) {
        failures.remove(key);
    }
}
