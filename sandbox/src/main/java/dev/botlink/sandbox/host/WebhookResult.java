package dev.botlink.sandbox.host;

/**
 * What a bot's {@code @http.route} method answered.
 *
 * @param result the JSON-able return value (null when the method returned None), when {@code error} is null
 * @param error a user-facing error (no such route, the method raised, the bot is not running), or null
 * @param code what kind of error: {@link #NO_ROUTE}, {@link #RAISED}, {@link #NOT_RUNNING}, {@link #BUSY},
 *     {@link #UNREACHABLE}, {@link #TIMEOUT} (the handler did not answer within
 *     the worker's webhook budget, {@code botlink.webhookBudgetMillis}: an HTTP front answers 504) or another worker-defined code; null when there is no error or the worker gave none
 */
public record WebhookResult(Object result, String error, String code) {
    public static final String NO_ROUTE = "no_route";
    public static final String RAISED = "raised";
    public static final String NOT_RUNNING = "not_running";
    public static final String BUSY = "busy";
    public static final String UNREACHABLE = "unreachable";
    public static final String TIMEOUT = "timeout";

    public WebhookResult(Object result, String error) {
        this(result, error, null);
    }

    public boolean ok() {
        return error == null;
    }

    /** The handler ran past the worker's webhook budget. */
    public boolean timedOut() {
        return TIMEOUT.equals(code);
    }
}
