package dev.botlink.sandbox.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.botlink.sandbox.host.ExchangeResults;
import dev.botlink.sandbox.host.WebhookResult;
import dev.botlink.sandbox.testing.TestHost;
import dev.botlink.sandbox.testing.WorkerFixture;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every Link member and argument form, driven through webhooks and events on a real worker. */
class LinkApiTest {
    static final String SCRIPT = """
            import json
            import profitview
            from profitview import Link, http, logger, cron

            class Trading(Link):
            \tdef __init__(self):
            \t\tself.seen = []          # state set before super().__init__()
            \t\tsuper().__init__()

            \tdef quote_update(self, src, sym, data):
            \t\tself.seen.append(('quote', sym, data['bid'][0], data['ask'][0]))

            \tdef trade_update(self, src, sym, data):
            \t\tself.seen.append(('trade', sym, data['price'], data['size'], data['side']))

            \tdef order_update(self, src, sym, data):
            \t\tself.seen.append(('order', data['order_id'], data['remain_size']))

            \tdef fill_update(self, src, sym, data):
            \t\tself.seen.append(('fill', data['fill_price'], data.get('fee')))

            \tdef position_update(self, src, sym, data):
            \t\tself.seen.append(('position', data['pos_size']))

            \tdef candle_update_1m(self, src, sym, bars):
            \t\tself.seen.append(('1m', len(bars), list(bars.closes)[-1], bars[-1]['high'], list(bars.volumes)[-1]))

            \tdef create_market_order(self, venue, sym, side, size):
            \t\tlogger.info('throttled market order')
            \t\treturn super().create_market_order(venue, sym, side, size)

            \t@http.route
            \tdef get_seen(self, data):
            \t\treturn self.seen

            \t@http.route
            \tdef get_props(self, data):
            \t\treturn {'epoch_now': self.epoch_now, 'unix_now': self.unix_now, 'second': self.second,
            \t\t        'iso_now': self.iso_now, 'now': self.now.isoformat(), 'threads': self.background_threads,
            \t\t        'bin': self.candle_bin(1696016546768, '15m'), 'bin_ceil': self.candle_bin(1696016546768, '15m', ceil=True),
            \t\t        'range': self.time_range(1696015800000, 1696021200000, '15m', include_start=False),
            \t\t        'quotes': self.quotes, 'trades': self.trades, 'args': data}

            \t@http.route
            \tdef post_orders(self, data):
            \t\tv = data['venue']
            \t\td = {'sym': 'XBTUSD', 'side': 'Sell', 'size': 200, 'price': 25600.5}
            \t\treturn [
            \t\t\tself.create_limit_order(v, 'XBTUSD', side='Buy', size=100, price=25600.0),
            \t\t\tself.create_limit_order(venue=v, sym='XBTUSD', side='Buy', size=1.5, price=0.1),
            \t\t\tself.create_limit_order(v, **d),
            \t\t\tself.create_market_order(venue=v, sym='XBTUSD', side='Sell', size=100),
            \t\t\tself.create_market_order(v, 'XBTUSD', 'Buy', 100),
            \t\t\tself.cancel_order(v, sym='XBTUSD'),
            \t\t\tself.cancel_order(v, order_id='abc'),
            \t\t\tself.cancel_order(v, order_id='abc', sym='XBTUSD'),
            \t\t\tself.cancel_order(v),
            \t\t\tself.amend_order(v, order_id='abc', price=101.5, size=10),
            \t\t\tself.fetch_candles(v, sym='XBTUSD', level='15m', since=1681187280000),
            \t\t\tself.fetch_balances(v),
            \t\t\tself.fetch_open_orders(v),
            \t\t\tself.fetch_positions(v),
            \t\t\tself.call_endpoint(v, 'instrument', 'public', method='GET', params={'symbol': 'XBTUSD'}),
            \t\t]

            \t@http.route
            \tdef post_bad(self, data):
            \t\tfailures = []
            \t\tfor call in (lambda: self.create_limit_order('BitMEX', 'XBTUSD', 'buy', 1, 1),
            \t\t             lambda: self.create_limit_order('BitMEX', 'XBTUSD', 'Buy', float('nan'), 1),
            \t\t             lambda: self.create_market_order('BitMEX', 'XBTUSD', 'Buy', -5),
            \t\t             lambda: self.fetch_candles('BitMEX', sym='XBTUSD', level='7m'),
            \t\t             lambda: self.candle_bin(1, '2m'),
            \t\t             lambda: self.amend_order('BitMEX', order_id='x'),
            \t\t             lambda: self.create_limit_order('', 'XBTUSD', 'Buy', 1, 1),
            \t\t             lambda: self.signal('bitmex', 'XBTUSD'),
            \t\t             lambda: self.publish('t', {'x': object()})):
            \t\t\ttry:
            \t\t\t\tcall()
            \t\t\t\tfailures.append('no error')
            \t\t\texcept (ValueError, TypeError) as e:
            \t\t\t\tfailures.append(type(e).__name__ + ': ' + str(e))
            \t\treturn failures

            \t@http.route
            \tdef post_errors(self, data):
            \t\ttry:
            \t\t\tself.fetch_positions('Broken')
            \t\t\traised = None
            \t\texcept profitview.ApiError as e:
            \t\t\traised = str(e)
            \t\tlimited = self.fetch_positions('Limited')
            \t\treturn {'raised': raised, 'limited_error': limited['error']}

            \t@http.route
            \tdef post_streams(self, data):
            \t\tself.publish('position_opened', {'size': 1.5, 'levels': [1, 2]})
            \t\tself.publish('empty')
            \t\tself.signal('bitmex', 'XBTUSD', size=-0.5)
            \t\tself.signal('bitmex', 'XBTUSD', mid=30000)
            \t\tself.signal('bitmex', 'XBTUSD', quote=[29999.5, 30000.5])
            \t\tself.signal('bitmex', 'XBTUSD', bid=29999.5, ask=30000.5)
            \t\tlogger.debug('a debug line')
            \t\tlogger.warning('a warning line')
            \t\tlogger.error('an error line')
            \t\tlogger.critical('a critical line')
            \t\tprint('printed', 42)
            \t\ttry:
            \t\t\t1 / 0
            \t\texcept ZeroDivisionError:
            \t\t\tlogger.exception('caught it')
            \t\treturn 'ok'

            \tdef get_not_a_route(self, data):
            \t\treturn 'hidden'
            """;

    static WorkerFixture worker;
    static String bot;

    @BeforeAll
    static void startBot() {
        worker = WorkerFixture.shared();
        bot = worker.start(SCRIPT);
        worker.host.exchangeFor(bot, LinkApiTest::exchange);
        worker.awaitState(bot, "running");
    }

    static Map<String, Object> exchange(String bot, String method, String venue, Map<String, Object> args) {
        return switch (venue) {
            case "Broken" ->
                ExchangeResults.failure(venue, Map.of("type", "api_error", "message", "sym XBTZ23 expired"));
            case "Limited" -> ExchangeResults.failure(venue, Map.of("type", "rate_limits", "message", "slow down"));
            default ->
                ExchangeResults.success(
                        "bitmex", venue, Map.of("method", method, "args", args), Map.of("remaining", 56));
        };
    }

    static Object call(String method, String route, Map<String, String> args) {
        WebhookResult result = worker.hub.webhook(bot, method, route, args).join();
        assertThat(result.error())
                .as("webhook error; log:%n%s", worker.host.logText(bot))
                .isNull();
        return result.result();
    }

    @Test
    @SuppressWarnings("unchecked")
    void propertiesAndTimeHelpers() {
        var props = (Map<String, Object>) call("GET", "props", Map.of("n", "5"));
        long now = System.currentTimeMillis();
        assertThat(((Number) props.get("epoch_now")).longValue()).isBetween(now - 60_000, now + 1000);
        assertThat(((Number) props.get("unix_now")).longValue()).isBetween(now / 1000 - 60, now / 1000 + 1);
        assertThat(((Number) props.get("second")).doubleValue()).isBetween(0.0, 60.0);
        assertThat((String) props.get("iso_now")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?");
        assertThat((String) props.get("now")).endsWith("+00:00");
        assertThat(props.get("bin")).isEqualTo(1696015800000L);
        assertThat(props.get("bin_ceil")).isEqualTo(1696016700000L);
        assertThat((List<Object>) props.get("range"))
                .containsExactly(
                        1696016700000L, 1696017600000L, 1696018500000L, 1696019400000L, 1696020300000L, 1696021200000L);
        assertThat(props.get("args")).isEqualTo(Map.of("n", "5"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyExchangeMethodAndArgumentForm() {
        var results = (List<Map<String, Object>>) call("POST", "orders", Map.of("venue", "BitMEX"));
        assertThat(results).hasSize(15).allSatisfy(r -> assertThat(r)
                .containsKeys("src", "venue", "data", "error", "rate_limits"));
        var calls = worker.host.calls(bot).stream()
                .filter(c -> c.venue().equals("BitMEX"))
                .toList();
        assertThat(calls)
                .extracting(TestHost.Call::method)
                .containsExactly(
                        "create_limit_order",
                        "create_limit_order",
                        "create_limit_order",
                        "create_market_order",
                        "create_market_order",
                        "cancel_order",
                        "cancel_order",
                        "cancel_order",
                        "cancel_order",
                        "amend_order",
                        "fetch_candles",
                        "fetch_balances",
                        "fetch_open_orders",
                        "fetch_positions",
                        "call_endpoint");
        assertThat(calls.get(0).args())
                .containsEntry("sym", "XBTUSD")
                .containsEntry("side", "Buy")
                .containsEntry("price", new BigDecimal("25600.0"));
        assertThat(calls.get(1).args())
                .containsEntry("size", new BigDecimal("1.5"))
                .containsEntry("price", new BigDecimal("0.1"));
        assertThat(calls.get(2).args()).containsEntry("side", "Sell").containsEntry("price", new BigDecimal("25600.5"));
        assertThat(calls.get(4).args()).containsEntry("size", 100).containsEntry("side", "Buy");
        assertThat(calls.get(5).args()).isEqualTo(Map.of("sym", "XBTUSD"));
        assertThat(calls.get(6).args()).isEqualTo(Map.of("order_id", "abc"));
        assertThat(calls.get(8).args()).isEmpty();
        assertThat(calls.get(9).args())
                .containsEntry("price", new BigDecimal("101.5"))
                .containsEntry("size", 10);
        assertThat(calls.get(10).args()).containsEntry("level", "15m").containsEntry("since", 1681187280000L);
        assertThat(calls.get(14).args())
                .containsEntry("path", "instrument")
                .containsEntry("version", "public")
                .containsEntry("params", Map.of("symbol", "XBTUSD"));
        assertThat(worker.host.logText(bot)).contains("throttled market order");
    }

    @Test
    @SuppressWarnings("unchecked")
    void badArgumentsRaiseClearErrors() {
        var failures = (List<String>) call("POST", "bad", Map.of());
        assertThat(failures)
                .containsExactly(
                        "ValueError: side must be 'Buy' or 'Sell', not 'buy'",
                        "ValueError: size must be a finite number, not nan",
                        "ValueError: size must be greater than 0, not -5",
                        "ValueError: unknown level '7m': use one of 1m, 3m, 5m, 15m, 30m, 1h, 2h, 3h, 4h, 6h, 12h, 1d, 1w",
                        "ValueError: unknown level '2m': use one of 1m, 3m, 5m, 15m, 30m, 1h, 2h, 3h, 4h, 6h, 12h, 1d, 1w",
                        "ValueError: amend_order needs a new price or size (or both)",
                        "ValueError: venue must be the name of one of your exchange connections, not ''",
                        "ValueError: signal takes exactly one of size=, mid=, quote= or bid= with ask=",
                        "TypeError: data must be JSON serializable: object is not JSON serializable");
    }

    @Test
    @SuppressWarnings("unchecked")
    void apiErrorsRaiseAndRateLimitsDoNot() {
        var outcome = (Map<String, Object>) call("POST", "errors", Map.of());
        assertThat(outcome.get("raised")).isEqualTo("fetch_positions on Broken: sym XBTZ23 expired");
        assertThat(outcome.get("limited_error")).isEqualTo(Map.of("type", "rate_limits", "message", "slow down"));
    }

    @Test
    void publishSignalLoggerAndPrint() {
        assertThat(call("POST", "streams", Map.of())).isEqualTo("ok");
        assertThat(worker.host.published(bot))
                .extracting(p -> p.get("topic"))
                .containsExactly("position_opened", "empty");
        assertThat(worker.host.published(bot).getFirst().get("data"))
                .isEqualTo(Map.of("size", new BigDecimal("1.5"), "levels", List.of(1, 2)));
        assertThat(worker.host.signals(bot))
                .containsExactly(
                        Map.of("src", "bitmex", "sym", "XBTUSD", "size", new BigDecimal("-0.5")),
                        Map.of("src", "bitmex", "sym", "XBTUSD", "mid", 30000),
                        Map.of(
                                "src",
                                "bitmex",
                                "sym",
                                "XBTUSD",
                                "quote",
                                List.of(new BigDecimal("29999.5"), new BigDecimal("30000.5"))),
                        Map.of(
                                "src",
                                "bitmex",
                                "sym",
                                "XBTUSD",
                                "quote",
                                List.of(new BigDecimal("29999.5"), new BigDecimal("30000.5"))));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(worker.host.logs(bot))
                .contains(
                        new TestHost.LogLine("DEBUG", "a debug line"),
                        new TestHost.LogLine("WARNING", "a warning line"),
                        new TestHost.LogLine("ERROR", "an error line"),
                        new TestHost.LogLine("CRITICAL", "a critical line"),
                        new TestHost.LogLine("INFO", "printed 42")));
        assertThat(worker.host.logText(bot))
                .contains("ERROR caught it\nTraceback (most recent call last):")
                .contains("ZeroDivisionError: division by zero");
    }

    @Test
    void routesNeedTheDecoratorAndAPrefix() {
        WebhookResult hidden =
                worker.hub.webhook(bot, "GET", "not_a_route", Map.of()).join();
        assertThat(hidden.error())
                .isEqualTo("no webhook GET not_a_route: define an @http.route method get_not_a_route");
        assertThat(worker.hub.webhook(bot, "POST", "seen", Map.of()).join().error())
                .startsWith("no webhook POST seen");
    }

    @Test
    @SuppressWarnings("unchecked")
    void callbacksRunInOrderWithQuotesTradesAndCandles() {
        long minute = 1_700_000_000_000L / 60_000 * 60_000;
        worker.hub.deliver(
                bot,
                "quote",
                "bitmex",
                "XBTUSD",
                Map.of("bid", List.of(21601, 170000), "ask", List.of(21601.5, 223000), "time", minute));
        worker.hub.deliver(
                bot,
                "trade",
                "bitmex",
                "XBTUSD",
                Map.of("side", "Buy", "price", 100.0, "size", 2.0, "time", minute + 1000));
        worker.hub.deliver(
                bot,
                "trade",
                "bitmex",
                "XBTUSD",
                Map.of("side", "Sell", "price", 105.0, "size", 3.0, "time", minute + 2000));
        worker.hub.deliver(
                bot,
                "trade",
                "bitmex",
                "XBTUSD",
                Map.of("side", "Sell", "price", 99.0, "size", 1.0, "time", minute + 61_000));
        worker.hub.deliver(
                bot, "order", "bitmex", "XBTUSD", Map.of("order_id", "o1", "remain_size", 10.0, "venue", "BitMEX"));
        worker.hub.deliver(
                bot, "fill", "bitmex", "XBTUSD", Map.of("fill_price", 99.5, "fill_size", 1.0, "side", "Buy"));
        worker.hub.deliver(bot, "position", "bitmex", "XBTUSD", Map.of("pos_size", -500.0));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat((List<Object>) call("GET", "seen", Map.of())).hasSize(10));
        var seen = (List<List<Object>>) call("GET", "seen", Map.of());
        assertThat(seen)
                .containsExactly(
                        List.of("quote", "XBTUSD", 21601, new BigDecimal("21601.5")),
                        List.of("trade", "XBTUSD", new BigDecimal("100.0"), new BigDecimal("2.0"), "Buy"),
                        List.of("1m", 1, new BigDecimal("100.0"), new BigDecimal("100.0"), new BigDecimal("2.0")),
                        List.of("trade", "XBTUSD", new BigDecimal("105.0"), new BigDecimal("3.0"), "Sell"),
                        List.of("1m", 1, new BigDecimal("105.0"), new BigDecimal("105.0"), new BigDecimal("5.0")),
                        List.of("trade", "XBTUSD", new BigDecimal("99.0"), new BigDecimal("1.0"), "Sell"),
                        List.of("1m", 2, new BigDecimal("99.0"), new BigDecimal("99.0"), new BigDecimal("1.0")),
                        List.of("order", "o1", new BigDecimal("10.0")),
                        Arrays.asList("fill", new BigDecimal("99.5"), null),
                        List.of("position", new BigDecimal("-500.0")));
        var props = (Map<String, Object>) call("GET", "props", Map.of());
        assertThat((Map<String, Object>) props.get("quotes")).containsKey("bitmex");
        var trades = (Map<String, Map<String, Map<String, Object>>>) props.get("trades");
        assertThat(trades.get("bitmex").get("XBTUSD")).containsEntry("price", new BigDecimal("99.0"));
    }
}
