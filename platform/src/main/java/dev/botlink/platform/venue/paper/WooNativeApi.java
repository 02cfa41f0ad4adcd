package dev.botlink.platform.venue.paper;

import dev.botlink.platform.venue.ExchangeCommand.CallEndpoint;
import dev.botlink.platform.venue.ExchangeCommand.CreateLimitOrder;
import dev.botlink.platform.venue.Instrument;
import dev.botlink.platform.venue.OrderState;
import dev.botlink.platform.venue.OrderStatus;
import dev.botlink.platform.venue.OrderType;
import dev.botlink.platform.venue.PositionState;
import dev.botlink.platform.venue.Rejection;
import dev.botlink.platform.venue.Side;
import dev.botlink.platform.venue.VenueRejection;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code call_endpoint} of paper WOO X venues: the WOO X REST endpoints (V1 and V3) real scripts call, answered in
 * WOO X's JSON shapes from the paper account. Paths are WOO's without the leading slash; path parameters go in the
 * path ({@code v1/public/info/PERP_BTC_USDT}). Runs under the client's lock.
 *
 * <ul>
 *   <li>public: {@code GET v1/public/info}, {@code GET v1/public/info/{symbol}}, {@code GET v3/public/instruments}
 *       (symbol), {@code GET v1/public/orderbook/{symbol}} (max_level), {@code GET v3/public/orderbook} (symbol,
 *       maxLevel);
 *   <li>private V1: {@code POST v1/order} (symbol, side, order_type LIMIT/MARKET/POST_ONLY, order_price,
 *       order_quantity, client_order_id), {@code DELETE v1/order} (order_id, symbol), {@code DELETE v1/orders}
 *       (symbol), {@code GET v1/orders} (symbol; open orders);
 *   <li>private V3: {@code POST v3/trade/order} (symbol, side, type, price, quantity, clientOrderId),
 *       {@code DELETE v3/trade/order} (orderId, symbol), {@code DELETE v3/trade/orders} (symbol),
 *       {@code GET v3/positions}.
 * </ul>
 *
 * Order ids are the paper venue's (strings), not WOO's integers. Prices and sizes are JSON numbers, as WOO's V1
 * answers show them.
 */
final class WooNativeApi implements PaperNativeApi {

    private static final int DEFAULT_LEVELS = 100;
    private static final List<String> ENDPOINTS = List.of(
            "GET v1/public/info",
            "GET v1/public/info/{symbol}",
            "GET v3/public/instruments",
            "GET v1/public/orderbook/{symbol}",
            "GET v3/public/orderbook",
            "POST v1/order",
            "DELETE v1/order",
            "DELETE v1/orders",
            "GET v1/orders",
            "POST v3/trade/order",
            "DELETE v3/trade/order",
            "DELETE v3/trade/orders",
            "GET v3/positions");

    private final PaperExchangeClient client;
    private final int maxLevels;

    WooNativeApi(PaperExchangeClient client, int maxLevels) {
        this.client = client;
        this.maxLevels = maxLevels;
    }

    @Override
    public Object call(CallEndpoint command) {
        String method = command.method().toUpperCase(Locale.ROOT);
        String path = command.path().replaceFirst("^/+", "");
        Map<String, Object> params = command.params();
        String symbolInPath = null;
        String template = path;
        for (String prefix : List.of("v1/public/info/", "v1/public/orderbook/")) {
            if (path.startsWith(prefix) && path.length() > prefix.length()) {
                symbolInPath = path.substring(prefix.length());
                template = prefix + "{symbol}";
            }
        }
        String endpoint = method + " " + template;
        if (!ENDPOINTS.contains(endpoint)) {
            throw new VenueRejection(
                    Rejection.UNKNOWN_ENDPOINT,
                    "paper woo does not simulate '" + method + " " + path + "': supported are " + ENDPOINTS);
        }
        boolean isPublic = template.startsWith("v1/public/") || template.startsWith("v3/public/");
        if (!isPublic && !"private".equals(command.version())) {
            throw new VenueRejection(
                    Rejection.INVALID_ARGUMENT,
                    "'" + path + "' is a private endpoint: call_endpoint(venue, '" + path + "', 'private', method='"
                            + method + "', params={...})");
        }
        return switch (endpoint) {
            case "GET v1/public/info" ->
                ok("rows", instruments(null).stream().map(this::v1Info).toList());
            case "GET v1/public/info/{symbol}" -> ok("info", v1Info(client.instrument(symbolInPath)));
            case "GET v3/public/instruments" ->
                v3(Map.of(
                        "rows",
                        instruments(NativeParams.optional(params, "symbol")).stream()
                                .map(this::v3Instrument)
                                .toList()));
            case "GET v1/public/orderbook/{symbol}" ->
                v1Book(client.instrument(symbolInPath), NativeParams.integer(params, "max_level", DEFAULT_LEVELS));
            case "GET v3/public/orderbook" ->
                v3(book(
                        client.instrument(NativeParams.required(params, "symbol")),
                        NativeParams.integer(params, "maxLevel", DEFAULT_LEVELS)));
            case "POST v1/order" -> v1Placed(placeV1(params));
            case "DELETE v1/order" -> cancelOne(NativeParams.required(params, "order_id"), params, false);
            case "DELETE v1/orders" -> cancelAll(params, false);
            case "GET v1/orders" -> v1Orders(NativeParams.optional(params, "symbol"));
            case "POST v3/trade/order" -> v3Placed(placeV3(params));
            case "DELETE v3/trade/order" -> cancelOne(NativeParams.required(params, "orderId"), params, true);
            case "DELETE v3/trade/orders" -> cancelAll(params, true);
            default ->
                v3(Map.of(
                        "positions",
                        client.openPositions().stream().map(this::v3Position).toList()));
        };
    }

    private List<Instrument> instruments(String symbol) {
        List<Instrument> selected = new ArrayList<>(client.instruments().values());
        if (symbol != null) {
            client.instrument(symbol);
            selected.removeIf(instrument -> !instrument.symbol().equals(symbol));
        }
        return selected;
    }

    private Map<String, Object> v1Info(Instrument instrument) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("symbol", instrument.symbol());
        row.put("quote_min", 0);
        row.put("quote_max", 10_000_000);
        row.put("quote_tick", instrument.tickSize().doubleValue());
        row.put("base_min", instrument.lotSize().doubleValue());
        row.put("base_max", 100_000);
        row.put("base_tick", instrument.lotSize().doubleValue());
        row.put("min_notional", 0);
        row.put("price_range", 0.1);
        row.put("price_scope", null);
        row.put("created_time", "1575441595.65");
        row.put("updated_time", seconds(client.clock().millis()));
        row.put("is_stable", 0);
        return row;
    }

    private Map<String, Object> v3Instrument(Instrument instrument) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("symbol", instrument.symbol());
        row.put("status", "TRADING");
        row.put("baseAsset", instrument.baseCurrency());
        row.put("quoteAsset", instrument.quoteCurrency());
        row.put("quoteMin", "0");
        row.put("quoteMax", "10000000");
        row.put("quoteTick", instrument.tickSize().toPlainString());
        row.put("baseMin", instrument.lotSize().toPlainString());
        row.put("baseMax", "100000");
        row.put("baseTick", instrument.lotSize().toPlainString());
        row.put("minNotional", "0");
        row.put("priceRange", "0.1");
        row.put("createdTime", "1575441595.650");
        row.put("updatedTime", seconds(client.clock().millis()));
        return row;
    }

    /** Levels of the paper venue's liquidity model, best first (see docs/venues.md "Matching"). */
    private Map<String, Object> book(Instrument instrument, int levels) {
        if (levels < 1 || levels > maxLevels) {
            throw new VenueRejection(
                    Rejection.INVALID_ARGUMENT, "the book has 1.." + maxLevels + " levels, asked for " + levels);
        }
        TopOfBook top = client.engine().top(instrument.symbol());
        Map<String, Object> book = new LinkedHashMap<>();
        book.put("asks", top == null ? List.of() : side(instrument, top, Side.BUY, levels));
        book.put("bids", top == null ? List.of() : side(instrument, top, Side.SELL, levels));
        return book;
    }

    /** The levels a taker of {@code taker}'s side would walk: asks for buyers, bids for sellers. */
    private static List<Map<String, Object>> side(Instrument instrument, TopOfBook top, Side taker, int levels) {
        long best = taker == Side.BUY ? top.askTicks() : top.bidTicks();
        long bestUnits = taker == Side.BUY ? top.askUnits() : top.bidUnits();
        long deeper = Math.max(bestUnits, instrument.lotUnits());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int level = 0; level < levels; level++) {
            long ticks = best + (long) taker.sign() * level;
            if (ticks <= 0) {
                break;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("price", instrument.price(ticks).doubleValue());
            row.put("quantity", instrument.size(level == 0 ? bestUnits : deeper).doubleValue());
            rows.add(row);
        }
        return rows;
    }

    private Map<String, Object> v1Book(Instrument instrument, int levels) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", true);
        answer.putAll(book(instrument, levels));
        answer.put("timestamp", client.clock().millis());
        return answer;
    }

    private OrderState placeV1(Map<String, Object> params) {
        return place(
                NativeParams.required(params, "symbol"),
                NativeParams.required(params, "side"),
                NativeParams.optional(params, "order_type"),
                params,
                "order_price",
                "order_quantity",
                NativeParams.optional(params, "client_order_id"));
    }

    private OrderState placeV3(Map<String, Object> params) {
        return place(
                NativeParams.required(params, "symbol"),
                NativeParams.required(params, "side"),
                NativeParams.optional(params, "type"),
                params,
                "price",
                "quantity",
                NativeParams.optional(params, "clientOrderId"));
    }

    private OrderState place(
            String symbol,
            String sideName,
            String typeName,
            Map<String, Object> params,
            String priceName,
            String quantityName,
            String clientOrderId) {
        Instrument instrument = client.instrument(symbol);
        Side side = Side.parse(sideName);
        String type = typeName == null ? "" : typeName.toUpperCase(Locale.ROOT);
        BigDecimal quantity = NativeParams.decimal(params, quantityName);
        switch (type) {
            case "MARKET" -> {
                return client.engine().submitMarket(instrument, side, instrument.orderUnits(quantity));
            }
            case "LIMIT", "POST_ONLY" -> {
                BigDecimal price = NativeParams.decimal(params, priceName);
                return client.limit(new CreateLimitOrder(
                        instrument.symbol(), side, quantity, price, type.equals("POST_ONLY"), clientOrderId));
            }
            default ->
                throw new VenueRejection(
                        Rejection.INVALID_ARGUMENT,
                        "order type '" + typeName + "' is not simulated: use LIMIT, MARKET or POST_ONLY");
        }
    }

    private Map<String, Object> v1Placed(OrderState order) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", true);
        answer.put("timestamp", seconds(order.time()));
        answer.put("order_id", order.orderId());
        answer.put("order_type", wooType(order));
        answer.put("order_price", number(order.orderType() == OrderType.LIMIT ? order.orderPrice() : null));
        answer.put("order_quantity", order.orderSize().doubleValue());
        answer.put("order_amount", null);
        answer.put("client_order_id", order.text() == null ? 0 : order.text());
        return answer;
    }

    private Map<String, Object> v3Placed(OrderState order) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", order.orderId());
        data.put("clientOrderId", order.text() == null ? 0 : order.text());
        data.put("type", wooType(order));
        data.put("price", number(order.orderType() == OrderType.LIMIT ? order.orderPrice() : null));
        data.put("quantity", order.orderSize().doubleValue());
        data.put("amount", null);
        return v3(data);
    }

    private Object cancelOne(String orderId, Map<String, Object> params, boolean v3) {
        client.engine().cancel(orderId, NativeParams.optional(params, "symbol"));
        return status("CANCEL_SENT", v3);
    }

    private Object cancelAll(Map<String, Object> params, boolean v3) {
        String symbol = NativeParams.required(params, "symbol");
        client.instrument(symbol);
        client.engine().cancel(null, symbol);
        return status("CANCEL_ALL_SENT", v3);
    }

    private Map<String, Object> status(String status, boolean v3) {
        return v3 ? v3(Map.of("status", status)) : ok("status", status);
    }

    private Map<String, Object> v1Orders(String symbol) {
        List<Map<String, Object>> rows = client.engine().openOrders().stream()
                .filter(order -> symbol == null || order.sym().equals(symbol))
                .map(this::v1Order)
                .toList();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("total", rows.size());
        meta.put("records_per_page", Math.max(rows.size(), 25));
        meta.put("current_page", 1);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", true);
        answer.put("meta", meta);
        answer.put("rows", rows);
        return answer;
    }

    private Map<String, Object> v1Order(OrderState order) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("symbol", order.sym());
        row.put("status", wooStatus(order.status()));
        row.put("side", order.side().name());
        row.put("created_time", seconds(order.time()));
        row.put("order_id", order.orderId());
        row.put("order_tag", "default");
        row.put("price", number(order.orderPrice()));
        row.put("type", wooType(order));
        row.put("quantity", order.orderSize().doubleValue());
        row.put("amount", null);
        row.put("visible", order.orderSize().doubleValue());
        row.put("executed", order.filledSize().doubleValue());
        row.put("client_order_id", order.text() == null ? 0 : order.text());
        return row;
    }

    private Map<String, Object> v3Position(PositionState position) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("symbol", position.sym());
        row.put("holding", position.posSize().doubleValue());
        row.put("pendingLongQty", 0);
        row.put("pendingShortQty", 0);
        row.put("settlePrice", number(position.entryPrice()));
        row.put("averageOpenPrice", number(position.entryPrice()));
        row.put("markPrice", number(position.markPrice()));
        row.put("estLiqPrice", number(position.liqPrice()));
        row.put("unrealizedPnl", position.unrealisedPnl().doubleValue());
        row.put("timestamp", position.time());
        return row;
    }

    private Map<String, Object> v3(Object data) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", true);
        answer.put("data", data);
        answer.put("timestamp", client.clock().millis());
        return answer;
    }

    private static Map<String, Object> ok(String key, Object value) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", true);
        answer.put(key, value);
        return answer;
    }

    private static String wooType(OrderState order) {
        if (order.orderType() == OrderType.MARKET) {
            return "MARKET";
        }
        return order.postOnly() ? "POST_ONLY" : "LIMIT";
    }

    private static String wooStatus(OrderStatus status) {
        return switch (status) {
            case NEW -> "NEW";
            case PARTIALLY_FILLED -> "PARTIAL_FILLED";
            case FILLED -> "FILLED";
            case CANCELED -> "CANCELLED";
        };
    }

    private static Double number(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }

    /** WOO's V1 timestamps: unix seconds with milliseconds, as a string. */
    private static String seconds(long millis) {
        return BigDecimal.valueOf(millis, 3).toPlainString();
    }
}
