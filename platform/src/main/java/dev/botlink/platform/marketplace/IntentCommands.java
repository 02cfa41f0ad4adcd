package dev.botlink.platform.marketplace;

import dev.botlink.marketplace.execution.OrderIntent;
import dev.botlink.marketplace.execution.VenueError;
import dev.botlink.marketplace.execution.VenueResult;
import dev.botlink.platform.venue.ExchangeClient;
import dev.botlink.platform.venue.ExchangeCommand;
import dev.botlink.platform.venue.OrderState;
import dev.botlink.platform.venue.Rejection;
import dev.botlink.platform.venue.Side;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one place where the marketplace's order intents become the platform's exchange commands, and the venue's
 * answers become the domain's {@link VenueResult}s.
 */
public final class IntentCommands {

    /** What one intent did at the venue: the domain's result and the orders the venue reported back. */
    public record Outcome(VenueResult result, List<OrderState> orders) {}

    private IntentCommands() {}

    /**
     * Sends {@code intent} to {@code client}. Orders carry {@code tag} as their text so the deployment recognises its
     * own orders; {@code open} are its open orders by id (an amend sets a new remaining size, the port a new total).
     */
    public static Outcome send(
            ExchangeClient client, String sym, String tag, OrderIntent intent, Map<String, OrderState> open) {
        try {
            return switch (intent) {
                case OrderIntent.PlaceLimit limit ->
                    placed(
                            limit.intentId(),
                            limit.size(),
                            client.createLimitOrder(new ExchangeCommand.CreateLimitOrder(
                                    sym, side(limit.side()), limit.size(), limit.price(), false, tag)));
                case OrderIntent.PlaceMarket market ->
                    placed(
                            market.intentId(),
                            market.size(),
                            client.createMarketOrder(
                                    new ExchangeCommand.CreateMarketOrder(sym, side(market.side()), market.size())));
                case OrderIntent.Cancel cancel -> {
                    var result = client.cancelOrders(new ExchangeCommand.CancelOrders(cancel.orderId(), sym));
                    yield result.isOk()
                            ? new Outcome(new VenueResult.Accepted(cancel.intentId()), result.data())
                            : rejected(cancel.intentId(), result.error());
                }
                case OrderIntent.Amend amend -> amend(client, amend, open.get(amend.orderId()));
            };
        } catch (RuntimeException e) {
            return new Outcome(
                    new VenueResult.Rejected(intent.intentId(), VenueError.UNAVAILABLE, String.valueOf(e.getMessage())),
                    List.of());
        }
    }

    private static Outcome amend(ExchangeClient client, OrderIntent.Amend amend, OrderState order) {
        if (order == null) {
            return new Outcome(
                    new VenueResult.Rejected(
                            amend.intentId(), VenueError.ORDER_NOT_FOUND, "order " + amend.orderId() + " is not open"),
                    List.of());
        }
        BigDecimal total = order.filledSize().add(amend.size());
        var result = client.amendOrder(new ExchangeCommand.AmendOrder(amend.orderId(), total, amend.price()));
        return result.isOk()
                ? new Outcome(new VenueResult.Accepted(amend.intentId()), List.of(result.data()))
                : rejected(amend.intentId(), result.error());
    }

    private static Outcome placed(
            String intentId, BigDecimal size, dev.botlink.platform.venue.VenueResult<OrderState> result) {
        if (!result.isOk()) {
            return rejected(intentId, result.error());
        }
        OrderState order = result.data();
        boolean partly = order.orderType() == dev.botlink.platform.venue.OrderType.MARKET
                && order.filledSize().signum() > 0
                && order.filledSize().compareTo(size) < 0;
        VenueResult answer = partly
                ? new VenueResult.PartiallyFilled(intentId, order.filledSize())
                : new VenueResult.Accepted(intentId);
        return new Outcome(answer, List.of(order));
    }

    private static Outcome rejected(String intentId, dev.botlink.platform.venue.VenueError error) {
        return new Outcome(new VenueResult.Rejected(intentId, errorOf(error.code()), error.message()), List.of());
    }

    static VenueError errorOf(String code) {
        Rejection rejection;
        try {
            rejection = Rejection.valueOf(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            return VenueError.OTHER;
        }
        return switch (rejection) {
            case INSUFFICIENT_MARGIN -> VenueError.INSUFFICIENT_BALANCE;
            case RATE_LIMITED -> VenueError.RATE_LIMITED;
            case UNKNOWN_ORDER, ORDER_NOT_OPEN -> VenueError.ORDER_NOT_FOUND;
            case NO_MARKET_DATA -> VenueError.UNAVAILABLE;
            case OFF_TICK,
                    OFF_LOT,
                    NOT_POSITIVE,
                    NOT_A_NUMBER,
                    INVALID_ARGUMENT,
                    MISSING_ARGUMENT,
                    INVALID_SIDE,
                    POST_ONLY_WOULD_CROSS,
                    AMEND_BELOW_FILLED,
                    TOO_MANY_OPEN_ORDERS,
                    UNKNOWN_SYMBOL -> VenueError.INVALID_ORDER;
            default -> VenueError.OTHER;
        };
    }

    public static Side side(dev.botlink.marketplace.execution.Side side) {
        return side == dev.botlink.marketplace.execution.Side.BUY ? Side.BUY : Side.SELL;
    }

    public static dev.botlink.marketplace.execution.Side side(Side side) {
        return side == Side.BUY
                ? dev.botlink.marketplace.execution.Side.BUY
                : dev.botlink.marketplace.execution.Side.SELL;
    }
}
