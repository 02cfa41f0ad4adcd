package dev.botlink.platform.venue.paper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.botlink.platform.venue.ExchangeClient;
import dev.botlink.platform.venue.LinkExchangeCalls;
import dev.botlink.platform.venue.Side;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every argument form real scripts use, mapped onto a paper venue and back to the Link result shape. */
class LinkExchangeCallsTest {

    private PaperDesk desk;
    private LinkExchangeCalls calls;

    @BeforeEach
    void setUp() {
        desk = PaperDesk.bitmex();
        desk.market.quote("XBTUSD", "30000", "50000", "30000.5", "50000");
        Map<String, ExchangeClient> venues = Map.of("BitMEX", desk.client);
        calls = new LinkExchangeCalls(name -> Optional.ofNullable(venues.get(name)));
    }

    @Test
    void createLimitOrderReturnsTheSeedShape() {
        Map<String, Object> result =
                call("create_limit_order", Map.of("sym", "XBTUSD", "side", "Buy", "size", 200.0, "price", 25600.0));
        assertThat(result).containsOnlyKeys("src", "venue", "data", "error", "rate_limits");
        assertThat(result)
                .containsEntry("src", "bitmex")
                .containsEntry("venue", "BitMEX")
                .containsEntry("error", null);
        assertThat(data(result))
                .containsEntry("sym", "XBTUSD")
                .containsEntry("side", "Buy")
                .containsEntry("order_price", 25600.0)
                .containsEntry("order_size", 200.0)
                .containsEntry("remain_size", 200.0)
                .containsEntry("order_type", "LIMIT")
                .containsKeys("time", "order_id");
        assertThat(rateLimits(result)).containsKeys("remaining", "reset");
    }

    @Test
    void createMarketOrderAcceptsIntsAndStrings() {
        Map<String, Object> result = call("create_market_order", Map.of("sym", "XBTUSD", "side", "sell", "size", 100));
        assertThat(data(result))
                .containsEntry("order_type", "MARKET")
                .containsEntry("remain_size", 0.0)
                .containsEntry("order_price", 30000.0)
                .containsEntry("side", "Sell");
        Map<String, Object> fromWebhook =
                call("create_market_order", Map.of("sym", "XBTUSD", "side", "Buy", "size", "100"));
        assertThat(fromWebhook.get("error")).isNull();
    }

    @Test
    void nanAndMissingArgumentsAreApiErrors() {
        Map<String, Object> nan =
                call("create_limit_order", Map.of("sym", "XBTUSD", "side", "Buy", "size", 100.0, "price", Double.NaN));
        assertThat(error(nan)).containsEntry("type", "api_error").containsEntry("code", "not_a_number");
        Map<String, Object> missing = call("create_limit_order", Map.of("sym", "XBTUSD", "side", "Buy", "size", 100.0));
        assertThat(error(missing))
                .containsEntry("code", "missing_argument")
                .containsEntry("message", "price is required");
        Map<String, Object> unexpected = call("fetch_positions", Map.of("sym", "XBTUSD"));
        assertThat((String) error(unexpected).get("message")).contains("unexpected argument 'sym'");
    }

    @Test
    void cancelOrderByIdBySymbolAndAll() {
        String first = orderId(call("create_limit_order", order("XBTUSD", 20000.0)));
        orderId(call("create_limit_order", order("XBTUSD", 20000.5)));
        orderId(call("create_limit_order", Map.of("sym", "XBTUSDT", "side", "Buy", "size", 1000, "price", 100.0)));
        orderId(call("create_limit_order", Map.of("sym", "XBTUSDT", "side", "Buy", "size", 1000, "price", 101.0)));

        List<?> byId = (List<?>) call("cancel_order", Map.of("order_id", first)).get("data");
        assertThat(byId).hasSize(1);
        assertThat(byId.getFirst())
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("order_id", first)
                .containsEntry("remain_size", 0.0);
        assertThat((List<?>) call("cancel_order", Map.of("sym", "XBTUSD")).get("data"))
                .hasSize(1);
        assertThat((List<?>) call("cancel_order", Map.of()).get("data")).hasSize(2);
        assertThat((List<?>) call("fetch_open_orders", Map.of()).get("data")).isEmpty();
        Map<String, Object> unknown = call("cancel_order", Map.of("order_id", "no-such-order"));
        assertThat(error(unknown)).containsEntry("code", "unknown_order");
    }

    @Test
    void amendOrderChangesPriceAndSize() {
        String id = orderId(call("create_limit_order", order("XBTUSD", 20000.0)));
        Map<String, Object> amended = call("amend_order", Map.of("order_id", id, "price", 20100.5, "size", 300));
        assertThat(data(amended)).containsEntry("order_price", 20100.5).containsEntry("order_size", 300.0);
        assertThat(error(call("amend_order", Map.of("order_id", id)))).containsEntry("code", "missing_argument");
    }

    @Test
    void fetchCallsReturnListsInTheSeedShapes() {
        call("create_market_order", Map.of("sym", "XBTUSD", "side", "Buy", "size", 100));
        desk.market.trade("XBTUSD", Side.BUY, "30000.5", "100");
        List<?> balances = (List<?>) call("fetch_balances", Map.of()).get("data");
        assertThat(balances).hasSize(2);
        assertThat(balances.getFirst())
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsOnlyKeys("asset", "amount");
        List<?> positions = (List<?>) call("fetch_positions", Map.of()).get("data");
        assertThat(positions.getFirst())
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("sym", "XBTUSD")
                .containsEntry("side", "Buy")
                .containsEntry("pos_size", 100.0)
                .containsKeys("entry_price", "liq_price", "time");
        List<?> candles = (List<?>)
                call("fetch_candles", Map.of("sym", "XBTUSD", "level", "1m", "since", PaperDesk.START - 60_000))
                        .get("data");
        assertThat(candles)
                .singleElement()
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("close", 30000.5)
                .containsEntry("time", CandleLevelOf.minute(PaperDesk.START));
        assertThat(error(call("fetch_candles", Map.of("sym", "XBTUSD", "level", "7m"))))
                .containsEntry("code", "unknown_level");
    }

    @Test
    void callEndpointInstrumentAnswersInBitmexShapeWithPagingAndColumns() {
        Map<String, Object> one = call(
                "call_endpoint",
                Map.of(
                        "path",
                        "instrument",
                        "version",
                        "public",
                        "method",
                        "GET",
                        "params",
                        Map.of("symbol", "XBTUSD")));
        assertThat((List<?>) one.get("data"))
                .singleElement()
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("tickSize", 0.5)
                .containsEntry("lotSize", 100.0)
                .containsEntry("multiplier", -100_000_000L)
                .containsEntry("markPrice", 30000.25);
        Map<String, Object> paged = call(
                "call_endpoint",
                Map.of(
                        "path",
                        "instrument",
                        "version",
                        "public",
                        "params",
                        Map.of("count", 2, "start", 1, "columns", "markPrice")));
        assertThat((List<?>) paged.get("data"))
                .hasSize(2)
                .first()
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsOnlyKeys("symbol", "markPrice", "timestamp")
                .containsEntry("symbol", "XBTUSDT");
    }

    @Test
    void callEndpointOrderPostSupportsPostOnly() {
        Map<String, Object> params = new HashMap<>(Map.of(
                "symbol",
                "XBTUSD",
                "side",
                "Buy",
                "orderQty",
                100,
                "price",
                30000.5,
                "ordType",
                "Limit",
                "execInst",
                "ParticipateDoNotInitiate",
                "text",
                "maker"));
        Map<String, Object> crossing = call(
                "call_endpoint", Map.of("path", "order", "version", "private", "method", "POST", "params", params));
        assertThat(error(crossing)).containsEntry("code", "post_only_would_cross");
        params.put("price", 29990.0);
        Map<String, Object> resting = call(
                "call_endpoint", Map.of("path", "order", "version", "private", "method", "POST", "params", params));
        assertThat(data(resting))
                .containsEntry("ordStatus", "New")
                .containsEntry("execInst", "ParticipateDoNotInitiate")
                .containsEntry("text", "maker")
                .containsEntry("leavesQty", 100.0);
        assertThat(error(call(
                        "call_endpoint",
                        Map.of("path", "order", "version", "public", "method", "POST", "params", params))))
                .containsEntry("code", "invalid_argument");
        assertThat(error(call("call_endpoint", Map.of("path", "chat", "version", "public"))))
                .containsEntry("code", "unknown_endpoint");
    }

    @Test
    void unknownVenuesAndMethodsAreClearErrors() {
        assertThat(error(calls.call("fetch_balances", "Binance", Map.of()))).containsEntry("code", "unknown_venue");
        assertThat(error(call("fetch_tickers", Map.of()))).containsEntry("code", "unknown_method");
    }

    @Test
    void exhaustedRateLimitsAreRateLimitErrors() {
        PaperDesk limited =
                new PaperDesk("bitmex", "BitMEX", PaperSettings.defaults().withRateLimit(3));
        LinkExchangeCalls limitedCalls = new LinkExchangeCalls(name -> Optional.of(limited.client));
        for (int i = 2; i >= 0; i--) {
            assertThat(rateLimits(limitedCalls.call("fetch_balances", "BitMEX", Map.of())))
                    .containsEntry("remaining", (long) i);
        }
        Map<String, Object> refused = limitedCalls.call("fetch_balances", "BitMEX", Map.of());
        assertThat(error(refused)).containsEntry("type", "rate_limits");
        assertThat(rateLimits(refused))
                .containsEntry("remaining", 0L)
                .containsEntry("reset", (PaperDesk.START / 60_000 + 1) * 60L);
        limited.clock.advance(60_000);
        assertThat(limitedCalls.call("fetch_balances", "BitMEX", Map.of()).get("error"))
                .isNull();
    }

    private Map<String, Object> call(String method, Map<String, Object> args) {
        return calls.call(method, "BitMEX", args);
    }

    private static Map<String, Object> order(String sym, double price) {
        return Map.of("sym", sym, "side", "Buy", "size", 100, "price", price);
    }

    private static String orderId(Map<String, Object> result) {
        assertThat(result.get("error")).isNull();
        return (String) data(result).get("order_id");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> result) {
        assertThat(result.get("error")).as("error").isNull();
        return (Map<String, Object>) result.get("data");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> error(Map<String, Object> result) {
        assertThat(result.get("error")).as("error of %s", result).isNotNull();
        return (Map<String, Object>) result.get("error");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> rateLimits(Map<String, Object> result) {
        return (Map<String, Object>) result.get("rate_limits");
    }

    private static final class CandleLevelOf {
        static long minute(long epochMs) {
            return dev.botlink.platform.marketdata.CandleLevel.M1.bin(epochMs, false);
        }
    }
}
