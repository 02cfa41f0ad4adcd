package dev.botlink.sandbox.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.botlink.sandbox.testing.WorkerFixture;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** self.redis between two bots of one account, and from an outside publisher. */
class RedisPubSubTest {
    final WorkerFixture worker = WorkerFixture.shared();

    @Test
    @SuppressWarnings("unchecked")
    void botsOfAnAccountTalkOverChannels() {
        String listener = worker.startRunning("""
                from profitview import Link, http

                class Trading(Link):
                    def __init__(self):
                        super().__init__()
                        self.got = []
                        self.redis.subscribe({'prices': self.on_price, 'raw': lambda message: self.got.append(message)})

                    def on_price(self, channel, data):
                        self.got.append([channel, data])

                    @http.route
                    def get_got(self, data):
                        return self.got
                """);
        String talker = worker.startRunning("""
                from profitview import Link, http

                class Signals(Link):
                    @http.route
                    def post_say(self, data):
                        return self.redis.publish('prices', {'mid': float(data['mid'])})
                """);
        assertThat(worker.hub
                        .webhook(talker, "POST", "say", Map.of("mid", "30000.5"))
                        .join()
                        .result())
                .isEqualTo(1);
        worker.hub.redisPublish("account-1", "raw", "from outside");
        worker.hub.redisPublish("another-account", "prices", "not for us");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat((List<Object>) worker.hub
                        .webhook(listener, "GET", "got", Map.of())
                        .join()
                        .result())
                .containsExactlyInAnyOrder(
                        List.of("prices", Map.of("mid", new BigDecimal("30000.5"))),
                        Map.of("type", "message", "channel", "raw", "data", "from outside")));
    }
}
