package dev.botlink.sandbox.host;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The platform's side of the worker protocol: what a host does with the calls its bots make.
 *
 * <p>Methods are called on a connection's reader thread and must not block: do slow work asynchronously
 * (exchange calls return a future). Every method receives the calling bot's id; the hub has already checked
 * that the bot was placed on the calling worker.
 */
public interface HostHandler {
    /**
     * Performs an exchange operation for a bot. {@code method} is one of the Link API's names
     * ({@code fetch_candles}, {@code create_limit_order}, {@code call_endpoint}, ...), {@code venue} the user's
     * venue name and {@code args} the remaining arguments by name. The future completes with ProfitView's shape
     * {@code {src, venue, data, error, rate_limits}}; {@code error} is {@code {type: api_error | rate_limits,
     * message}} or null. A failed future reaches the bot as an api_error.
     */
    CompletableFuture<Map<String, Object>> exchangeCall(
            String bot, String method, String venue, Map<String, Object> args);

    /**
     * Like {@link #exchangeCall}, with the simulated time at which a bot in simulated-time mode made the call
     * ({@code simulatedMicros}, epoch microseconds; {@code null} for live bots). The hub calls this one; the
     * default ignores the time.
     */
    default CompletableFuture<Map<String, Object>> exchangeCallAt(
            String bot, String method, String venue, Map<String, Object> args, Long simulatedMicros) {
        return exchangeCall(bot, method, venue, args);
    }

    /** A bot log line. Levels: DEBUG, INFO, WARNING, ERROR, CRITICAL. Messages are bounded by the worker. */
    void log(String bot, String level, String message);

    /** A message for the account's private websocket stream. */
    void publish(String bot, String topic, Object data);

    /** A signal: {src, sym} and one of {size}, {mid} or {quote: [bid, ask]}. */
    void signal(String bot, Map<String, Object> signal);

    /** A bot's lifecycle changed: {@code running}, {@code stopped} or {@code failed} with a reason. */
    void botState(String bot, String state, String reason);

    /**
     * The webhook methods of a bot that is starting to run ({@code get_<name>} / {@code post_<name>} marked with
     * {@code @http.route}), sent just before its {@code running} state.
     */
    default void botRoutes(String bot, List<String> routes) {}

    /** A worker connected and authenticated. */
    default void workerConnected(String workerId) {}

    /** A worker's connection is gone; its bots are unreachable until it reconnects. */
    default void workerDisconnected(String workerId, Throwable cause) {}
}
