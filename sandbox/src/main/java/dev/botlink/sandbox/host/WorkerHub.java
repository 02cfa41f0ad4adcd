package dev.botlink.sandbox.host;

import dev.botlink.sandbox.protocol.Connection;
import dev.botlink.sandbox.protocol.ConnectionSettings;
import dev.botlink.sandbox.protocol.Frame;
import dev.botlink.sandbox.protocol.FrameListener;
import dev.botlink.sandbox.protocol.FrameType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The host end of the worker protocol: a TCP server that workers dial, authenticate to with a shared token and
 * keep open. It places bots on workers, forwards events and webhook calls to them, hands their calls to a
 * {@link HostHandler}, routes redis messages between an account's bots, and restarts a worker's bots when the
 * worker comes back without them (after a crash and restart). Thread-safe.
 */
public final class WorkerHub implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(WorkerHub.class.getName());

    private final HostHandler handler;
    private final byte[] token;
    private final ConnectionSettings settings;
    private final Map<String, Connection> workers = new ConcurrentHashMap<>();
    private final Map<String, Placement> placements = new ConcurrentHashMap<>();
    private final RedisRouter redis = new RedisRouter();
    private ServerSocket server;

    private record Placement(String workerId, BotSpec spec) {}

    public WorkerHub(HostHandler handler, String token, ConnectionSettings settings) {
        if (token == null || token.length() < 16) {
            throw new IllegalArgumentException("worker token must have at least 16 characters");
        }
        this.handler = handler;
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.settings = settings;
    }

    /** Listens on the loopback interface; port 0 picks a free port. Returns the bound address. */
    public InetSocketAddress start(int port) throws IOException {
        return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    public InetSocketAddress start(InetSocketAddress bind) throws IOException {
        server = new ServerSocket();
        server.bind(bind, 64);
        Thread.ofPlatform().daemon().name("worker-hub-accept").start(this::acceptLoop);
        return address();
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    public boolean isConnected(String workerId) {
        var connection = workers.get(workerId);
        return connection != null && connection.isOpen();
    }

    /** Places a bot on a worker and starts it there (now if connected, else when the worker says hello). */
    public void startBot(String workerId, BotSpec spec) throws IOException {
        placements.put(spec.botId(), new Placement(workerId, spec));
        var connection = workers.get(workerId);
        if (connection != null) {
            connection.send(Frame.of(FrameType.START_BOT, spec.botId(), spec.toBody()));
        }
    }

    /** Stops a bot and forgets its placement. Idempotent. */
    public void stopBot(String botId) throws IOException {
        var placement = placements.remove(botId);
        redis.forget(botId);
        if (placement != null) {
            var connection = workers.get(placement.workerId());
            if (connection != null) {
                connection.send(Frame.of(FrameType.STOP_BOT, botId, Map.of()));
            }
        }
    }

    /**
     * Sends a market or account event to a bot. Blocks while the worker's queue is full (back pressure) up to
     * the send timeout; returns false if the bot is not placed or its worker is unreachable.
     */
    public boolean deliver(String botId, String kind, String src, String sym, Map<String, Object> data) {
        var connection = connectionOf(botId);
        if (connection.isEmpty()) {
            return false;
        }
        try {
            connection
                    .get()
                    .send(Frame.of(FrameType.EVENT, botId, Map.of("kind", kind, "src", src, "sym", sym, "data", data)));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Calls a bot's {@code get_<route>} or {@code post_<route>} method with string arguments. */
    public CompletableFuture<WebhookResult> webhook(
            String botId, String method, String route, Map<String, String> args) {
        var connection = connectionOf(botId);
        if (connection.isEmpty()) {
            return CompletableFuture.completedFuture(new WebhookResult(null, "bot " + botId + " is not running"));
        }
        var body = Map.<String, Object>of("method", method, "route", route, "args", args);
        return connection
                .get()
                .request(Frame.of(FrameType.WEBHOOK, botId, body))
                .handle((reply, failure) -> {
                    if (failure != null) {
                        return new WebhookResult(null, "bot did not answer: " + failure.getMessage());
                    }
                    return new WebhookResult(
                            reply.body().get("result"),
                            reply.text("error"),
                            Boolean.TRUE.equals(reply.body().get("timeout")));
                });
    }

    /** Publishes on an account's redis channel, as an external client would. */
    public void redisPublish(String account, String channel, Object data) {
        for (String bot : redis.subscribers(account, channel)) {
            connectionOf(bot)
                    .ifPresent(c -> c.trySend(Frame.of(FrameType.REDIS_MESSAGE, bot, redisBody(channel, data))));
        }
    }

    private static Map<String, Object> redisBody(String channel, Object data) {
        var body = new java.util.HashMap<String, Object>();
        body.put("channel", channel);
        body.put("data", data);
        return body;
    }

    private Optional<Connection> connectionOf(String botId) {
        var placement = placements.get(botId);
        if (placement == null) {
            return Optional.empty();
        }
        var connection = workers.get(placement.workerId());
        return connection == null || !connection.isOpen() ? Optional.empty() : Optional.of(connection);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setSoTimeout(0);
                new Connection(socket, "hub-" + socket.getPort(), new Session(), settings).start();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.log(Level.WARNING, "accepting a worker failed", e);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            server.close();
        }
        workers.values().forEach(Connection::close);
    }

    /** The frames of one worker connection; unauthenticated until a HELLO with the right token. */
    private final class Session implements FrameListener {
        private volatile String workerId;

        @Override
        public void onFrame(Connection connection, Frame frame) {
            if (workerId == null) {
                hello(connection, frame);
                return;
            }
            if (frame.bot() == null || !isPlacedHere(frame.bot())) {
                rejectUnplaced(connection, frame);
                return;
            }
            dispatch(connection, frame);
        }

        private void hello(Connection connection, Frame frame) {
            String offered = frame.text("token");
            if (frame.type() != FrameType.HELLO
                    || offered == null
                    || !MessageDigest.isEqual(token, offered.getBytes(StandardCharsets.UTF_8))) {
                LOG.warning("worker rejected: first frame was not a HELLO with the right token");
                connection.close();
                return;
            }
            String id = frame.text("worker");
            var previous = workers.put(id, connection);
            if (previous != null && previous != connection) {
                previous.close();
            }
            workerId = id;
            connection.trySend(Frame.of(FrameType.WELCOME, null, Map.of("worker", id)));
            LOG.info(() -> "worker " + id + " connected, runtime " + frame.text("runtime"));
            restartMissingBots(connection, frame.body().get("bots"));
            handler.workerConnected(id);
        }

        private void restartMissingBots(Connection connection, Object running) {
            var alive = running instanceof List<?> list ? list : List.of();
            placements.forEach((bot, placement) -> {
                if (placement.workerId().equals(workerId) && !alive.contains(bot)) {
                    connection.trySend(
                            Frame.of(FrameType.START_BOT, bot, placement.spec().toBody()));
                }
            });
        }

        private boolean isPlacedHere(String bot) {
            var placement = placements.get(bot);
            return placement != null && placement.workerId().equals(workerId);
        }

        private void rejectUnplaced(Connection connection, Frame frame) {
            if (frame.type() == FrameType.CALL) {
                var error = Map.<String, Object>of("type", "api_error", "message", "bot is not placed on this worker");
                connection.trySend(
                        new Frame(FrameType.REPLY, frame.id(), frame.bot(), ExchangeResults.failure(null, error)));
            }
        }

        private void dispatch(Connection connection, Frame frame) {
            String bot = frame.bot();
            switch (frame.type()) {
                case CALL -> exchangeCall(connection, frame);
                case LOG -> handler.log(bot, frame.text("level"), frame.text("message"));
                case PUBLISH ->
                    handler.publish(bot, frame.text("topic"), frame.body().get("data"));
                case SIGNAL -> handler.signal(bot, frame.body());
                case BOT_STATE -> handler.botState(bot, frame.text("state"), frame.text("reason"));
                case REDIS_SUBSCRIBE ->
                    redis.subscribe(placements.get(bot).spec().account(), frame.text("channel"), bot);
                case REDIS_PUBLISH ->
                    redisPublish(
                            placements.get(bot).spec().account(),
                            frame.text("channel"),
                            frame.body().get("data"));
                default -> LOG.warning(() -> "worker " + workerId + " sent unexpected " + frame.type());
            }
        }

        private void exchangeCall(Connection connection, Frame frame) {
            CompletableFuture<Map<String, Object>> result;
            try {
                result = handler.exchangeCall(
                        frame.bot(), frame.text("method"), frame.text("venue"), ExchangeResults.args(frame.body()));
            } catch (RuntimeException e) {
                result = CompletableFuture.failedFuture(e);
            }
            result.whenComplete((body, failure) -> {
                var answer = failure == null ? body : ExchangeResults.failure(frame.text("venue"), failure);
                connection.trySend(new Frame(FrameType.REPLY, frame.id(), frame.bot(), answer));
            });
        }

        @Override
        public void onClosed(Connection connection, Throwable cause) {
            if (workerId != null && workers.remove(workerId, connection)) {
                handler.workerDisconnected(workerId, cause);
            }
        }
    }
}
