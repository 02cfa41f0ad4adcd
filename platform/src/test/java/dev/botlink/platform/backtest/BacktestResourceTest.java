package dev.botlink.platform.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.botlink.platform.account.Accounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Backtests end to end over REST: real sandbox workers run the scripts in simulated time against an isolated paper
 * venue on the recorded BTC trades; reports are stored; other accounts see nothing.
 */
@QuarkusTest
class BacktestResourceTest {

    static final Duration RUN = Duration.ofSeconds(600);

    /** Two hours of the Bitstamp tape (798 trades). */
    static Map<String, Object> btcRequest(String source) {
        Map<String, Object> body = new HashMap<>();
        body.put("source", source);
        body.put("fileName", "sma.py");
        body.put("data", Map.of("kind", "btc-trades"));
        body.put("exchange", "bitmex");
        body.put("symbol", "XBTUSD");
        body.put("from", "2013-11-25T00:00:00Z");
        body.put("to", "2013-11-25T02:00:00Z");
        body.put("startingBalance", "10000");
        return body;
    }

    static long start(Accounts account, Map<String, Object> body) {
        return account.request()
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/backtests")
                .then()
                .statusCode(202)
                .body("status", equalTo("queued"))
                .extract()
                .<Number>path("id")
                .longValue();
    }

    static JsonPath awaitEnd(Accounts account, long id) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(RUN).pollInterval(Duration.ofMillis(500)).until(() -> {
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

    @Test
    void anSmaCrossoverOverTheBtcTapeCompletesWithFillsAndMetrics() {
        Accounts alice = Accounts.signUpFresh();
        long id = start(alice, btcRequest(BacktestScripts.SMA_CROSSOVER));
        JsonPath done = awaitEnd(alice, id);
        assertThat(done.getString("status")).as(done.prettify()).isEqualTo("completed");
        assertThat(done.getDouble("progress.percent")).isEqualTo(100.0);
        assertThat(done.getInt("report.metrics.fills")).isGreaterThan(4);
        assertThat(done.getInt("report.metrics.trades")).isGreaterThan(1);
        assertThat(done.getList("report.fills")).hasSize(done.getInt("report.metrics.fills"));
        assertThat(done.getString("report.currency")).isEqualTo("XBT");
        assertThat(done.getDouble("report.metrics.fees")).isGreaterThan(0);
        assertThat(done.<Object>get("report.metrics.sharpe")).isNotNull();
        assertThat(done.<Object>get("report.metrics.sortino")).isNotNull();
        assertThat(done.getDouble("report.metrics.maxDrawdownPct")).isGreaterThanOrEqualTo(0);
        assertThat(done.getDouble("report.metrics.exposurePct")).isGreaterThan(0);
        List<List<Number>> equity = done.getList("report.equity");
        assertThat(equity).hasSizeBetween(2, 2_000);
        assertThat(equity.getFirst().get(0).longValue()).isEqualTo(1385337600000L);
        assertThat(done.getList("report.drawdown")).hasSize(equity.size());
        assertThat(done.getList("report.log.message", String.class)).anyMatch(m -> m.contains("crossed to"));
        long firstFill = done.getLong("report.fills[0].time");
        assertThat(firstFill).isBetween(1385337600000L, 1385344800000L);
        assertThat(done.getString("request.data.kind")).isEqualTo("btc-trades");

        alice.request()
                .get("/api/backtests")
                .then()
                .statusCode(200)
                .body("id", hasItem((int) id))
                .body("[0].status", equalTo("completed"))
                .body("[0].metrics.fills", equalTo(done.getInt("report.metrics.fills")));
    }

    @Test
    void aScriptThatPeeksAheadSeesNoFutureData() {
        Accounts alice = Accounts.signUpFresh();
        JsonPath done = awaitEnd(alice, start(alice, btcRequest(BacktestScripts.PEEKER)));
        assertThat(done.getString("status")).as(done.prettify()).isEqualTo("completed");
        List<String> log = done.getList("report.log.message", String.class);
        assertThat(log).anyMatch(m -> m.startsWith("checked 600 trades"));
        assertThat(log).noneMatch(m -> m.contains("LOOKAHEAD"));
    }

    @Test
    void scriptErrorsFailTheBacktestWithTheFileAndLine() {
        Accounts alice = Accounts.signUpFresh();
        JsonPath syntax = awaitEnd(alice, start(alice, btcRequest(BacktestScripts.SYNTAX_ERROR)));
        assertThat(syntax.getString("status")).isEqualTo("failed");
        assertThat(syntax.getString("error")).contains("sma.py").contains("line 4");
        JsonPath init = awaitEnd(alice, start(alice, btcRequest(BacktestScripts.FAILING_INIT)));
        assertThat(init.getString("status")).isEqualTo("failed");
        assertThat(init.getString("error") + init.getList("report.log.message"))
                .contains("no strategy today")
                .contains("line 6");
    }

    @Test
    void aRunningBacktestCanBeCancelledAndDeleted() {
        Accounts alice = Accounts.signUpFresh();
        Map<String, Object> whole = btcRequest(BacktestScripts.SMA_CROSSOVER);
        whole.remove("to");
        long id = start(alice, whole);
        await().atMost(RUN)
                .until(() -> alice.request()
                                .get("/api/backtests/" + id)
                                .then()
                                .extract()
                                .<Number>path("progress.percent")
                                .doubleValue()
                        > 0);
        alice.request().post("/api/backtests/" + id + "/cancel").then().statusCode(202);
        JsonPath done = awaitEnd(alice, id);
        assertThat(done.getString("status")).isEqualTo("cancelled");
        assertThat(done.getDouble("progress.percent")).isLessThan(100);
        assertThat(done.getList("report.equity")).isNotEmpty();
        alice.request().delete("/api/backtests/" + id).then().statusCode(204);
        alice.request().get("/api/backtests/" + id).then().statusCode(404);
    }

    @Test
    void anotherAccountsBacktestsAreNotFound() {
        Accounts alice = Accounts.signUpFresh();
        Accounts bob = Accounts.signUpFresh();
        long id = start(alice, btcRequest(BacktestScripts.SYNTAX_ERROR));
        bob.request().get("/api/backtests/" + id).then().statusCode(404);
        bob.request().post("/api/backtests/" + id + "/cancel").then().statusCode(404);
        bob.request().delete("/api/backtests/" + id).then().statusCode(404);
        bob.request().get("/api/backtests").then().statusCode(200).body("id", not(hasItem((int) id)));
        awaitEnd(alice, id);
        alice.request().get("/api/backtests/" + id).then().statusCode(200);
    }

    @Test
    void badRequestsAreRefusedWithAMessage() {
        Accounts alice = Accounts.signUpFresh();
        refused(alice, with(b -> b.remove("data")), "data.kind is required");
        refused(alice, with(b -> b.put("data", Map.of("kind", "tea-leaves"))), "data.kind must be one of");
        refused(alice, with(b -> b.put("symbol", "DOGEUSD")), "symbol 'DOGEUSD' is not simulated on bitmex");
        refused(alice, with(b -> b.put("exchange", "kraken")), "exchange must be one of");
        refused(alice, with(b -> b.put("symbol", "ETHUSDT")), "btc-trades are BTC trades");
        refused(alice, with(b -> b.put("to", "2013-11-24T00:00:00Z")), "must be after from");
        refused(alice, with(b -> b.put("from", "yesterday")), "from must be an ISO-8601 instant");
        refused(alice, with(b -> b.put("from", "2020-01-01T00:00:00Z")), "to (");
        refused(alice, with(b -> b.put("startingBalance", "-5")), "startingBalance must be positive");
        refused(alice, with(b -> b.put("file", "x.py")), "either file");
        refused(alice, with(b -> b.put("execution", Map.of("type", "yolo"))), "execution.type must be");
        refused(alice, with(b -> b.put("data", Map.of("kind", "import"))), "data.importId is required");
        alice.request()
                .contentType(ContentType.JSON)
                .body(with(b -> {
                    b.remove("source");
                    b.put("file", "missing.py");
                }))
                .post("/api/backtests")
                .then()
                .statusCode(404);
        alice.request()
                .contentType(ContentType.JSON)
                .body("{\"data\": ")
                .post("/api/backtests")
                .then()
                .statusCode(400);
    }

    static Map<String, Object> with(java.util.function.Consumer<Map<String, Object>> change) {
        Map<String, Object> body = btcRequest(BacktestScripts.SMA_CROSSOVER);
        change.accept(body);
        return body;
    }

    static void refused(Accounts account, Map<String, Object> body, String message) {
        account.request()
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/backtests")
                .then()
                .statusCode(400)
                .body("message", containsString(message));
    }
}
