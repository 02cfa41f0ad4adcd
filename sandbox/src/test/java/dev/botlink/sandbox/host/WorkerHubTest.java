package dev.botlink.sandbox.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.botlink.sandbox.protocol.Connection;
import dev.botlink.sandbox.protocol.ConnectionSettings;
import dev.botlink.sandbox.protocol.Frame;
import dev.botlink.sandbox.protocol.FrameListener;
import dev.botlink.sandbox.protocol.FrameType;
import dev.botlink.sandbox.protocol.MarketBatch;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The hub over real sockets, with a hand-driven worker end (no GraalPy). */
class WorkerHubTest {
    static final String TOKEN = "0123456789abcdef-token";

    final List<String> logs = new CopyOnWriteArrayList<>();
    final List<Frame> toWorker = new CopyOnWriteArrayList<>();
    final List<String> arrivals = new CopyOnWriteArrayList<>();
    final AtomicBoolean workerClosed = new AtomicBoolean();
    WorkerHub hub;

    final HostHandler handler = new HostHandler() {
        public CompletableFuture<Map<String, Object>> exchangeCall(
                String bot, String method, String venue, Map<String, Object> args) {
            return CompletableFuture.completedFuture(ExchangeResults.success("bitmex", venue, args, Map.of()));
        }

        public void log(String bot, String level, String message) {
            logs.add(bot + " " + level + " " + message);
        }

        public void publish(String bot, String topic, Object data) {}

        public void signal(String bot, Map<String, Object> signal) {}

        public void botState(String bot, String state, String reason) {}
    };

    Connection dial(ConnectionSettings settings) throws Exception {
        var address = hub.address();
        var socket = new Socket(address.getAddress(), address.getPort());
        return new Connection(
                        socket,
                        "test-worker",
                        new FrameListener() {
                            public void onFrame(Connection c, Frame frame) {
                                toWorker.add(frame);
                                if (frame.type() == FrameType.EVENT) {
                                    arrivals.add(frame.text("kind"));
                                }
                            }

                            public void onMarket(Connection c, MarketBatch batch) {
                                for (int i = 0; i < batch.size(); i++) {
                                    arrivals.add(batch.callbackName(i));
                                }
                            }

                            public void onClosed(Connection c, Throwable cause) {
                                workerClosed.set(true);
                            }
                        },
                        settings)
                .start();
    }

    @AfterEach
    void close() throws Exception {
        hub.close();
    }

    @Test
    void aWorkerWithTheWrongTokenIsDisconnected() throws Exception {
        hub = new WorkerHub(handler, TOKEN, ConnectionSettings.defaults());
        hub.start(0);
        var worker = dial(ConnectionSettings.defaults());
        worker.send(Frame.of(FrameType.HELLO, null, Map.of("token", "wrong-token-wrong-token", "worker", "w1")));
        await().atMost(Duration.ofSeconds(10)).untilTrue(workerClosed);
        assertThat(hub.isConnected("w1")).isFalse();
    }

    @Test
    void placedBotsAreStartedOnHelloAndOnlyTheirFramesAreAccepted() throws Exception {
        hub = new WorkerHub(handler, TOKEN, ConnectionSettings.defaults());
        hub.start(0);
        hub.startBot("w1", new BotSpec("bot-1", "acct", "a.py", "x = 1", Map.of()));
        var worker = dial(ConnectionSettings.defaults());
        worker.send(Frame.of(FrameType.HELLO, null, Map.of("token", TOKEN, "worker", "w1", "bots", List.of())));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> toWorker.stream().anyMatch(f -> f.type() == FrameType.START_BOT));
        assertThat(toWorker).extracting(Frame::type).containsExactly(FrameType.WELCOME, FrameType.START_BOT);
        assertThat(toWorker.get(1).body()).containsEntry("source", "x = 1").containsEntry("file", "a.py");

        worker.send(Frame.of(FrameType.LOG, "bot-1", Map.of("level", "INFO", "message", "hello")));
        worker.send(Frame.of(FrameType.LOG, "someone-else", Map.of("level", "INFO", "message", "spoofed")));
        Frame reply = worker.request(Frame.of(
                        FrameType.CALL,
                        "bot-1",
                        Map.of("method", "fetch_positions", "venue", "BitMEX", "args", Map.of("a", 1))))
                .get();
        assertThat(reply.body()).containsEntry("venue", "BitMEX").containsEntry("data", Map.of("a", 1));
        Frame refused = worker.request(
                        Frame.of(FrameType.CALL, "someone-else", Map.of("method", "fetch_positions", "venue", "X")))
                .get();
        assertThat(refused.body().get("error"))
                .isEqualTo(Map.of("type", "api_error", "message", "bot is not placed on this worker"));
        assertThat(logs).containsExactly("bot-1 INFO hello");
    }

    @Test
    void aSilentPeerIsDisconnectedByTheHeartbeatCheck() throws Exception {
        var fast = new ConnectionSettings(
                16, Duration.ofSeconds(1), Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1), 4);
        hub = new WorkerHub(handler, TOKEN, fast);
        hub.start(0);
        // A raw socket that says nothing: the hub closes it once it has been silent too long (reading then
        // ends with end-of-stream instead of timing out).
        try (var silent = new Socket(hub.address().getAddress(), hub.address().getPort())) {
            silent.setSoTimeout(10_000);
            silent.getInputStream().readAllBytes();
        }
        var worker = dial(fast);
        worker.send(Frame.of(FrameType.HELLO, null, Map.of("token", TOKEN, "worker", "w2")));
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.isConnected("w2"));
    }

    @Test
    void quotesStayWithinTheBotsWindowUntilTheWorkerCreditsThemBack() throws Exception {
        hub = new WorkerHub(handler, TOKEN, ConnectionSettings.defaults());
        hub.start(0);
        hub.startBot("w3", new BotSpec("bot-1", "acct", "a.py", "x = 1", Map.of()));
        var worker = dial(ConnectionSettings.defaults());
        worker.send(Frame.of(
                FrameType.HELLO,
                null,
                Map.of("token", TOKEN, "worker", "w3", "bots", List.of("bot-1"), "market_window", 3)));
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.isConnected("w3"));
        Map<String, Object> quote = Map.of("bid", List.of(1.0, 2.0), "ask", List.of(1.5, 3.0), "time", 1L);

        for (int i = 0; i < 3; i++) {
            assertThat(hub.deliver("bot-1", "quote", "bitmex", "XBTUSD", quote)).isEqualTo(Delivery.QUEUED);
        }
        assertThat(hub.deliver("bot-1", "quote", "bitmex", "XBTUSD", quote)).isEqualTo(Delivery.BOT_BEHIND);
        assertThat(hub.deliver("bot-1", "fill", "bitmex", "XBTUSD", Map.of("fill_size", 1.0)))
                .as("private events are never refused for lag")
                .isEqualTo(Delivery.QUEUED);
        assertThat(hub.marketInFlight("bot-1")).isEqualTo(3);

        worker.send(Frame.of(FrameType.CREDIT, "bot-1", Map.of("events", 2)));
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.marketInFlight("bot-1") == 1);
        assertThat(hub.deliver("bot-1", "quote", "bitmex", "XBTUSD", quote)).isEqualTo(Delivery.QUEUED);
        await().atMost(Duration.ofSeconds(10)).until(() -> arrivals.size() == 5);
        assertThat(arrivals)
                .as("each bot's events arrive in the order they were delivered")
                .containsExactly("quote_update", "quote_update", "quote_update", "fill", "quote_update");

        worker.send(Frame.of(FrameType.BOT_STATE, "bot-1", Map.of("state", "failed", "reason", "test")));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> hub.deliver("bot-1", "fill", "bitmex", "XBTUSD", Map.of()) == Delivery.UNAVAILABLE);
    }
}
