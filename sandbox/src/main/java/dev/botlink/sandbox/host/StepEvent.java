package dev.botlink.sandbox.host;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One event of a {@link StepPoint}: the same kinds and data as {@link WorkerHub#deliver} takes (quote, trade,
 * order, fill, position, candles), delivered through the same callbacks.
 */
public record StepEvent(String kind, String src, String sym, Map<String, Object> data) {
    /** The kinds a step may carry. */
    public static final Set<String> KINDS = Set.of("quote", "trade", "order", "fill", "position", "candles");

    public StepEvent {
        Objects.requireNonNull(kind, "kind");
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("unknown event kind '" + kind + "'; use one of " + KINDS);
        }
        data = data == null ? Map.of() : data;
    }
}
