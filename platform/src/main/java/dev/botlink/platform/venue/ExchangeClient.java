package dev.botlink.platform.venue;

import dev.botlink.platform.marketdata.Candle;
import dev.botlink.platform.venue.ExchangeCommand.AmendOrder;
import dev.botlink.platform.venue.ExchangeCommand.CallEndpoint;
import dev.botlink.platform.venue.ExchangeCommand.CancelOrders;
import dev.botlink.platform.venue.ExchangeCommand.CreateLimitOrder;
import dev.botlink.platform.venue.ExchangeCommand.CreateMarketOrder;
import dev.botlink.platform.venue.ExchangeCommand.FetchCandles;
import java.util.List;

/**
 * The exchange port: everything the Link API does with one venue of one account.
 *
 * <p>Contract for every adapter (checked by {@code ExchangeClientContract}):
 *
 * <ul>
 *   <li>No method throws for a refused call: the refusal comes back as {@link VenueResult#error()} with a stable
 *       {@link Rejection} code and a message naming what to change. Every call (refused or not) carries the
 *       account's {@link RateLimits}; once they are exhausted calls fail with type {@code rate_limits} until reset.
 *   <li>Methods are thread-safe; calls of one account are applied in a single order.
 *   <li>Cancelling an order that already finished is not an error: the result shows its final state. Unknown order
 *       ids are ({@link Rejection#UNKNOWN_ORDER}).
 *   <li>Every state change of the account's orders, fills and positions is streamed to {@link #subscribe}d
 *       listeners, in the order it happened, before the call that caused it returns.
 * </ul>
 */
public interface ExchangeClient {

    /** Exchange id, e.g. {@code bitmex}: the {@code src} of results and events. */
    String src();

    /** The user's name for the venue, e.g. {@code BitMEX}: the {@code venue} of results and events. */
    String venue();

    /** Bars of {@code sym}, oldest first, from {@code since} (or the latest ones), at most a venue-defined page. */
    VenueResult<List<Candle>> fetchCandles(FetchCandles command);

    VenueResult<List<Balance>> fetchBalances();

    VenueResult<List<OrderState>> fetchOpenOrders();

    /** Open (non-zero) positions. */
    VenueResult<List<PositionState>> fetchPositions();

    /** The new order; {@code remain_size} shows what rests after any immediate execution. */
    VenueResult<OrderState> createLimitOrder(CreateLimitOrder command);

    /** The executed order: {@code order_price} is the average fill price. */
    VenueResult<OrderState> createMarketOrder(CreateMarketOrder command);

    /** The orders cancelled (or already finished, for a cancel by id). */
    VenueResult<List<OrderState>> cancelOrders(CancelOrders command);

    VenueResult<OrderState> amendOrder(AmendOrder command);

    /** The venue's native REST API; {@code data} is the native JSON as maps and lists. */
    VenueResult<Object> callEndpoint(CallEndpoint command);

    /**
     * Streams the account's private events and the public quotes and trades of the venue's symbols to
     * {@code listener} until the returned handle is closed (closing twice is harmless).
     */
    AutoCloseable subscribe(VenueListener listener);
}
