package dev.botlink.platform.bot;

import dev.botlink.platform.venue.VenueListener;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Performs a bot's Link API exchange call on its account's venue. The answer has ProfitView's shape
 * {@code {src, venue, data, error, rate_limits}}; an unknown venue is an {@code api_error} in it, not an exception.
 */
public interface BotExchangeCalls {

    CompletableFuture<Map<String, Object>> call(long accountId, String method, String venue, Map<String, Object> args);

    /**
     * Streams the account's venue events (quotes, trades, order, fill and position updates) to {@code listener} until
     * the handle is closed. The listener is called on venue threads and must not block.
     */
    AutoCloseable subscribeAll(long accountId, VenueListener listener);
}
