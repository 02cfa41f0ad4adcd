package dev.botlink.sandbox.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.botlink.sandbox.host.ExchangeResults;
import dev.botlink.sandbox.testing.WorkerFixture;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ProfitView-style bots, written the way real scripts are, running against the test host. */
class ExampleBotsTest {
    final WorkerFixture worker = WorkerFixture.shared();

    static final String MARKET_MAKER = """
            from profitview import Link, http, logger
            import threading
            import time

            VENUE = 'BitMEX'
            SYM = 'XBTUSD'

            class Trading(Link):
            \tdef __init__(self):
            \t\tsuper().__init__()
            \t\tself.mid = None
            \t\tself.orders = {}
            \t\tself.paused = False
            \t\tself.minutes = 0

            \tdef on_start(self):
            \t\twhile self.mid is None:
            \t\t\ttime.sleep(0.05)
            \t\tlogger.info(f'first mid {self.mid}')
            \t\tthreading.Timer(0.1, self.minutely_update).start()

            \tdef minutely_update(self):
            \t\tself.minutes += 1
            \t\tif self.minutes < 3:
            \t\t\tthreading.Timer(0.1, self.minutely_update).start()

            \tdef quote_update(self, src, sym, data):
            \t\tif sym != SYM:
            \t\t\treturn
            \t\tself.mid = (data['bid'][0] + data['ask'][0]) / 2
            \t\tif self.paused:
            \t\t\treturn
            \t\ttick = 0.5
            \t\tfor side, price in (('Buy', data['bid'][0] - tick), ('Sell', data['ask'][0] + tick)):
            \t\t\tif side not in self.orders:
            \t\t\t\tr = self.create_limit_order(VENUE, sym=SYM, side=side, size=100, price=price)
            \t\t\t\tself.orders[side] = r['data']['order_id']

            \tdef fill_update(self, src, sym, data):
            \t\tlogger.info(f"filled {data['side']} {data['fill_size']} at {data['fill_price']}")
            \t\tself.orders.pop(data['side'], None)

            \t@http.route
            \tdef post_pause(self, data):
            \t\tself.paused = True
            \t\twhile self.cancel_order(VENUE, sym=SYM)['error']:
            \t\t\ttime.sleep(0.01)
            \t\tself.orders.clear()
            \t\treturn {'paused': True}

            \t@http.route
            \tdef get_state(self, data):
            \t\treturn {'mid': self.mid, 'orders': self.orders, 'paused': self.paused, 'minutes': self.minutes}
            """;

    static final String RSI_SIGNALS = """
            from profitview import Link, http
            import talib

            class Signals(Link):
                def candle_update_1m(self, src, sym, bars):
                    if len(bars) < 15:
                        return
                    rsi = talib.RSI(bars.closes, timeperiod=14)[-1]
                    self.last_rsi = float(rsi)
                    if rsi > 70:
                        self.signal(src, sym, size=-0.5)
                    elif rsi < 30:
                        self.signal(src, sym, size=0.5)

                @http.route
                def get_rsi(self, data):
                    return getattr(self, 'last_rsi', None)
            """;

    @Test
    @SuppressWarnings("unchecked")
    void aTabIndentedMarketMakerQuotesBothSidesAndPausesByWebhook() {
        String bot = worker.start(MARKET_MAKER);
        var cancels = new java.util.concurrent.atomic.AtomicInteger();
        worker.host.exchangeFor(bot, (b, method, venue, args) -> {
            if (method.equals("cancel_order") && cancels.incrementAndGet() == 1) {
                return ExchangeResults.failure(venue, Map.of("type", "rate_limits", "message", "retry"));
            }
            Object data = method.startsWith("create_") ? Map.of("order_id", "id-" + args.get("side")) : List.of();
            return ExchangeResults.success("bitmex", venue, data, Map.of("remaining", 10, "reset", 0));
        });
        worker.awaitState(bot, "running");
        worker.hub.deliver(
                bot,
                "quote",
                "bitmex",
                "XBTUSD",
                Map.of("bid", List.of(100.0, 5), "ask", List.of(101.0, 5), "time", 1));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(worker.host.calls(bot))
                .as("calls; log:%n%s%s", worker.host.logText(bot), worker.host.states(bot))
                .hasSizeGreaterThanOrEqualTo(2));
        assertThat(worker.host.calls(bot))
                .extracting(c -> c.args().get("price"))
                .containsExactly(new BigDecimal("99.5"), new BigDecimal("101.5"));
        worker.hub.deliver(
                bot,
                "fill",
                "bitmex",
                "XBTUSD",
                Map.of("side", "Buy", "fill_size", 100, "fill_price", 99.5, "venue", "BitMEX"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> worker.host.logText(bot).contains("filled Buy 100 at 99.5"));
        var paused = worker.hub.webhook(bot, "POST", "pause", Map.of()).join();
        assertThat(paused.result()).isEqualTo(Map.of("paused", true));
        assertThat(cancels.get()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var state = (Map<String, Object>)
                    worker.hub.webhook(bot, "GET", "state", Map.of()).join().result();
            assertThat(state)
                    .containsEntry("paused", true)
                    .containsEntry("minutes", 3)
                    .containsEntry("orders", Map.of());
        });
        assertThat(worker.host.logText(bot)).contains("first mid 100.5").doesNotContain("Traceback");
    }

    @Test
    void anRsiSignalBotOnRealBitcoinTrades() throws Exception {
        String bot = worker.startRunning(RSI_SIGNALS);
        // Real BTC trades recorded by ta4j-examples (Bitstamp), replayed as trade events.
        var trades = RecordedTrades.load(400);
        for (var trade : trades) {
            worker.hub.deliver(bot, "trade", "bitstamp", "BTCUSD", trade);
        }
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(
                        worker.hub.webhook(bot, "GET", "rsi", Map.of()).join().result())
                .as(worker.host.logText(bot))
                .isNotNull());
        var rsi = (BigDecimal)
                worker.hub.webhook(bot, "GET", "rsi", Map.of()).join().result();
        assertThat(rsi.doubleValue()).isBetween(0.0, 100.0);
        assertThat(worker.host.logText(bot)).doesNotContain("Traceback");
    }
}
