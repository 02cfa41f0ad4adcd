package dev.botlink.platform.bot;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Calls a running bot's {@code @http.route} method. A port next to {@link BotRuntime}: the sandbox adapter carries
 * the call to the bot's worker.
 */
public interface BotWebhooks {

    /**
     * What the method answered.
     *
     * @param result the JSON-able return value when {@code error} is null
     * @param error a user-facing message, or null
     * @param code the kind of error: {@code no_route}, {@code raised}, {@code not_running}, {@code busy},
     *     {@code unreachable}, {@code timeout} (the worker's own budget), or null
     */
    record Answer(Object result, String error, String code) {}

    /**
     * Calls {@code <method>_<route>} with {@code args} (strings, or JSON values). Never blocks; the future never fails:
     * problems arrive as an {@link Answer} with an error. The caller applies its own time limit.
     */
    CompletableFuture<Answer> call(long botId, String method, String route, Map<String, ?> args);
}
