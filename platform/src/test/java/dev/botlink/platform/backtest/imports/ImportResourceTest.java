package dev.botlink.platform.backtest.imports;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.botlink.platform.account.Account;
import dev.botlink.platform.account.Accounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ImportResourceTest {

    static final String TRADES = """
            timestamp,price,amount,side
            2024-01-01T00:00:00Z,42000.5,0.25,buy
            2024-01-01T00:00:01Z,42001,0.1,sell
            2024-01-01T00:00:03Z,41999.75,1.5,buy
            """;

    static final String CANDLES = """
            open_time,open,high,low,close,volume
            1704067200000,100,110,95,105,10
            1704067260000,105,106,100,101,12
            """;

    @Inject
    ImportService imports;

    @Test
    void tradesAndCandlesAreImportedListedAndDeleted() {
        Accounts alice = Accounts.signUpFresh();
        String trades = upload(alice, "trades", "XBTUSD", TRADES)
                .statusCode(201)
                .body("kind", equalTo("trades"))
                .body("symbol", equalTo("XBTUSD"))
                .body("rows", equalTo(3))
                .body("from", equalTo("2024-01-01T00:00:00Z"))
                .body("to", equalTo("2024-01-01T00:00:03Z"))
                .body("name", equalTo("XBTUSD trades from 2024-01-01"))
                .body("barSeconds", nullValue())
                .extract()
                .path("importId");
        String candles = alice.request()
                .contentType("text/csv")
                .queryParam("kind", "candles")
                .queryParam("name", "my 1m bars")
                .body(CANDLES)
                .post("/api/backtests/imports")
                .then()
                .statusCode(201)
                .body("rows", equalTo(2))
                .body("barSeconds", equalTo(60))
                .extract()
                .path("importId");
        alice.request()
                .get("/api/backtests/imports")
                .then()
                .statusCode(200)
                .body("importId", contains(candles, trades))
                .body("name", contains("my 1m bars", "XBTUSD trades from 2024-01-01"));
        alice.request()
                .get("/api/backtests/imports/" + trades)
                .then()
                .statusCode(200)
                .body("rows", equalTo(3));
        alice.request().delete("/api/backtests/imports/" + trades).then().statusCode(204);
        alice.request().get("/api/backtests/imports/" + trades).then().statusCode(404);
        alice.request().get("/api/backtests/imports").then().body("importId", contains(candles));
    }

    @Test
    void theEngineReadsTheRowsBackExactly() {
        Accounts bob = Accounts.signUpFresh();
        String id = upload(bob, "trades", "XBTUSD", TRADES)
                .statusCode(201)
                .extract()
                .path("importId");
        ImportedData data = imports.load(accountId(bob), id);
        try (ImportedTrades trades = new ImportedTrades(data)) {
            org.assertj.core.api.Assertions.assertThat(trades.next().price()).isEqualByComparingTo("42000.5");
            org.assertj.core.api.Assertions.assertThat(trades.next().size()).isEqualByComparingTo("0.1");
        }
    }

    @Test
    void badCsvIsRefusedWithTheLineAndNothingIsStored() {
        Accounts carol = Accounts.signUpFresh();
        upload(carol, "trades", "XBTUSD", "time,price,size\n1704067200,1,1\n1704067201,NaN,1\n")
                .statusCode(400)
                .body("error", equalTo("bad_request"))
                .body("message", equalTo("line 3: price NaN is not a number"));
        upload(carol, "trades", "XBTUSD", "time,price,size\n1704067200,1,-1\n1704067201,1,1\n")
                .statusCode(400)
                .body("message", containsString("line 2: size -1 is negative"));
        upload(carol, "trades", "XBTUSD", "time,price,size\n1704067200,1,1\n1704067100,1,1\n")
                .statusCode(400)
                .body("message", containsString("line 3: time 1704067100 is before line 2's"));
        upload(carol, "candles", "XBTUSD", TRADES).statusCode(400).body("message", containsString("no open column"));
        upload(carol, "ticks", "XBTUSD", TRADES).statusCode(400).body("message", containsString("trades or candles"));
        carol.request().get("/api/backtests/imports").then().body("$", hasSize(0));
    }

    @Test
    void gzippedUploadsAreAcceptedAndOversizedOnesRefused() throws IOException {
        Accounts dave = Accounts.signUpFresh();
        dave.request()
                .contentType("text/csv")
                .header("Content-Encoding", "gzip")
                .queryParam("kind", "trades")
                .body(gzip(TRADES))
                .post("/api/backtests/imports")
                .then()
                .statusCode(201)
                .body("rows", equalTo(3));
        // Long rows (an ignored note column) so the byte cap, not the row cap, is what stops it; it compresses to
        // far below the 2 MB body limit.
        String note = "x".repeat(1000);
        StringBuilder big = new StringBuilder("time,price,size,note\n");
        for (long i = 0; big.length() < 40_000_000; i++) {
            big.append(1_704_067_200_000L + i)
                    .append(",42000.5,0.001,")
                    .append(note)
                    .append('\n');
        }
        dave.request()
                .contentType("text/csv")
                .header("Content-Encoding", "gzip")
                .queryParam("kind", "trades")
                .body(gzip(big.toString()))
                .post("/api/backtests/imports")
                .then()
                .statusCode(413)
                .body("message", containsString("at most 33554432 bytes"));
        dave.request()
                .contentType("text/csv")
                .header("Content-Encoding", "gzip")
                .queryParam("kind", "trades")
                .body(TRADES.getBytes(StandardCharsets.UTF_8))
                .post("/api/backtests/imports")
                .then()
                .statusCode(400)
                .body("message", containsString("not gzip"));
    }

    @Test
    void anotherAccountsImportIsNotFound() {
        Accounts erin = Accounts.signUpFresh();
        Accounts frank = Accounts.signUpFresh();
        String id =
                upload(erin, "trades", null, TRADES).statusCode(201).extract().path("importId");
        frank.request().get("/api/backtests/imports/" + id).then().statusCode(404);
        frank.request().delete("/api/backtests/imports/" + id).then().statusCode(404);
        frank.request().get("/api/backtests/imports").then().body("$", hasSize(0));
        given().get("/api/backtests/imports").then().statusCode(401);
    }

    private static io.restassured.response.ValidatableResponse upload(
            Accounts who, String kind, String symbol, String csv) {
        var request = who.request().contentType("text/csv").queryParam("kind", kind);
        if (symbol != null) {
            request.queryParam("symbol", symbol);
        }
        return request.body(csv).post("/api/backtests/imports").then();
    }

    private static long accountId(Accounts who) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Account.findByUsername(who.username()).orElseThrow().id);
    }

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
