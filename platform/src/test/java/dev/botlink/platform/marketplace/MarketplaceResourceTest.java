package dev.botlink.platform.marketplace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.botlink.platform.account.Accounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The marketplace end to end: a Signals bot runs in a real sandbox worker, its signals are validated and routed to
 * execution bots that trade on real paper venues, and the REST API keeps the author's code and private parameters
 * to the author.
 */
@QuarkusTest
class MarketplaceResourceTest {

    private static final Duration STARTUP = Duration.ofSeconds(240);

    /** Emits a valid Position signal every 10th quote, and two invalid ones once. */
    static final String SIGNALS_BOT = """
            from profitview import Link, logger

            # SECRET-STRATEGY-MARKER: only the author may ever see this text.
            class Signals(Link):
            \tquotes = 0

            \tdef quote_update(self, src, sym, data):
            \t\tif sym != 'XBTUSD':
            \t\t\treturn
            \t\tself.quotes += 1
            \t\tif self.quotes == 1:
            \t\t\tself.signal(src, sym, mid=30000)
            \t\t\tself.signal(src, 'ETHUSD', size=0.5)
            \t\tif self.quotes % 10 == 1:
            \t\t\tself.signal(src, sym, size=0.5)
            """;

    @Test
    void signalsFromAListingTradeOnTheSubscribersVenueAndTheListingShowsItsPerformance() {
        Accounts alice = Accounts.signUpFresh();
        Accounts bob = Accounts.signUpFresh();
        String tag = "trend-" + UUID.randomUUID();
        long listingId = createListing(alice, tag);
        long botId = alice.request()
                .get("/api/marketplace/listings/" + listingId)
                .then()
                .statusCode(200)
                .body("authorParameters.maxPosition.value", equalTo("700"))
                .body("authorParameters.maxPosition.private", equalTo(true))
                .extract()
                .<Integer>path("botId")
                .longValue();

        await().atMost(STARTUP).untilAsserted(() -> assertThat(messages(alice, botId))
                .anyMatch(m ->
                        m.contains("signal refused") && m.contains("POSITION listings take size= signals, got mid="))
                .anyMatch(m -> m.contains("signal refused") && m.contains("the signal is for ETHUSD")));

        bob.request()
                .get("/api/marketplace/listings?q=" + tag)
                .then()
                .statusCode(200)
                .body("id", hasItem((int) listingId))
                .body("[0].parameters.maxPosition", nullValue())
                .body("[0].parameters.maxOrderSize.default", equalTo("200"))
                .body("[0].privateParameters", equalTo(List.of("maxPosition")));
        long deploymentId = bob.request()
                .contentType(ContentType.JSON)
                .body(Map.of("listingId", listingId, "venue", "BitMEX", "parameters", Map.of("maxOrderSize", 100)))
                .post("/api/marketplace/deployments")
                .then()
                .statusCode(201)
                .body("parameters.maxOrderSize", equalTo(100))
                .body("parameters.maxPosition", nullValue())
                .extract()
                .<Integer>path("id")
                .longValue();

        // 0.5 of the private 700 is 350 contracts: 300 in lots of 100, in steps of bob's 100.
        await().atMost(STARTUP).untilAsserted(() -> bob.request()
                .get("/api/marketplace/deployments/" + deploymentId + "/metrics")
                .then()
                .statusCode(200)
                .body("position_qty", equalTo(300))
                .body("trade_count", greaterThan(2)));
        await().atMost(STARTUP).untilAsserted(() -> bob.request()
                .get("/api/marketplace/listings/" + listingId)
                .then()
                .body("performance.position_qty", equalTo(300))
                .body("performance.trade_count", greaterThan(0))
                .body("performance.total_value", notNullValue())
                .body("performance.pnl_history.size()", greaterThan(1)));
        bob.request()
                .get("/api/marketplace/listings/" + listingId + "/signals")
                .then()
                .statusCode(200)
                .body("kind", hasItem("size"))
                .body("[0].value", equalTo(0.5f));
        alice.request()
                .get("/api/bots/" + botId + "/metrics")
                .then()
                .statusCode(200)
                .body("strategy", equalTo("POSITION"))
                .body("trade_count", greaterThan(0));
        bob.request()
                .get("/api/marketplace/leaderboard?limit=100")
                .then()
                .statusCode(200)
                .body("id", hasItem((int) listingId));

        bob.request()
                .post("/api/marketplace/deployments/" + deploymentId + "/pause")
                .then()
                .statusCode(200)
                .body("desired", equalTo("PAUSED"));
        bob.request()
                .post("/api/marketplace/deployments/" + deploymentId + "/resume")
                .then()
                .statusCode(200)
                .body("desired", equalTo("RUNNING"));
        bob.request()
                .post("/api/marketplace/deployments/" + deploymentId + "/stop")
                .then()
                .statusCode(200)
                .body("desired", equalTo("STOPPED"))
                .body("status", equalTo("STOPPED"));
        bob.request()
                .delete("/api/marketplace/deployments/" + deploymentId)
                .then()
                .statusCode(204);
        bob.request().get("/api/marketplace/deployments/" + deploymentId).then().statusCode(404);

        alice.request()
                .post("/api/marketplace/listings/" + listingId + "/unpublish")
                .then()
                .statusCode(200)
                .body("status", equalTo("UNLISTED"));
        bob.request().get("/api/marketplace/listings/" + listingId).then().statusCode(404);
        bob.request().get("/api/marketplace/listings?q=" + tag).then().body("id", not(hasItem((int) listingId)));
        alice.request().get("/api/bots/" + botId).then().body("desired", equalTo("STOPPED"));
    }

    @Test
    void noEndpointShowsAnotherAuthorsCodeOrPrivateValues() {
        Accounts alice = Accounts.signUpFresh();
        Accounts mallory = Accounts.signUpFresh();
        String tag = "private-" + UUID.randomUUID();
        long listingId = createListing(alice, tag);
        long botId = alice.request()
                .get("/api/marketplace/listings/" + listingId)
                .then()
                .extract()
                .<Integer>path("botId")
                .longValue();
        long aliceDeployment = alice.request()
                .contentType(ContentType.JSON)
                .body(Map.of("listingId", listingId, "venue", "BitMEX"))
                .post("/api/marketplace/deployments")
                .then()
                .statusCode(201)
                .extract()
                .<Integer>path("id")
                .longValue();

        List<String> visible = List.of(
                "/api/marketplace/listings?q=" + tag,
                "/api/marketplace/listings/" + listingId,
                "/api/marketplace/listings/" + listingId + "/signals",
                "/api/marketplace/leaderboard?limit=100",
                "/api/marketplace/bot-types");
        for (String path : visible) {
            String body =
                    mallory.request().get(path).then().statusCode(200).extract().asString();
            assertThat(body)
                    .as(path)
                    .doesNotContain("SECRET-STRATEGY-MARKER")
                    .doesNotContain("authorParameters")
                    .doesNotContain("botId")
                    .doesNotContain("\"700\"");
        }
        mallory.request()
                .get("/api/marketplace/listings/" + listingId)
                .then()
                .body("mine", equalTo(false))
                .body("parameters.maxPosition", nullValue());
        for (String path : List.of(
                "/api/marketplace/deployments/" + aliceDeployment,
                "/api/marketplace/deployments/" + aliceDeployment + "/metrics",
                "/api/bots/" + botId,
                "/api/bots/" + botId + "/metrics",
                "/api/bots/" + botId + "/logs",
                "/api/files/signals/" + tag + ".py")) {
            mallory.request().get(path).then().statusCode(404);
        }
        for (String action : List.of("pause", "resume", "stop")) {
            mallory.request()
                    .post("/api/marketplace/deployments/" + aliceDeployment + "/" + action)
                    .then()
                    .statusCode(404);
        }
        mallory.request()
                .delete("/api/marketplace/deployments/" + aliceDeployment)
                .then()
                .statusCode(404);
        mallory.request()
                .post("/api/marketplace/listings/" + listingId + "/unpublish")
                .then()
                .statusCode(404);
        mallory.request().get("/api/marketplace/deployments").then().body("id", not(hasItem((int) aliceDeployment)));
        mallory.request()
                .contentType(ContentType.JSON)
                .body(Map.of("listingId", listingId, "venue", "BitMEX", "parameters", Map.of("maxPosition", 5)))
                .post("/api/marketplace/deployments")
                .then()
                .statusCode(400)
                .body("message", containsString("maxPosition"))
                .body("message", containsString("private"));
        alice.request().get("/api/marketplace/listings/" + listingId).then().body("listedAt", notNullValue());
        alice.request()
                .post("/api/marketplace/listings/" + listingId + "/unpublish")
                .then()
                .statusCode(200);
    }

    @Test
    void badListingsAndDeploymentsSayWhatIsWrong() {
        Accounts carol = Accounts.signUpFresh();
        saveFile(carol, "signals/ok.py", SIGNALS_BOT);
        saveFile(carol, "trader.py", "from profitview import Link\n\nclass Trading(Link):\n\tpass\n");
        Map<String, Object> good = Map.of(
                "file", "signals/ok.py",
                "name", "ok",
                "description", "a description",
                "symbol", "XBTUSD",
                "botType", "POSITION",
                "parameters", Map.of());
        expectInvalid(carol, with(good, "description", ""), "description is required");
        expectInvalid(carol, with(good, "botType", "MOON"), "botType must be one of");
        expectInvalid(carol, with(good, "symbol", "DOGEUSD"), "DOGEUSD");
        expectInvalid(carol, with(good, "file", "trader.py"), "class Signals(Link)");
        expectInvalid(carol, with(good, "parameters", Map.of("maxPosition", Map.of("value", -1))), "maxPosition");
        expectInvalid(
                carol, with(good, "parameters", Map.of("leverage", Map.of("value", 3))), "unknown parameter leverage");
        carol.request()
                .contentType(ContentType.JSON)
                .body("{\"name\":")
                .post("/api/marketplace/listings")
                .then()
                .statusCode(400)
                .body("error", notNullValue());
        carol.request()
                .contentType(ContentType.JSON)
                .body(Map.of("listingId", 999_999_999, "venue", "BitMEX"))
                .post("/api/marketplace/deployments")
                .then()
                .statusCode(404);

        long listingId = createListing(carol, "bad-" + UUID.randomUUID());
        carol.request()
                .contentType(ContentType.JSON)
                .body(Map.of("listingId", listingId, "venue", "Nowhere"))
                .post("/api/marketplace/deployments")
                .then()
                .statusCode(400)
                .body("message", containsString("no venue named 'Nowhere'"));
        carol.request()
                .contentType(ContentType.JSON)
                .body(Map.of("listingId", listingId, "venue", "WooPaper"))
                .post("/api/marketplace/deployments")
                .then()
                .statusCode(400)
                .body("message", containsString("woo"));
        carol.request()
                .contentType(ContentType.JSON)
                .body(Map.of("listingId", listingId, "venue", "BitMEX", "parameters", Map.of("orderType", "FOK")))
                .post("/api/marketplace/deployments")
                .then()
                .statusCode(400)
                .body("message", containsString("orderType"));
        carol.request().get("/api/marketplace/deployments/999999999").then().statusCode(404);
        carol.request()
                .post("/api/marketplace/listings/" + listingId + "/unpublish")
                .then()
                .statusCode(200);
    }

    private static long createListing(Accounts author, String tag) {
        saveFile(author, "signals/" + tag + ".py", SIGNALS_BOT);
        return author.request()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "file",
                        "signals/" + tag + ".py",
                        "name",
                        "Trend " + tag.substring(0, 12),
                        "description",
                        "Goes half long on XBTUSD; " + tag,
                        "exchange",
                        "bitmex",
                        "symbol",
                        "XBTUSD",
                        "botType",
                        "POSITION",
                        "parameters",
                        Map.of(
                                "maxPosition", Map.of("value", 700, "private", true),
                                "maxOrderSize", Map.of("value", 300, "default", 200),
                                "orderType", Map.of("value", "MARKET"))))
                .post("/api/marketplace/listings")
                .then()
                .statusCode(201)
                .body("status", equalTo("LISTED"))
                .extract()
                .<Integer>path("id")
                .longValue();
    }

    private static void expectInvalid(Accounts account, Map<String, Object> body, String message) {
        account.request()
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/marketplace/listings")
                .then()
                .statusCode(400)
                .body("error", notNullValue())
                .body("message", containsString(message));
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        var copy = new java.util.LinkedHashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    private static void saveFile(Accounts account, String path, String content) {
        account.request()
                .contentType(ContentType.JSON)
                .body(Map.of("content", content))
                .put("/api/files/" + path)
                .then()
                .statusCode(200);
    }

    private static List<String> messages(Accounts account, long id) {
        return account.request()
                .get("/api/bots/" + id + "/logs?limit=1000")
                .then()
                .statusCode(200)
                .extract()
                .path("lines.message");
    }
}
