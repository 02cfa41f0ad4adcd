package dev.botlink.sandbox.host;

/**
 * What a bot's {@code @http.route} method answered.
 *
 * @param result the JSON-able return value (null when the method returned None), when {@code error} is null
 * @param error a user-facing error (no such route, the method raised, the bot is not running), or null
 * @param timedOut the handler did not answer within the worker's webhook budget ({@code botlink.webhookBudgetMillis},
 *     5 s): {@code error} says so and an HTTP front maps it to 504 Gateway Timeout
 */
public record WebhookResult(Object result, String error, boolean timedOut) {
    public WebhookResult(Object result, String error) {
        this(result, error, false);
    }

    public boolean ok() {
        return error == null;
    }
}
