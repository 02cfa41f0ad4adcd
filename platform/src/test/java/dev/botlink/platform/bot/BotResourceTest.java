package dev.botlink.platform.bot;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import dev.botlink.platform.account.Accounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bots run for real: the platform starts a sandbox worker process and the bots trade on the paper venue. */
@QuarkusTest
class BotResourceTest {

    private static final Duration STARTUP = Duration.ofSeconds(240);

    static final String TRADING_BOT = """
            from profitview import Link, logger

            class Trading(Link):
            \tquotes_seen = 0
            \ttrades_seen = 0

            \tdef on_start(self):
            \t\tlogger.info('hello from on_start')

            \tdef quote_update(self, src, sym, data):
            \t\tif sym != 'XBTUSD':
            \t\t\treturn
            \t\tself.quotes_seen += 1
            \t\tif self.quotes_seen == 1:
            \t\t\tlogger.info(f'first quote {src} {sym} bid={data["bid"][0]}')
            \t\t\tresult = self.create_market_order('BitMEX', 'XBTUSD', 'Buy', 100)
            \t\t\tlogger.info(f'market order error={result["error"]}')

            \tdef trade_update(self, src, sym, data):
            \t\tself.trades_seen += 1
            \t\tif self.trades_seen == 1:
            \t\t\tlogger.info(f'first trade {src} {sym} price={data["price"]}')

            \tdef fill_update(self, src, sym, data):
            \t\tlogger.info(f'fill {sym} {data["side"]} {data["fill_size"]} at {data["fill_price"]}')
            """;

    @Test
    void aBotRunsSeesTheMarketTradesOnPaperAndStops() {
        Accounts alice = Accounts.signUpFresh();
        saveFile(alice, "bots/trader.py", TRADING_BOT);
        long id = createBot(alice, "bots/trader.py");
        alice.request()
                .post("/api/bots/" + id + "/start")
                .then()
                .statusCode(200)
                .body("desired", equalTo("RUNNING"));

        await().atMost(STARTUP)
                .untilAsserted(
                        () -> alice.request().get("/api/bots/" + id).then().body("status", equalTo("RUNNING")));
        await().atMost(STARTUP).untilAsserted(() -> {
            List<String> messages = messages(alice, id);
            org.assertj.core.api.Assertions.assertThat(messages)
                    .anyMatch(m -> m.contains("hello from on_start"))
                    .anyMatch(m -> m.startsWith("first quote bitmex XBTUSD bid="))
                    .anyMatch(m -> m.startsWith("first trade "))
                    .anyMatch(m -> m.equals("market order error=None"))
                    .anyMatch(m -> m.startsWith("fill XBTUSD Buy 100"));
        });

        alice.request().post("/api/bots/" + id + "/stop").then().statusCode(200).body("status", equalTo("STOPPED"));
        alice.request().get("/api/bots").then().body("id", hasItem((int) id));
    }

    @Test
    void aSyntaxErrorFailsTheBotWithTheFileAndLine() {
        Accounts bob = Accounts.signUpFresh();
        saveFile(bob, "broken.py", "from profitview import Link\n\nclass Trading(Link)\n\tpass\n");
        long id = createBot(bob, "broken.py");
        bob.request().post("/api/bots/" + id + "/start").then().statusCode(200);
        await().atMost(STARTUP).untilAsserted(() -> bob.request()
                .get("/api/bots/" + id)
                .then()
                .body("status", equalTo("FAILED"))
                .body("reason", containsString("broken.py"))
                .body("reason", containsString("SyntaxError"))
                .body("reason", containsString("expected ':'")));
    }

    @Test
    void badBotRequestsSayWhatIsWrong() {
        Accounts carol = Accounts.signUpFresh();
        carol.request()
                .contentType(ContentType.JSON)
                .body(Map.of("file", "missing.py"))
                .post("/api/bots")
                .then()
                .statusCode(404)
                .body("message", containsString("missing.py"));
        carol.request()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "no file"))
                .post("/api/bots")
                .then()
                .statusCode(400);
        carol.request()
                .contentType(ContentType.JSON)
                .body("{\"file\":")
                .post("/api/bots")
                .then()
                .statusCode(400);
        carol.request().post("/api/bots/999999/start").then().statusCode(404).body("error", equalTo("not_found"));
        carol.request().get("/api/bots/999999/logs").then().statusCode(404);
    }

    @Test
    void anotherAccountCannotSeeOrControlMyBots() {
        Accounts owner = Accounts.signUpFresh();
        Accounts intruder = Accounts.signUpFresh();
        saveFile(owner, "mine.py", "from profitview import Link\n\nclass Trading(Link):\n\tpass\n");
        long id = createBot(owner, "mine.py");
        for (String action : List.of("start", "stop", "restart")) {
            intruder.request().post("/api/bots/" + id + "/" + action).then().statusCode(404);
        }
        intruder.request().get("/api/bots/" + id).then().statusCode(404);
        intruder.request().get("/api/bots/" + id + "/logs").then().statusCode(404);
        intruder.request().delete("/api/bots/" + id).then().statusCode(404);
        intruder.request().get("/api/bots").then().body("$", hasSize(0));
        intruder.request()
                .contentType(ContentType.JSON)
                .body(Map.of("file", "mine.py"))
                .post("/api/bots")
                .then()
                .statusCode(404);
        owner.request().get("/api/bots/" + id).then().statusCode(200).body("status", equalTo("STOPPED"));
    }

    static void saveFile(Accounts account, String path, String content) {
        account.request()
                .contentType(ContentType.JSON)
                .body(Map.of("content", content))
                .put("/api/files/" + path)
                .then()
                .statusCode(200);
    }

    static long createBot(Accounts account, String path) {
        return account.request()
                .contentType(ContentType.JSON)
                .body(Map.of("file", path))
                .post("/api/bots")
                .then()
                .statusCode(201)
                .extract()
                .<Integer>path("id")
                .longValue();
    }

    static List<String> messages(Accounts account, long id) {
        return account.request()
                .get("/api/bots/" + id + "/logs?limit=1000")
                .then()
                .statusCode(200)
                .extract()
                .path("lines.message");
    }
}
