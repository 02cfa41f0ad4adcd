package dev.botlink.platform.venue.paper;

import dev.botlink.platform.venue.ExchangeCommand.CallEndpoint;
import dev.botlink.platform.venue.ExchangeCommand.CreateLimitOrder;
import dev.botlink.platform.venue.Instrument;
import dev.botlink.platform.venue.OrderState;
import dev.botlink.platform.venue.OrderType;
import dev.botlink.platform.venue.PositionState;
import dev.botlink.platform.venue.Rejection;
import dev.botlink.platform.venue.Side;
import dev.botlink.platform.venue.VenueRejection;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code call_endpoint} of paper BitMEX venues: the BitMEX REST endpoints real scripts call, answered in BitMEX's
 * JSON shape from the paper account. Runs under the client's lock.
 *
 * <ul>
 *   <li>{@code GET instrument} (public): symbol, count (default 100, at most 500), start, columns, reverse.
 *   <li>{@code POST order} (private): symbol, side, orderQty, price, ordType (Limit or Market), execInst
 *       ({@code ParticipateDoNotInitiate} = post-only), text.
 *   <li>{@code GET order} (private): open orders. {@code DELETE order}: orderID. {@code DELETE order/all}: symbol.
 *   <li>{@code GET position} (private): open positions.
 * </ul>
 */
final class BitmexNativeApi implements PaperNativeApi {

    private static final int MAX_COUNT = 500;
    private static final List<String> ENDPOINTS =
            List.of("GET instrument", "POST order", "GET order", "DELETE order", "DELETE order/all", "GET position");

    private final PaperExchangeClient client;

    BitmexNativeApi(PaperExchangeClient client) {
        this.client = client;
    }

    @Override
    public Object call(CallEndpoint command) {
        String method = command.method().toUpperCase(Locale.ROOT);
        String path = command.path().replaceFirst("^/+", "");
        Map<String, Object> params = command.params();
        String endpoint = method + " " + path;
        if (!ENDPOINTS.contains(endpoint)) {
            throw new VenueRejection(
                    Rejection.UNKNOWN_ENDPOINT,
                    "paper " + client.src() + " does not simulate '" + endpoint + "': supported are " + ENDPOINTS);
        }
        if (!path.equals("instrument") && !"private".equals(command.version())) {
            throw new VenueRejection(
                    Rejection.INVALID_ARGUMENT,
                    "'" + path + "' is a private endpoint: call_endpoint(" + "venue, '" + path
                            + "', 'private', method='" + method + "', params={...})");
        }
        return switch (endpoint) {
            case "GET instrument" -> instruments(params);
            case "POST order" -> nativeOrder(placeOrder(params));
            case "GET order" ->
                client.engine().openOrders().stream().map(this::nativeOrder).toList();
            case "DELETE order" ->
                client.engine().cancel(NativeParams.required(params, "orderID"), null).stream()
                        .map(this::nativeOrder)
                        .toList();
            case "DELETE order/all" ->
                client.engine().cancel(null, NativeParams.optional(params, "symbol")).stream()
                        .map(this::nativeOrder)
                        .toList();
            default -> client.openPositions().stream().map(this::nativePosition).toList();
        };
    }

    private List<Map<String, Object>> instruments(Map<String, Object> params) {
        String symbol = NativeParams.optional(params, "symbol");
        int count = NativeParams.integer(params, "count", 100);
        int start = NativeParams.integer(params, "start", 0);
        if (count < 1 || count > MAX_COUNT || start < 0) {
            throw new VenueRejection(
                    Rejection.INVALID_ARGUMENT,
                    "count must be 1.." + MAX_COUNT + " and start at least 0, got count=" + count + " start=" + start);
        }
        List<Instrument> selected = new ArrayList<>(client.instruments().values());
        if (symbol != null) {
            selected.removeIf(instrument -> !instrument.symbol().equals(symbol));
        }
        if (Boolean.parseBoolean(String.valueOf(params.getOrDefault("reverse", "false")))) {
            java.util.Collections.reverse(selected);
        }
        List<String> columns = columns(params.get("columns"));
        return selected.stream()
                .skip(start)
                .limit(count)
                .map(this::nativeInstrument)
                .map(row -> project(row, columns))
                .toList();
    }

    private Map<String, Object> nativeInstrument(Instrument instrument) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("symbol", instrument.symbol());
        row.put("rootSymbol", instrument.baseCurrency());
        row.put("state", "Open");
        row.put("typ", "FFWCSX");
        row.put("underlying", instrument.baseCurrency());
        row.put("quoteCurrency", instrument.quoteCurrency());
        row.put("settlCurrency", instrument.settleCurrency().equals("XBT") ? "XBt" : "USDt");
        row.put("isInverse", instrument.isInverse());
        row.put("isQuanto", false);
        row.put("tickSize", instrument.tickSize().doubleValue());
        row.put("lotSize", instrument.lotSize().doubleValue());
        row.put("multiplier", instrument.nativeMultiplier());
        row.put("makerFee", instrument.makerFee().doubleValue());
        row.put("takerFee", instrument.takerFee().doubleValue());
        row.put("initMargin", instrument.initMargin().doubleValue());
        row.put("maintMargin", instrument.maintMargin().doubleValue());
        TopOfBook top = client.engine().top(instrument.symbol());
        row.put(
                "bidPrice",
                top == null ? null : instrument.price(top.bidTicks()).doubleValue());
        row.put(
                "askPrice",
                top == null ? null : instrument.price(top.askTicks()).doubleValue());
        Double mid = top == null
                ? null
                : ContractMath.of(instrument)
                        .halfTicksPrice(top.bidTicks() + top.askTicks())
                        .doubleValue();
        row.put("midPrice", mid);
        row.put("markPrice", mid);
        row.put("timestamp", Instant.ofEpochMilli(client.clock().millis()).toString());
        return row;
    }

    private OrderState placeOrder(Map<String, Object> params) {
        Instrument instrument = client.instrument(NativeParams.required(params, "symbol"));
        Side side = Side.parse(NativeParams.required(params, "side"));
        BigDecimal quantity = NativeParams.decimal(params, "orderQty");
        String price = NativeParams.optional(params, "price");
        String ordType = String.valueOf(params.getOrDefault("ordType", price == null ? "Market" : "Limit"));
        String execInst = String.valueOf(params.getOrDefault("execInst", ""));
        boolean postOnly = execInst.contains("ParticipateDoNotInitiate");
        String text = NativeParams.optional(params, "text");
        if (ordType.equalsIgnoreCase("Market")) {
            return client.engine().submitMarket(instrument, side, instrument.orderUnits(quantity));
        }
        if (!ordType.equalsIgnoreCase("Limit")) {
            throw new VenueRejection(
                    Rejection.INVALID_ARGUMENT, "ordType '" + ordType + "' is not simulated: use 'Limit' or 'Market'");
        }
        return client.limit(new CreateLimitOrder(
                instrument.symbol(), side, quantity, NativeParams.decimal(params, "price"), postOnly, text));
    }

    private Map<String, Object> nativeOrder(OrderState order) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("orderID", order.orderId());
        row.put("symbol", order.sym());
        row.put("side", order.side().link());
        row.put("orderQty", order.orderSize().doubleValue());
        row.put("price", order.orderPrice() == null ? null : order.orderPrice().doubleValue());
        row.put("ordType", order.orderType() == OrderType.LIMIT ? "Limit" : "Market");
        row.put("execInst", order.postOnly() ? "ParticipateDoNotInitiate" : "");
        row.put("ordStatus", order.status().nativeName());
        row.put("leavesQty", order.remainSize().doubleValue());
        row.put("cumQty", order.filledSize().doubleValue());
        row.put("text", order.text());
        row.put("timestamp", Instant.ofEpochMilli(order.time()).toString());
        return row;
    }

    private Map<String, Object> nativePosition(PositionState position) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("symbol", position.sym());
        row.put("currency", position.currency());
        row.put("currentQty", position.posSize().doubleValue());
        row.put(
                "avgEntryPrice",
                position.entryPrice() == null ? null : position.entryPrice().doubleValue());
        row.put(
                "markPrice",
                position.markPrice() == null ? null : position.markPrice().doubleValue());
        row.put(
                "liquidationPrice",
                position.liqPrice() == null ? null : position.liqPrice().doubleValue());
        row.put("unrealisedPnl", position.unrealisedPnl().doubleValue());
        row.put("realisedPnl", position.realisedPnl().doubleValue());
        row.put("isOpen", position.posSize().signum() != 0);
        row.put("timestamp", Instant.ofEpochMilli(position.time()).toString());
        return row;
    }

    /** BitMEX always returns symbol and timestamp next to the requested columns. */
    private static Map<String, Object> project(Map<String, Object> row, List<String> columns) {
        if (columns.isEmpty()) {
            return row;
        }
        Map<String, Object> projected = new LinkedHashMap<>();
        projected.put("symbol", row.get("symbol"));
        for (String column : columns) {
            if (row.containsKey(column)) {
                projected.put(column, row.get(column));
            }
        }
        projected.put("timestamp", row.get("timestamp"));
        return projected;
    }

    private static List<String> columns(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        String text = String.valueOf(value).replaceAll("[\\[\\]\"' ]", "");
        return text.isEmpty() ? List.of() : List.of(text.split(","));
    }
}
