package dev.botlink.platform.bench;

import static org.awaitility.Awaitility.await;

import dev.botlink.platform.account.Accounts;
import dev.botlink.platform.bot.RunningBots;
import dev.botlink.platform.stream.WsClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Webhook round trips through a Python handler and publish fan-out to 100 feed connections, each beside a baseline
 * measured in the same run. Prints results; asserts nothing about speed. Run:
 * {@code ./botlink mvn -B -pl platform -am test -Dtest=FeedsBenchmark -Dbotlink.bench=true
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
@TestProfile(FeedsBenchmark.Unthrottled.class)
@EnabledIfSystemProperty(named = "botlink.bench", matches = "true")
class FeedsBenchmark {

    /** The benchmark measures the path, not the per-account request budget. */
    public static class Unthrottled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "botlink.webhooks.rate-per-second", "1000000",
                    "botlink.webhooks.burst", "1000000",
                    "botlink.stream.max-connections-per-account", "200",
                    "botlink.stream.buffer-chars", "50000000");
        }
    }

    static final String BOT = """
            import threading
            from profitview import Link, http

            class Trading(Link):
            \t@http.route
            \tdef get_ping(self, data):
            \t\treturn {'pong': data.get('n')}

            \t@http.route
            \tdef post_burst(self, data):
            \t\tthreading.Thread(target=self.burst, args=(int(data['count']),)).start()
            \t\treturn 'started'

            \tdef burst(self, count):
            \t\tfor i in range(count):
            \t\t\tself.publish('tick', {'n': i, 'price': 30000.5})
            \t\tself.publish('end', {})
            """;

    @Test
    void webhookRoundTripsAndFanOut() throws Exception {
        Accounts account = Accounts.signUpFresh();
        RunningBots.start(account, "bench/bot.py", BOT);
        String secret = account.request().get("/api/account").then().extract().path("webhookSecret");
        String key = account.request().get("/api/account").then().extract().path("apiKey");
        String base = "http://127.0.0.1:" + RestAssured.port;
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        URI webhook = URI.create(base + "/trading/bot/" + secret + "/ping?n=1");
        URI baseline = URI.create(base + "/api/system");
        latencies(http, webhook, 3_000);
        latencies(http, baseline, 3_000);
        for (int round = 1; round <= 3; round++) {
            report("webhook GET ping (Python handler)", latencies(http, webhook, 5_000));
            report("baseline GET /api/system (no bot)", latencies(http, baseline, 5_000));
        }

        for (int connections : new int[] {1, 100}) {
            List<WsClient> clients = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                clients.add(WsClient.connectCounting("/stream?token=" + key));
            }
            for (int round = 1; round <= 3; round++) {
                int count = 20_000;
                clients.forEach(WsClient::resetCount);
                long start = System.nanoTime();
                RestAssured.given()
                        .contentType("application/json")
                        .body(Map.of("count", count))
                        .post("/trading/bot/" + secret + "/burst")
                        .then()
                        .statusCode(200);
                await().atMost(Duration.ofMinutes(5))
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> clients.stream().allMatch(c -> c.lastIs("{\"type\":\"end\",\"data\":{}}")));
                double seconds = (System.nanoTime() - start) / 1e9;
                long delivered = clients.stream().mapToLong(WsClient::count).sum();
                System.out.printf(
                        "BENCH fan-out to %d connections: %d publishes, %d messages delivered in %.2f s = %.0f msgs/s%n",
                        connections, count + 1, delivered, seconds, delivered / seconds);
            }
            clients.forEach(WsClient::close);
        }
    }

    private static long[] latencies(HttpClient http, URI uri, int requests) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).GET().build();
        long[] nanos = new long[requests];
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            nanos[i] = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
            }
        }
        return nanos;
    }

    private static void report(String what, long[] nanos) {
        long total = Arrays.stream(nanos).sum();
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(
                "BENCH %s: %d requests, p50 %.2f ms, p99 %.2f ms, %.0f requests/s (one client, sequential)%n",
                what,
                nanos.length,
                sorted[nanos.length / 2] / 1e6,
                sorted[(int) (nanos.length * 0.99)] / 1e6,
                nanos.length / (total / 1e9));
    }
}
