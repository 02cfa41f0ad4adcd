package dev.botlink.sandbox.host;

/**
 * What a bot's {@code @http.route} method answered.
 *
 * @param result the JSON-able return value (null when the method returned None), when {@code error} is null
 * @param error a user-facing error (no such route, the method raised, the bot is not running), or null
 */
public record WebhookResult(Object result, String error) {
    public boolean ok() {
        return error == null;
    }
}
