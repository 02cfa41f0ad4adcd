package dev.botlink.marketplace.execution;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bounded retry policy shared by all bot types: one batch of intents with the venue at a time,
 * exponential back-off after failures, and a halt after too many failures in a row.
 *
 * <p>Time is the market time of the latest evaluation; results carry none. Not thread-safe: a bot is
 * driven from one thread.
 */
final class ExecutionGuard {
    private final ExecutionSettings settings;
    private final Map<String, Long> inFlight = new LinkedHashMap<>();
    private long now = Long.MIN_VALUE;
    private int consecutiveFailures;
    private long pausedUntil = Long.MIN_VALUE;
    private boolean halted;
    private boolean haltCancelsSent;
    private String lastFailure = "";

    ExecutionGuard(ExecutionSettings settings) {
        this.settings = settings;
    }

    /** Moves the guard's clock; rejects time going backwards, which would break the back-off. */
    void advanceTo(long timeMillis) {
        if (timeMillis < now) {
            throw new IllegalArgumentException(
                    "market time went backwards from " + now + " to " + timeMillis + " ms: states must be in order");
        }
        now = timeMillis;
        expireLostResults();
    }

    /** Why the bot may not send new intents now, if it may not. */
    Optional<BotStatus> blocked() {
        if (halted) {
            return Optional.of(BotStatus.HALTED);
        }
        if (!inFlight.isEmpty()) {
            return Optional.of(BotStatus.AWAITING_VENUE);
        }
        if (now < pausedUntil) {
            return Optional.of(BotStatus.BACKING_OFF);
        }
        return Optional.empty();
    }

    /** Whether the halt's one batch of cancels is still to be sent; true only once per halt. */
    boolean takeHaltCancels() {
        if (!halted || haltCancelsSent) {
            return false;
        }
        haltCancelsSent = true;
        return true;
    }

    void sent(List<OrderIntent> intents) {
        intents.forEach(intent -> inFlight.put(intent.intentId(), now));
    }

    /** Records a venue result; results for unknown or expired intents are ignored. */
    void onResult(VenueResult result) {
        if (inFlight.remove(result.intentId()) == null) {
            return;
        }
        switch (result) {
            case VenueResult.Rejected rejected
            when rejected.error() != VenueError.ORDER_NOT_FOUND -> fail(rejected.error() + ": " + rejected.message());
            default -> consecutiveFailures = 0;
        }
    }

    /**
     * A new signal lifts a halt, once the halt's pause is over. It does not shorten a pause: scripts may
     * signal many times a second, and each signal must not buy another attempt at a failing venue.
     */
    void resume() {
        if (halted) {
            halted = false;
            haltCancelsSent = false;
            consecutiveFailures = 0;
        }
    }

    String lastFailure() {
        return lastFailure;
    }

    private void expireLostResults() {
        boolean lost = inFlight.values().removeIf(sentAt -> now - sentAt >= settings.resultTimeoutMillis());
        if (lost) {
            fail("no venue result within " + settings.resultTimeoutMillis() + " ms");
        }
    }

    private void fail(String reason) {
        lastFailure = reason;
        consecutiveFailures++;
        pausedUntil = Math.max(pausedUntil, now + settings.backoffAfter(consecutiveFailures));
        if (consecutiveFailures >= settings.maxConsecutiveFailures()) {
            halted = true;
            pausedUntil = Math.max(pausedUntil, now + settings.maxBackoffMillis());
        }
    }
}
