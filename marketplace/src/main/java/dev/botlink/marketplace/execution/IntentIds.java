package dev.botlink.marketplace.execution;

import java.util.Objects;

/** Hands out intent ids {@code <botId>-<n>}: deterministic, so a replayed backtest produces the same ids. */
public final class IntentIds {
    private final String botId;
    private long next = 1;

    public IntentIds(String botId) {
        this.botId = Objects.requireNonNull(botId, "botId is missing");
        if (botId.isBlank()) {
            throw new IllegalArgumentException("botId must not be blank");
        }
    }

    /** The next unused id. */
    public String next() {
        return botId + "-" + next++;
    }
}
