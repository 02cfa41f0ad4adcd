package dev.botlink.platform.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.botlink.platform.account.Accounts;
import dev.botlink.platform.bot.RunningBots;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The private feed with real bots in a sandbox worker and real websocket clients: a bot's publishes (driven by a
 * webhook, so the test knows when they happen) reach every connection of its account, filtered by topic.
 */
@QuarkusTest
class PrivateStreamTest {

    static final String PUBLISHER = """
            import threading
            from profitview import Link, http, logger

            class Trading(Link):
            \t@http.route
            \tdef post_emit(self, data):
            \t\tcount = int(data.get('count', 1))
            \t\tpad = 'x' * int(data.get('size', 0))
            \t\tfor i in range(count):
            \t\t\tself.publish(data.get('topic', 'ticks'), {'n': i, 'pad': pad})
            \t\treturn {'sent': count}

            \t@http.route
            \tdef post_flood(self, data):
            \t\tthreading.Thread(target=self.flood, args=(int(data['count']), int(data['size']))).start()
            \t\treturn 'started'

            \tdef flood(self, count, size):
            \t\tpad = 'x' * size
            \t\tfor i in range(count):
            \t\t\tself.publish('flood', {'n': i, 'pad': pad})
            \t\tself.publish('last', {})
            \t\tlogger.info('flood done')
            """;

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void publishesReachEveryConnectionAndTheTopicFilterHolds() throws Exception {
        Accounts alice = Accounts.signUpFresh();
        RunningBots.start(alice, "feeds/publisher.py", PUBLISHER);
        String key = apiKey(alice);
        try (WsClient all = WsClient.connect("/stream?token=" + key);
                WsClient second = WsClient.connect("/stream?token=" + key);
                WsClient fills = WsClient.connect("/stream?token=" + key + "&topics=fills,other")) {
            emit(alice, "ticks", 3, 0);
            emit(alice, "fills", 1, 0);
            await().atMost(WAIT)
                    .until(() -> all.messages().size() >= 4 && second.messages().size() >= 4);
            JsonNode first = JSON.readTree(all.messages().getFirst());
            assertThat(first.get("type").asText()).isEqualTo("ticks");
            assertThat(first.get("data").get("n").asInt()).isZero();
            assertThat(types(all)).containsExactly("ticks", "ticks", "ticks", "fills");
            assertThat(types(second)).containsExactly("ticks", "ticks", "ticks", "fills");
            await().atMost(WAIT).until(() -> !fills.messages().isEmpty());
            assertThat(types(fills)).containsExactly("fills");
        }
    }

    @Test
    void aBadOrMissingTokenIsRefusedBeforeTheUpgrade() {
        assertThat(WsClient.refusal("/stream")).isEqualTo(401);
        assertThat(WsClient.refusal("/stream?token=blk_not-a-key")).isEqualTo(401);
    }

    @Test
    void rotatingTheKeyClosesOpenConnectionsAndRefusesTheOldKey() throws Exception {
        Accounts bob = Accounts.signUpFresh();
        String old = apiKey(bob);
        try (WsClient open = WsClient.connect("/stream?token=" + old)) {
            bob.request().post("/api/account/api-key/rotate").then().statusCode(200);
            assertThat(open.closed().get(60, java.util.concurrent.TimeUnit.SECONDS))
                    .isEqualTo(1008);
        }
        assertThat(WsClient.refusal("/stream?token=" + old)).isEqualTo(401);
        try (WsClient fresh = WsClient.connect("/stream?token=" + apiKey(bob))) {
            assertThat(fresh.closed()).isNotDone();
        }
    }

    @Test
    void aSlowReaderLosesTheOldestMessagesAndIsToldHowMany() throws Exception {
        Accounts carol = Accounts.signUpFresh();
        long bot = RunningBots.start(carol, "feeds/flood.py", PUBLISHER);
        String key = apiKey(carol);
        try (WsClient slow = WsClient.connectPaused("/stream?token=" + key)) {
            // 400 messages of 30 kB from a bot thread: far more than socket buffers plus the 200 kB test buffer hold.
            flood(carol, 400, 30_000);
            await().atMost(Duration.ofSeconds(180))
                    .until(() -> RunningBots.logMessages(carol, bot).contains("flood done"));
            slow.resume();
            await().atMost(Duration.ofSeconds(180)).until(() -> types(slow).contains("last"));
            List<String> seen = types(slow);
            assertThat(seen).contains("botlink.dropped");
            long dropped = slow.messages().stream()
                    .map(PrivateStreamTest::parse)
                    .filter(m -> m.get("type").asText().equals("botlink.dropped"))
                    .mapToLong(m -> m.get("data").get("count").asLong())
                    .sum();
            long delivered = seen.stream().filter(t -> t.equals("flood")).count();
            assertThat(dropped).isPositive();
            assertThat(delivered + dropped).isEqualTo(400);
        }
    }

    @Test
    void aPublishOverTheSizeCapIsRefusedWithALogLine() {
        Accounts dave = Accounts.signUpFresh();
        long bot = RunningBots.start(dave, "feeds/big.py", PUBLISHER);
        try (WsClient reader = WsClient.connect("/stream?token=" + apiKey(dave))) {
            emit(dave, "big", 1, 50_000);
            emit(dave, "small", 1, 10);
            await().atMost(WAIT).until(() -> types(reader).contains("small"));
            assertThat(types(reader)).doesNotContain("big");
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(RunningBots.logMessages(dave, bot))
                .anyMatch(line -> line.startsWith("publish on 'big' refused")));
    }

    static String apiKey(Accounts account) {
        return account.request()
                .get("/api/account")
                .then()
                .statusCode(200)
                .extract()
                .path("apiKey");
    }

    static void emit(Accounts account, String topic, int count, int size) {
        String secret = account.request().get("/api/account").then().extract().path("webhookSecret");
        io.restassured.RestAssured.given()
                .contentType(ContentType.JSON)
                .body(Map.of("topic", topic, "count", count, "size", size))
                .post("/trading/bot/" + secret + "/emit")
                .then()
                .statusCode(200);
    }

    static void flood(Accounts account, int count, int size) {
        String secret = account.request().get("/api/account").then().extract().path("webhookSecret");
        io.restassured.RestAssured.given()
                .contentType(ContentType.JSON)
                .body(Map.of("count", count, "size", size))
                .post("/trading/bot/" + secret + "/flood")
                .then()
                .statusCode(200);
    }

    static List<String> types(WsClient client) {
        return client.messages().stream()
                .map(PrivateStreamTest::parse)
                .map(m -> m.get("type").asText())
                .toList();
    }

    private static JsonNode parse(String message) {
        try {
            return JSON.readTree(message);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
