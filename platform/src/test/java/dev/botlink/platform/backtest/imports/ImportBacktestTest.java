package dev.botlink.platform.backtest.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.botlink.platform.account.Accounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A backtest over an imported CSV, through the real engine and a real sandbox worker: the candles are what the bot
 * trades on (its fills lie inside the imported bars), and another account's import cannot be used.
 */
@QuarkusTest
class ImportBacktestTest {

    static final long START = 1_704_067_200_000L;
    static final int BARS = 120;

    /** Buys on the 5th quote, sells on the 200th. */
    static final String BOT = """
            from profitview import Link, logger


            class Trading(Link):
                def on_start(self):
                    self.quotes = 0

                def quote_update(self, src, sym, data):
                    self.quotes += 1
                    if self.quotes == 5:
                        self.create_market_order(src, sym, 'Buy', 100)
                    elif self.quotes == 200:
                        self.create_market_order(src, sym, 'Sell', 100)
            """;

    /** Two hours of 1-minute XBTUSD bars between 39,000 and 41,000. */
    static String candles() {
        StringBuilder csv = new StringBuilder("time,open,high,low,close,volume\n");
        for (int i = 0; i < BARS; i++) {
            long open = 40_000 + Math.round(800 * Math.sin(i / 12.0));
            long close = 40_000 + Math.round(800 * Math.sin((i + 1) / 12.0));
            csv.append(START + i * 60_000L)
                    .append(',')
                    .append(open)
                    .append(',')
                    .append(Math.max(open, close) + 50)
                    .append(',')
                    .append(Math.min(open, close) - 50)
                    .append(',')
                    .append(close)
                    .append(",25000\n");
        }
        return csv.toString();
    }

    @Test
    void aBacktestReplaysImportedCandles() {
        Accounts alice = Accounts.signUpFresh();
        awaitSandbox(alice);
        String importId = alice.request()
                .contentType("text/csv")
                .queryParam("kind", "candles")
                .queryParam("symbol", "XBTUSD")
                .queryParam("name", "sine bars")
                .body(candles())
                .post("/api/backtests/imports")
                .then()
                .statusCode(201)
                .extract()
                .path("importId");
        long id = alice.request()
                .contentType(ContentType.JSON)
                .body(request(importId))
                .post("/api/backtests")
                .then()
                .statusCode(202)
                .extract()
                .<Number>path("id")
                .longValue();
        JsonPath done = awaitEnd(alice, id);
        assertThat(done.getString("status")).as(done.prettify()).isEqualTo("completed");
        assertThat(done.getString("report.data"))
                .contains("sine bars")
                .contains("candles")
                .contains("120 rows");
        assertThat(done.getInt("report.metrics.fills")).as(done.prettify()).isEqualTo(2);
        List<Map<String, Object>> fills = done.getList("report.fills");
        for (Map<String, Object> fill : fills) {
            long time = ((Number) fill.get("time")).longValue();
            assertThat(time).isBetween(START, START + BARS * 60_000L);
            BigDecimal price = new BigDecimal(fill.get("price").toString());
            assertThat(price).isBetween(new BigDecimal("39000"), new BigDecimal("41000"));
        }
    }

    @Test
    void anotherAccountsImportCannotBeBacktested() {
        Accounts alice = Accounts.signUpFresh();
        Accounts mallory = Accounts.signUpFresh();
        String importId = alice.request()
                .contentType("text/csv")
                .queryParam("kind", "candles")
                .body(candles())
                .post("/api/backtests/imports")
                .then()
                .statusCode(201)
                .extract()
                .path("importId");
        mallory.request()
                .contentType(ContentType.JSON)
                .body(request(importId))
                .post("/api/backtests")
                .then()
                .statusCode(400)
                .body("error", equalTo("bad_request"))
                .body("message", containsString("no import"));
    }

    /**
     * Waits until a sandbox worker is up and warm (a syntax check answers): the first one starts with the first
     * request that needs it and can take longer than a backtest's start timeout on a busy machine.
     */
    static void awaitSandbox(Accounts account) {
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> account.request()
                                .contentType(ContentType.JSON)
                                .body(Map.of("source", BOT, "file", "imported.py"))
                                .post("/api/check")
                                .statusCode()
                        == 200);
    }

    private static Map<String, Object> request(String importId) {
        return Map.of(
                "source", BOT,
                "fileName", "imported.py",
                "data", Map.of("kind", "import", "importId", importId),
                "exchange", "bitmex",
                "symbol", "XBTUSD");
    }

    private static JsonPath awaitEnd(Accounts account, long id) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    last[0] = account.request()
                            .get("/api/backtests/" + id)
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath();
                    String status = last[0].getString("status");
                    return !status.equals("queued") && !status.equals("running");
                });
        return last[0];
    }
}
