package dev.botlink.platform.venue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of every exchange call, in ProfitView's shape {@code {src, venue, data, error, rate_limits}}.
 * Exactly one of {@code data} and {@code error} is meaningful; {@code data} may still carry a venue's native answer
 * next to an error (e.g. a BitMEX order that came back cancelled).
 *
 * @param <T> a {@link LinkData}, a list of them, or a plain JSON-able value (native {@code call_endpoint} answers)
 */
public record VenueResult<T>(String src, String venue, T data, VenueError error, RateLimits rateLimits) {

    public static <T> VenueResult<T> ok(String src, String venue, T data, RateLimits rateLimits) {
        return new VenueResult<>(src, venue, data, null, rateLimits);
    }

    public static <T> VenueResult<T> failed(String src, String venue, VenueError error, RateLimits rateLimits) {
        return new VenueResult<>(src, venue, null, error, rateLimits);
    }

    public boolean isOk() {
        return error == null;
    }

    /** The JSON-able form handed to bots. */
    public Map<String, Object> toLink() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("src", src);
        map.put("venue", venue);
        map.put("data", linkValue(data));
        map.put("error", error == null ? null : error.toLink());
        map.put("rate_limits", rateLimits == null ? null : rateLimits.toLink());
        return map;
    }

    /** Converts {@link LinkData} (also inside lists and maps) to maps; leaves plain JSON values as they are. */
    public static Object linkValue(Object value) {
        if (value instanceof LinkData data) {
            return data.toLink();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(VenueResult::linkValue).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(key, linkValue(item)));
            return copy;
        }
        return value;
    }
}
