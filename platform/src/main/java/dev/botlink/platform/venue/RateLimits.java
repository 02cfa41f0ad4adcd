package dev.botlink.platform.venue;

import java.util.LinkedHashMap;
import java.util.Map;

/** Remaining API credits of an account and the unix time (seconds) at which they are refilled. */
public record RateLimits(long remaining, long reset) {

    public Map<String, Object> toLink() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("remaining", remaining);
        map.put("reset", reset);
        return map;
    }
}
