package dev.botlink.platform.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import dev.botlink.platform.account.Accounts;
import dev.botlink.platform.bot.RunningBots;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Webhooks against real bots in a sandbox worker, through real HTTP: arguments, answers and every error code. */
@QuarkusTest
class WebhookResourceTest {

    static final String HOOKS = """
            import time
            from profitview import Link, http

            class Trading(Link):
            \t@http.route
            \tdef get_echo(self, data):
            \t\treturn {'args': data}

            \t@http.route
            \tdef post_echo(self, data):
            \t\treturn {'args': data, 'types': {k: type(v).__name__ for k, v in data.items()}}

            \t@http.route
            \tdef get_fail(self, data):
            \t\traise ValueError('no price for ' + data.get('sym', '?'))

            \t@http.route
            \tdef get_slow(self, data):
            \t\ttime.sleep(30)
            \t\treturn 'late'

            \t@http.route
            \tdef get_nothing(self, data):
            \t\treturn None

            \tdef get_undecorated(self, data):
            \t\treturn 'hidden'
            """;

    static final String SIGNALS = """
            from profitview import Link, http

            class Signals(Link):
            \t@http.route
            \tdef get_echo(self, data):
            \t\treturn 'signals'

            \t@http.route
            \tdef post_alert(self, data):
            \t\treturn data
            """;

    @Test
    void queryFormAndJsonArgumentsReachTheMethodAndItsReturnValueIsTheAnswer() {
        Accounts alice = Accounts.signUpFresh();
        RunningBots.start(alice, "hooks/hooks.py", HOOKS);
        String secret = secret(alice);
        given().get("/trading/bot/" + secret + "/echo?sym=XBTUSD&size=10")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("args.sym", equalTo("XBTUSD"))
                .body("args.size", equalTo("10"));
        given().contentType(ContentType.JSON)
                .body(Map.of("side", "Buy", "size", 1.5, "flags", List.of(1, 2)))
                .post("/trading/bot/" + secret + "/echo?via=query")
                .then()
                .statusCode(200)
                .body("args.side", equalTo("Buy"))
                .body("args.size", equalTo(1.5f))
                .body("types.size", equalTo("float"))
                .body("types.flags", equalTo("list"))
                .body("args.via", equalTo("query"));
        given().contentType(ContentType.URLENC)
                .formParam("price", "25000.5")
                .post("/trading/bot/" + secret + "/echo")
                .then()
                .statusCode(200)
                .body("args.price", equalTo("25000.5"))
                .body("types.price", equalTo("str"));
        given().contentType(ContentType.TEXT)
                .body("BTC crossed 30k")
                .post("/trading/bot/" + secret + "/echo")
                .then()
                .statusCode(200)
                .body("args.body", equalTo("BTC crossed 30k"));
        given().get("/trading/bot/" + secret + "/nothing")
                .then()
                .statusCode(200)
                .body(equalTo("null"));
    }

    @Test
    void eachRefusalHasItsStatusAndSaysWhy() {
        Accounts bob = Accounts.signUpFresh();
        long bot = RunningBots.start(bob, "hooks/hooks.py", HOOKS);
        String secret = secret(bob);
        given().get("/trading/bot/blw_wrong-secret/echo").then().statusCode(404).body("error", equalTo("not_found"));
        given().get("/trading/bot/" + secret + "/missing")
                .then()
                .statusCode(404)
                .body("message", containsString("get_missing"));
        given().get("/trading/bot/" + secret + "/undecorated").then().statusCode(404);
        given().get("/trading/bot/" + secret + "/fail?sym=ETHUSD")
                .then()
                .statusCode(500)
                .body("message", containsString("ValueError: no price for ETHUSD"))
                .body("message", not(containsString("Traceback")));
        given().contentType(ContentType.JSON)
                .body("{\"pad\":\"" + "x".repeat(70_000) + "\"}")
                .post("/trading/bot/" + secret + "/echo")
                .then()
                .statusCode(413);
        given().contentType(ContentType.JSON)
                .body("[1, 2]")
                .post("/trading/bot/" + secret + "/echo")
                .then()
                .statusCode(400);

        long stopped = RunningBots.create(bob, "hooks/other.py", HOOKS);
        given().get("/trading/bot/" + secret + "/" + stopped + "/echo")
                .then()
                .statusCode(409)
                .body("message", containsString("not running"));
        given().get("/trading/bot/" + secret + "/99999999/echo").then().statusCode(404);
        given().get("/trading/bot/" + secret + "/" + bot + "/echo?x=1").then().statusCode(200);
        given().get("/trading/bot/" + secret + "/slow")
                .then()
                .statusCode(504)
                .body("error", equalTo("gateway_timeout"));
    }

    @Test
    void twoBotsWithTheSameRouteMakeTheShortPathAmbiguous() {
        Accounts carol = Accounts.signUpFresh();
        long trading = RunningBots.start(carol, "hooks/hooks.py", HOOKS);
        long signals = RunningBots.start(carol, "hooks/signals.py", SIGNALS);
        String secret = secret(carol);
        given().get("/trading/bot/" + secret + "/echo")
                .then()
                .statusCode(409)
                .body("choices", hasSize(2))
                .body("choices.bot", hasItems((int) trading, (int) signals))
                .body("choices[0].url", containsString("/trading/bot/" + secret + "/"));
        given().get("/trading/bot/" + secret + "/" + signals + "/echo")
                .then()
                .statusCode(200)
                .body(equalTo("\"signals\""));
        given().get("/trading/bot/" + secret + "/signals.py/echo")
                .then()
                .statusCode(200)
                .body(equalTo("\"signals\""));
        given().contentType(ContentType.JSON)
                .body(Map.of("ticker", "BTCUSD"))
                .post("/trading/bot/" + secret + "/alert")
                .then()
                .statusCode(200)
                .body("ticker", equalTo("BTCUSD"));

        List<Map<String, Object>> routes = carol.request()
                .get("/api/webhooks")
                .then()
                .statusCode(200)
                .body("find { it.route == 'alert' }.method", equalTo("POST"))
                .body("find { it.route == 'alert' }.botId", equalTo((int) signals))
                .body("find { it.route == 'alert' }.url", endsWith("/trading/bot/" + secret + "/alert"))
                .body("find { it.route == 'alert' }.ambiguous", equalTo(false))
                .extract()
                .path("");
        assertThat(routes)
                .filteredOn(route ->
                        route.get("route").equals("echo") && route.get("method").equals("GET"))
                .hasSize(2)
                .allMatch(route -> Boolean.TRUE.equals(route.get("ambiguous")));
        assertThat(routes).noneMatch(route -> route.get("route").equals("undecorated"));

        carol.request().post("/api/bots/" + trading + "/stop").then().statusCode(200);
        given().get("/trading/bot/" + secret + "/echo").then().statusCode(200).body(equalTo("\"signals\""));
    }

    @Test
    void rotatingTheSecretStopsTheOldOneAtOnce() {
        Accounts dave = Accounts.signUpFresh();
        RunningBots.start(dave, "hooks/signals.py", SIGNALS);
        String old = secret(dave);
        given().get("/trading/bot/" + old + "/echo").then().statusCode(200);
        String fresh = dave.request()
                .post("/api/account/webhook-secret/rotate")
                .then()
                .statusCode(200)
                .extract()
                .path("webhookSecret");
        given().get("/trading/bot/" + old + "/echo").then().statusCode(404);
        given().get("/trading/bot/" + fresh + "/echo").then().statusCode(200);
    }

    @Test
    void tooManyRequestsAreRefusedWithRetryAfter() {
        Accounts erin = Accounts.signUpFresh();
        String secret = secret(erin);
        // The test budget is 30 at once and 2 per second: 200 quick requests must run out of it.
        int refused = 0;
        String retryAfter = null;
        for (int i = 0; i < 200 && refused == 0; i++) {
            var response = given().get("/trading/bot/" + secret + "/nothing-here");
            if (response.statusCode() == 429) {
                refused++;
                retryAfter = response.header("Retry-After");
            } else {
                assertThat(response.statusCode()).isEqualTo(404);
            }
        }
        assertThat(refused).isPositive();
        assertThat(Integer.parseInt(retryAfter)).isPositive();
        Accounts other = Accounts.signUpFresh();
        given().get("/trading/bot/" + secret(other) + "/nothing-here").then().statusCode(404);
    }

    static String secret(Accounts account) {
        return account.request()
                .get("/api/account")
                .then()
                .statusCode(200)
                .extract()
                .path("webhookSecret");
    }
}
