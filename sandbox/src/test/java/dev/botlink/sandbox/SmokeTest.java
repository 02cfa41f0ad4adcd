package dev.botlink.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.botlink.sandbox.testing.WorkerFixture;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void aBotReceivesQuotesAndPlacesAnOrder() {
        var worker = WorkerFixture.shared();
        String bot = worker.startRunning("""
                from profitview import Link, logger

                class Trading(Link):
                    def quote_update(self, src, sym, data):
                        logger.info(f"quote {sym} {data['bid'][0]}")
                        self.create_limit_order('BitMEX', sym, 'Buy', 100, data['bid'][0])
                """);
        worker.hub.deliver(
                bot,
                "quote",
                "bitmex",
                "XBTUSD",
                Map.of(
                        "bid",
                        java.util.List.of(21601, 170000),
                        "ask",
                        java.util.List.of(21601.5, 223000),
                        "time",
                        1678364572949L));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !worker.host.calls(bot).isEmpty());
        assertThat(worker.host.calls(bot).getFirst().method()).isEqualTo("create_limit_order");
        assertThat(worker.host.logText(bot)).contains("quote XBTUSD 21601");
    }
}
