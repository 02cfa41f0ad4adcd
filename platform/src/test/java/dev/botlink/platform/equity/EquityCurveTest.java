package dev.botlink.platform.equity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.botlink.platform.account.Accounts;
import dev.botlink.platform.bot.RunningBots;
import dev.botlink.platform.stream.WsClient;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Equity curves of an account's venues, sampled while it runs a bot that trades on the paper venue. */
@QuarkusTest
class EquityCurveTest {

    static final String BUYER = """
            from profitview import Link

            class Trading(Link):
            \tordered = False

            \tdef quote_update(self, src, sym, data):
            \t\tif sym == 'XBTUSD' and not self.ordered:
            \t\t\tself.ordered = True
            \t\t\tself.create_market_order('BitMEX', 'XBTUSD', 'Buy', 100)
            """;

    private static final Duration WAIT = Duration.ofSeconds(240);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRunningBotsVenueGetsAnEquityCurveOverRestAndTheIdeChannel() throws Exception {
        Accounts alice = Accounts.signUpFresh();
        try (WsClient channel = WsClient.connect("/api/ide/channel?token=" + alice.token())) {
            RunningBots.start(alice, "equity/buyer.py", BUYER);
            await().atMost(WAIT).until(() -> !events(channel, "position").isEmpty());
            String currency = events(channel, "position")
                    .getFirst()
                    .get("data")
                    .get("info")
                    .get("currency")
                    .asText();

            await().atMost(WAIT)
                    .until(() -> events(channel, "equity").stream()
                                    .filter(e ->
                                            e.get("data").get("venue").asText().equals("BitMEX"))
                                    .filter(e -> e.get("data")
                                            .get("currency")
                                            .asText()
                                            .equals(currency))
                                    .count()
                            >= 3);
            JsonNode curve = curve(alice, "/api/equity/BitMEX?currency=" + currency);
            assertThat(texts(curve.get("currencies"))).contains(currency);
            assertThat(curve.get("currency").asText()).isEqualTo(currency);
            List<JsonNode> points = new ArrayList<>();
            curve.get("points").forEach(points::add);
            assertThat(points).hasSizeGreaterThanOrEqualTo(3);
            for (int i = 1; i < points.size(); i++) {
                assertThat(points.get(i).get(0).asLong())
                        .isGreaterThanOrEqualTo(points.get(i - 1).get(0).asLong());
            }
            assertThat(points)
                    .allSatisfy(point -> assertThat(point.get(1).decimalValue()).isGreaterThan(BigDecimal.ZERO));

            long lastTime = points.getLast().get(0).asLong();
            JsonNode later = curve(alice, "/api/equity/BitMEX?currency=" + currency + "&since=" + lastTime);
            assertThat(later.get("points").get(0).get(0).asLong()).isGreaterThanOrEqualTo(lastTime);
            assertThat(curve(alice, "/api/equity/BitMEX?currency=" + currency + "&limit=2")
                            .get("points")
                            .size())
                    .isEqualTo(2);
        }
    }

    @Test
    void anotherAccountSeesNoneOfItAndBadQueriesSayWhy() {
        Accounts bob = Accounts.signUpFresh();
        JsonNode own = curve(bob, "/api/equity/BitMEX");
        assertThat(own.get("points").size()).isZero();
        assertThat(own.get("currencies").size()).isZero();
        bob.request()
                .get("/api/equity/NoSuchVenue")
                .then()
                .statusCode(404)
                .body("message", org.hamcrest.Matchers.containsString("NoSuchVenue"));
        bob.request()
                .get("/api/equity/BitMEX?limit=0")
                .then()
                .statusCode(400)
                .body("message", org.hamcrest.Matchers.containsString("limit"));
        bob.request()
                .get("/api/equity/BitMEX?currency=XBT")
                .then()
                .statusCode(404)
                .body("message", org.hamcrest.Matchers.containsString("none yet"));
    }

    private static JsonNode curve(Accounts account, String path) {
        try {
            return JSON.readTree(
                    account.request().get(path).then().statusCode(200).extract().asString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static List<JsonNode> events(WsClient channel, String type) throws IOException {
        List<JsonNode> matching = new ArrayList<>();
        for (String message : channel.messages()) {
            JsonNode event = JSON.readTree(message);
            if (event.get("type").asText().equals(type)) {
                matching.add(event);
            }
        }
        return matching;
    }
}
