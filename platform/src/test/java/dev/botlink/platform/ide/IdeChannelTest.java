package dev.botlink.platform.ide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.botlink.platform.account.Accounts;
import dev.botlink.platform.bot.RunningBots;
import dev.botlink.platform.stream.WsClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The IDE channel with a real bot trading on the paper venue and a real websocket client. */
@QuarkusTest
class IdeChannelTest {

    static final String BOT = """
            from profitview import Link, http, logger

            class Trading(Link):
            \tordered = False

            \tdef on_start(self):
            \t\tlogger.info('hello ide')

            \tdef quote_update(self, src, sym, data):
            \t\tif sym == 'XBTUSD' and not self.ordered:
            \t\t\tself.ordered = True
            \t\t\tself.create_market_order('BitMEX', 'XBTUSD', 'Buy', 100)

            \t@http.route
            \tdef post_emit(self, data):
            \t\tself.publish('note', {'text': data.get('text')})
            \t\tself.signal('bitmex', 'XBTUSD', size=0.5)
            \t\treturn 'ok'
            """;

    private static final Duration WAIT = Duration.ofSeconds(240);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void carriesStatusLogsTradingAndPublishesInOrderAndResumesFromASequenceNumber() throws Exception {
        Accounts alice = Accounts.signUpFresh();
        long botId;
        try (WsClient channel = WsClient.connect("/api/ide/channel?token=" + alice.token())) {
            botId = RunningBots.start(alice, "ide/bot.py", BOT);
            String secret = alice.request().get("/api/account").then().extract().path("webhookSecret");
            RestAssured.given()
                    .contentType(ContentType.JSON)
                    .body(Map.of("text", "from the test"))
                    .post("/trading/bot/" + secret + "/emit")
                    .then()
                    .statusCode(200);
            await().atMost(WAIT).untilAsserted(() -> assertThat(types(channel))
                    .containsAll(List.of("bot.status", "bot.log", "order", "fill", "position", "publish", "signal")));

            List<JsonNode> events = parsed(channel);
            for (int i = 1; i < events.size(); i++) {
                assertThat(events.get(i).get("seq").asLong())
                        .isEqualTo(events.get(i - 1).get("seq").asLong() + 1);
            }
            JsonNode running = first(
                    events,
                    "bot.status",
                    e -> e.get("data").get("status").asText().equals("RUNNING"));
            assertThat(running.get("botId").asLong()).isEqualTo(botId);
            assertThat(Instant.parse(running.get("time").asText())).isNotNull();
            JsonNode hello = first(
                    events,
                    "bot.log",
                    e -> e.get("data").get("message").asText().equals("hello ide"));
            assertThat(hello.get("data").get("level").asText()).isEqualTo("INFO");
            long lineId = hello.get("data").get("id").asLong();
            List<Integer> restIds = alice.request()
                    .get("/api/bots/" + botId + "/logs")
                    .then()
                    .extract()
                    .path("lines.id");
            assertThat(restIds).contains((int) lineId);
            JsonNode fill = first(events, "fill", e -> true);
            assertThat(fill.get("data").get("sym").asText()).isEqualTo("XBTUSD");
            assertThat(fill.get("data").get("side").asText()).isEqualTo("Buy");
            assertThat(fill.get("data").get("fill_size").asDouble()).isEqualTo(100.0);
            JsonNode note = first(events, "publish", e -> true);
            assertThat(note.get("data").get("topic").asText()).isEqualTo("note");
            assertThat(note.get("data").get("data").get("text").asText()).isEqualTo("from the test");
            assertThat(note.get("botId").asLong()).isEqualTo(botId);
            JsonNode signal = first(events, "signal", e -> true);
            assertThat(signal.get("botId").asLong()).isEqualTo(botId);
            assertThat(signal.get("data").get("sym").asText()).isEqualTo("XBTUSD");
            assertThat(signal.get("data").get("size").asDouble()).isEqualTo(0.5);

            long resumeAfter = events.get(2).get("seq").asLong();
            long last = events.getLast().get("seq").asLong();
            try (WsClient again =
                    WsClient.connect("/api/ide/channel?token=" + alice.token() + "&since=" + resumeAfter)) {
                await().atMost(WAIT).until(() -> parsed(again).stream()
                        .anyMatch(e -> e.get("seq").asLong() >= last));
                assertThat(parsed(again).getFirst().get("seq").asLong()).isEqualTo(resumeAfter + 1);
            }
        }
    }

    @Test
    void aSequenceNumberTheServerNoLongerHoldsGetsAReset() throws Exception {
        Accounts bob = Accounts.signUpFresh();
        try (WsClient channel = WsClient.connect("/api/ide/channel?token=" + bob.token() + "&since=123456")) {
            await().atMost(WAIT).until(() -> !channel.messages().isEmpty());
            JsonNode reset = parsed(channel).getFirst();
            assertThat(reset.get("type").asText()).isEqualTo("reset");
            assertThat(reset.get("data").size()).isZero();
            channel.send("{\"type\":\"ping\"}");
            await().atMost(WAIT).until(() -> channel.messages().contains("{\"type\":\"pong\"}"));
        }
    }

    @Test
    void theChannelNeedsALoginSessionTokenAndAValidSince() {
        Accounts carol = Accounts.signUpFresh();
        assertThat(WsClient.refusal("/api/ide/channel")).isEqualTo(401);
        assertThat(WsClient.refusal("/api/ide/channel?token=bls_wrong")).isEqualTo(401);
        String apiKey = carol.request().get("/api/account").then().extract().path("apiKey");
        assertThat(WsClient.refusal("/api/ide/channel?token=" + apiKey)).isEqualTo(401);
        assertThat(WsClient.refusal("/api/ide/channel?token=" + carol.token() + "&since=abc"))
                .isEqualTo(400);
    }

    private static List<String> types(WsClient client) {
        return parsed(client).stream().map(e -> e.get("type").asText()).toList();
    }

    private static List<JsonNode> parsed(WsClient client) {
        return client.messages().stream().map(IdeChannelTest::parse).toList();
    }

    private static JsonNode first(List<JsonNode> events, String type, java.util.function.Predicate<JsonNode> match) {
        return events.stream()
                .filter(e -> e.get("type").asText().equals(type))
                .filter(match)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " event in " + events));
    }

    private static JsonNode parse(String message) {
        try {
            return JSON.readTree(message);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
