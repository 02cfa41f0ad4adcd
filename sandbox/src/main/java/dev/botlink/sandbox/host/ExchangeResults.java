package dev.botlink.sandbox.host;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;

/** Builds ProfitView's exchange result shape {src, venue, data, error, rate_limits}. */
public final class ExchangeResults {
    private ExchangeResults() {}

    /** A successful result. */
    public static Map<String, Object> success(String src, String venue, Object data, Map<String, Object> rateLimits) {
        var result = new HashMap<String, Object>();
        result.put("src", src);
        result.put("venue", venue);
        result.put("data", data);
        result.put("error", null);
        result.put("rate_limits", rateLimits);
        return result;
    }

    /** A failed result with {@code error = {type, message}}. */
    public static Map<String, Object> failure(String venue, Map<String, Object> error) {
        var result = new HashMap<String, Object>();
        result.put("src", null);
        result.put("venue", venue);
        result.put("data", null);
        result.put("error", error);
        result.put("rate_limits", null);
        return result;
    }

    static Map<String, Object> failure(String venue, Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return failure(venue, Map.of("type", "api_error", "message", message));
    }

    /** Marks a CALL's key for the worker: a reply carrying it ends the STEP in progress after its current point. */
    public static final String CUT = "cut";

    /**
     * The same result, marked so that the worker processes no further points of the {@link WorkerHub#step} in
     * progress after the one the call was made in (a backtest that hit its end or was cancelled). The mark is
     * removed before the bot sees the result.
     */
    public static Map<String, Object> cut(Map<String, Object> result) {
        var marked = new HashMap<String, Object>(result);
        marked.put(CUT, true);
        return marked;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> args(Map<String, Object> body) {
        Object args = body.get("args");
        return args instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
