package dev.botlink.sandbox.protocol;

import java.util.Map;
import java.util.Objects;

/**
 * One message between a worker and its host.
 *
 * @param type what the frame means, one of {@link FrameType}'s names
 * @param id correlates a request with its {@link FrameType#REPLY}; 0 for one-way frames
 * @param bot the bot a frame is about, or {@code null} for worker-level frames
 * @param body JSON-able payload: maps, lists, strings, numbers ({@link java.math.BigDecimal} after decoding),
 *     booleans and nulls
 */
public record Frame(FrameType type, long id, String bot, Map<String, Object> body) {
    public Frame {
        Objects.requireNonNull(type, "type");
        body = body == null ? Map.of() : body;
    }

    public static Frame of(FrameType type, String bot, Map<String, Object> body) {
        return new Frame(type, 0, bot, body);
    }

    public Frame withId(long newId) {
        return new Frame(type, newId, bot, body);
    }

    /** A string field of the body, or {@code null}. */
    public String text(String key) {
        Object value = body.get(key);
        return value == null ? null : value.toString();
    }
}
