package dev.botlink.platform.venue;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code error} member of a Link API result: {@code type} ("api_error" or "rate_limits") and a {@code message}
 * a user can act on, plus Botlink's stable {@code code} and {@code stage}.
 */
public record VenueError(String type, String code, String stage, String message) {

    public static VenueError of(Rejection rejection, String message) {
        return new VenueError(
                rejection.linkType(), rejection.code(), rejection.stage().code(), message);
    }

    public Map<String, Object> toLink() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", type);
        map.put("message", message);
        map.put("code", code);
        map.put("stage", stage);
        return map;
    }
}
