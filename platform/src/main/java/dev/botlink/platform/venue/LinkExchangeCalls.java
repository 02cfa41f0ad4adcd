package dev.botlink.platform.venue;

import dev.botlink.platform.marketdata.CandleLevel;
import dev.botlink.platform.venue.ExchangeCommand.AmendOrder;
import dev.botlink.platform.venue.ExchangeCommand.CallEndpoint;
import dev.botlink.platform.venue.ExchangeCommand.CancelOrders;
import dev.botlink.platform.venue.ExchangeCommand.CreateLimitOrder;
import dev.botlink.platform.venue.ExchangeCommand.CreateMarketOrder;
import dev.botlink.platform.venue.ExchangeCommand.FetchCandles;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Maps a bot's generic exchange call (Link method name, venue name, keyword arguments) onto the {@link ExchangeClient}
 * port and the result back to its JSON-able Link form ({@code {src, venue, data, error, rate_limits}}).
 *
 * <p>Arguments arrive by name, as the Link methods' Python signatures bind them ({@code create_market_order(venue,
 * sym, side, size)} positionally or by keyword gives the same map). Numbers may be Python floats or ints (or strings,
 * from webhooks); NaN is refused. An unknown argument name, a missing one or a wrong value comes back as an
 * {@code api_error} naming it, never as an exception. Such an error is produced before the venue is called, so its
 * {@code rate_limits} is null.
 *
 * <p>Forms: {@code cancel_order(venue)} cancels all, {@code (venue, sym=)} a symbol's, {@code (venue, order_id=)} one
 * order, both: that order if it is on sym. {@code fetch_candles(venue, sym, level='1m', since=None)}.
 * {@code amend_order(venue, order_id, size=None, price=None)}. {@code call_endpoint(venue, path, version,
 * method='GET', params=None)}.
 */
public final class LinkExchangeCalls {

    private static final Map<String, Set<String>> ARGUMENTS = Map.of(
            "fetch_candles", Set.of("sym", "level", "since"),
            "fetch_balances", Set.of(),
            "fetch_open_orders", Set.of(),
            "fetch_positions", Set.of(),
            "create_limit_order", Set.of("sym", "side", "size", "price"),
            "create_market_order", Set.of("sym", "side", "size", "price"),
            "cancel_order", Set.of("order_id", "sym"),
            "amend_order", Set.of("order_id", "size", "price"),
            "call_endpoint", Set.of("path", "version", "method", "params"));

    private final Function<String, Optional<ExchangeClient>> venues;

    /** @param venues the calling account's venues by the user's venue name */
    public LinkExchangeCalls(Function<String, Optional<ExchangeClient>> venues) {
        this.venues = venues;
    }

    /** Method names this mapping understands. */
    public static Set<String> methods() {
        return ARGUMENTS.keySet();
    }

    /** Runs {@code method} on {@code venue}; never throws for bad input (see class comment). */
    public Map<String, Object> call(String method, String venue, Map<String, Object> args) {
        Optional<ExchangeClient> client = venue == null ? Optional.empty() : venues.apply(venue);
        if (client.isEmpty()) {
            return failure(
                    null,
                    venue,
                    new VenueRejection(
                            Rejection.UNKNOWN_VENUE,
                            "no venue named '" + venue
                                    + "' in this account: use the name from your exchange settings, e.g. 'BitMEX'"));
        }
        try {
            return dispatch(method, client.get(), args == null ? Map.of() : args)
                    .toLink();
        } catch (VenueRejection rejection) {
            return failure(client.get().src(), client.get().venue(), rejection);
        }
    }

    private VenueResult<?> dispatch(String method, ExchangeClient client, Map<String, Object> args) {
        checkArguments(method, args);
        return switch (method) {
            case "fetch_candles" ->
                client.fetchCandles(new FetchCandles(
                        text(args, "sym"),
                        CandleLevel.parse(optionalText(args, "level", "1m")),
                        epochMillis(args, "since")));
            case "fetch_balances" -> client.fetchBalances();
            case "fetch_open_orders" -> client.fetchOpenOrders();
            case "fetch_positions" -> client.fetchPositions();
            case "create_limit_order" ->
                client.createLimitOrder(new CreateLimitOrder(
                        text(args, "sym"),
                        Side.parse(text(args, "side")),
                        decimal(args, "size"),
                        decimal(args, "price"),
                        false,
                        null));
            case "create_market_order" ->
                client.createMarketOrder(new CreateMarketOrder(
                        text(args, "sym"), Side.parse(text(args, "side")), decimal(args, "size")));
            case "cancel_order" ->
                client.cancelOrders(
                        new CancelOrders(optionalText(args, "order_id", null), optionalText(args, "sym", null)));
            case "amend_order" ->
                client.amendOrder(new AmendOrder(
                        text(args, "order_id"),
                        LinkNumbers.optionalDecimal("size", args.get("size")),
                        LinkNumbers.optionalDecimal("price", args.get("price"))));
            default ->
                client.callEndpoint(new CallEndpoint(
                        text(args, "path"),
                        optionalText(args, "version", null),
                        optionalText(args, "method", null),
                        params(args.get("params"))));
        };
    }

    private static void checkArguments(String method, Map<String, Object> args) {
        Set<String> allowed = ARGUMENTS.get(method);
        if (allowed == null) {
            throw new VenueRejection(
                    Rejection.UNKNOWN_METHOD,
                    "'" + method + "' is not an exchange call: use one of "
                            + List.copyOf(new java.util.TreeSet<>(ARGUMENTS.keySet())));
        }
        for (String name : args.keySet()) {
            if (!allowed.contains(name)) {
                throw new VenueRejection(
                        Rejection.INVALID_ARGUMENT,
                        method + "() got an unexpected argument '" + name + "'; it takes "
                                + new java.util.TreeSet<>(allowed));
            }
        }
    }

    private static Map<String, Object> failure(String src, String venue, VenueRejection rejection) {
        return VenueResult.failed(src, venue, rejection.toError(), null).toLink();
    }

    private static String text(Map<String, Object> args, String name) {
        Object value = args.get(name);
        if (value == null) {
            throw new VenueRejection(Rejection.MISSING_ARGUMENT, name + " is required");
        }
        return value.toString();
    }

    private static String optionalText(Map<String, Object> args, String name, String fallback) {
        Object value = args.get(name);
        return value == null ? fallback : value.toString();
    }

    private static BigDecimal decimal(Map<String, Object> args, String name) {
        return LinkNumbers.decimal(name, args.get(name));
    }

    private static Long epochMillis(Map<String, Object> args, String name) {
        BigDecimal value = LinkNumbers.optionalDecimal(name, args.get(name));
        if (value == null) {
            return null;
        }
        if (value.signum() < 0 || value.stripTrailingZeros().scale() > 0) {
            throw new VenueRejection(
                    Rejection.INVALID_ARGUMENT,
                    name + " must be epoch milliseconds (a whole number" + " such as 1681187280000), got "
                            + value.toPlainString());
        }
        return value.longValueExact();
    }

    private static Map<String, Object> params(Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new VenueRejection(Rejection.INVALID_ARGUMENT, "params must be a dict, got " + value);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        map.forEach((key, item) -> params.put(String.valueOf(key), item));
        return params;
    }
}
