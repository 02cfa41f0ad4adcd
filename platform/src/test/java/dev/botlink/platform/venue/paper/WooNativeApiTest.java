package dev.botlink.platform.venue.paper;

import static dev.botlink.platform.venue.paper.PaperDesk.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.botlink.platform.venue.ExchangeCommand.CallEndpoint;
import dev.botlink.platform.venue.OrderState;
import dev.botlink.platform.venue.Rejection;
import dev.botlink.platform.venue.VenueResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A paper WOO X venue answers call_endpoint in WOO X's V1 and V3 REST shapes. */
class WooNativeApiTest {

    private PaperDesk desk;

    @BeforeEach
    void market() {
        desk = new PaperDesk("woo", "WooPaper", PaperSettings.defaults());
        desk.market.quote("PERP_BTC_USDT", "50000", "2", "50000.1", "1.5");
    }

    @Test
    void v1InfoListsTheSimulatedSymbolsWithTheirTicks() {
        Map<String, Object> answer = map(call("v1/public/info", "public", "GET", Map.of()));
        assertThat(answer).containsEntry("success", true);
        List<Map<String, Object>> rows = rows(answer.get("rows"));
        assertThat(rows).extracting(row -> row.get("symbol")).contains("PERP_BTC_USDT", "PERP_ETH_USDT");
        Map<String, Object> one = map(call("v1/public/info/PERP_BTC_USDT", "public", "GET", Map.of()));
        assertThat(map(one.get("info")))
                .containsEntry("symbol", "PERP_BTC_USDT")
                .containsEntry("quote_tick", 0.1)
                .containsEntry("base_tick", 0.0001)
                .containsEntry("base_min", 0.0001)
                .containsKeys("quote_min", "quote_max", "base_max", "min_notional", "price_range", "created_time");
    }

    @Test
    void v3InstrumentsAndOrderbookHaveTheV3Envelope() {
        Map<String, Object> instruments =
                map(call("v3/public/instruments", "public", "GET", Map.of("symbol", "PERP_ETH_USDT")));
        assertThat(instruments).containsEntry("success", true).containsKey("timestamp");
        assertThat(rows(map(instruments.get("data")).get("rows")))
                .singleElement()
                .satisfies(row -> assertThat(row)
                        .containsEntry("symbol", "PERP_ETH_USDT")
                        .containsEntry("quoteTick", "0.01")
                        .containsEntry("baseTick", "0.001")
                        .containsEntry("status", "TRADING"));

        Map<String, Object> book =
                map(call("v3/public/orderbook", "public", "GET", Map.of("symbol", "PERP_BTC_USDT", "maxLevel", 3)));
        List<Map<String, Object>> asks = rows(map(book.get("data")).get("asks"));
        List<Map<String, Object>> bids = rows(map(book.get("data")).get("bids"));
        assertThat(asks).hasSize(3);
        assertThat(asks.getFirst()).containsEntry("price", 50000.1).containsEntry("quantity", 1.5);
        assertThat(asks.get(1)).containsEntry("price", 50000.2);
        assertThat(bids.getFirst()).containsEntry("price", 50000.0).containsEntry("quantity", 2.0);
        Map<String, Object> v1 =
                map(call("v1/public/orderbook/PERP_BTC_USDT", "public", "GET", Map.of("max_level", 2)));
        assertThat(v1).containsEntry("success", true).containsKeys("asks", "bids", "timestamp");
        assertThat(rows(v1.get("bids"))).hasSize(2);
    }

    @Test
    void v1OrdersArePlacedListedAndCancelled() {
        Map<String, Object> placed = map(call(
                "v1/order",
                "private",
                "POST",
                Map.of(
                        "symbol",
                        "PERP_BTC_USDT",
                        "side",
                        "BUY",
                        "order_type",
                        "LIMIT",
                        "order_price",
                        49000,
                        "order_quantity",
                        0.01,
                        "client_order_id",
                        7)));
        assertThat(placed)
                .containsEntry("success", true)
                .containsEntry("order_type", "LIMIT")
                .containsEntry("order_price", 49000.0)
                .containsEntry("order_quantity", 0.01)
                .containsKeys("order_id", "timestamp");
        String orderId = String.valueOf(placed.get("order_id"));
        Map<String, Object> open = map(call("v1/orders", "private", "GET", Map.of("symbol", "PERP_BTC_USDT")));
        assertThat(rows(open.get("rows"))).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("order_id", orderId)
                .containsEntry("status", "NEW")
                .containsEntry("side", "BUY")
                .containsEntry("type", "LIMIT"));
        assertThat(map(call("v1/order", "private", "DELETE", Map.of("order_id", orderId, "symbol", "PERP_BTC_USDT"))))
                .containsEntry("success", true)
                .containsEntry("status", "CANCEL_SENT");
        assertThat(ok(desk.client.fetchOpenOrders())).isEmpty();
    }

    @Test
    void v3PostOnlyThatWouldCrossIsRefusedAndMarketOrdersFill() {
        VenueResult<Object> crossing = desk.client.callEndpoint(new CallEndpoint(
                "v3/trade/order",
                "private",
                "POST",
                Map.of(
                        "symbol",
                        "PERP_BTC_USDT",
                        "side",
                        "BUY",
                        "type",
                        "POST_ONLY",
                        "price",
                        50000.1,
                        "quantity",
                        0.01)));
        assertThat(crossing.error().code()).isEqualTo(Rejection.POST_ONLY_WOULD_CROSS.code());

        Map<String, Object> market = map(call(
                "v3/trade/order",
                "private",
                "POST",
                Map.of("symbol", "PERP_BTC_USDT", "side", "BUY", "type", "MARKET", "quantity", 0.01)));
        assertThat(market).containsEntry("success", true);
        assertThat(map(market.get("data"))).containsEntry("type", "MARKET").containsEntry("quantity", 0.01);
        List<Map<String, Object>> positions =
                rows(map(map(call("v3/positions", "private", "GET", Map.of())).get("data"))
                        .get("positions"));
        assertThat(positions).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("symbol", "PERP_BTC_USDT")
                .containsEntry("holding", 0.01)
                .containsEntry("averageOpenPrice", 50000.1));

        ok(desk.limit("PERP_BTC_USDT", dev.botlink.platform.venue.Side.SELL, "0.01", "60000"));
        assertThat(map(map(call("v3/trade/orders", "private", "DELETE", Map.of("symbol", "PERP_BTC_USDT")))
                        .get("data")))
                .containsEntry("status", "CANCEL_ALL_SENT");
        assertThat(ok(desk.client.fetchOpenOrders()))
                .extracting(OrderState::orderId)
                .isEmpty();
    }

    @Test
    void unknownEndpointsAndPublicCallsToPrivateOnesAreRefused() {
        VenueResult<Object> unknown =
                desk.client.callEndpoint(new CallEndpoint("instrument", "public", "GET", Map.of()));
        assertThat(unknown.error().code()).isEqualTo(Rejection.UNKNOWN_ENDPOINT.code());
        assertThat(unknown.error().message()).contains("v1/public/info");
        VenueResult<Object> notPrivate =
                desk.client.callEndpoint(new CallEndpoint("v1/orders", "public", "GET", Map.of()));
        assertThat(notPrivate.error().code()).isEqualTo(Rejection.INVALID_ARGUMENT.code());
    }

    private Object call(String path, String version, String method, Map<String, Object> params) {
        return ok(desk.client.callEndpoint(new CallEndpoint(path, version, method, params)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
