package dev.botlink.platform.venue.paper;

import dev.botlink.platform.venue.LinkNumbers;
import dev.botlink.platform.venue.Rejection;
import dev.botlink.platform.venue.VenueRejection;
import java.math.BigDecimal;
import java.util.Map;

/** Reading {@code call_endpoint} params, with the rejections a script can act on. */
final class NativeParams {

    private NativeParams() {}

    static String required(Map<String, Object> params, String name) {
        String value = optional(params, name);
        if (value == null) {
            throw new VenueRejection(Rejection.MISSING_ARGUMENT, "params needs '" + name + "'");
        }
        return value;
    }

    static String optional(Map<String, Object> params, String name) {
        Object value = params.get(name);
        return value == null ? null : String.valueOf(value);
    }

    static BigDecimal decimal(Map<String, Object> params, String name) {
        if (params.get(name) == null) {
            throw new VenueRejection(Rejection.MISSING_ARGUMENT, "params needs '" + name + "'");
        }
        return LinkNumbers.decimal(name, params.get(name));
    }

    static int integer(Map<String, Object> params, String name, int fallback) {
        Object value = params.get(name);
        return value == null ? fallback : LinkNumbers.decimal(name, value).intValue();
    }
}
