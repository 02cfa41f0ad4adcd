package dev.botlink.sandbox.host;

import dev.botlink.sandbox.protocol.Connection;
import dev.botlink.sandbox.protocol.ConnectionSettings;
import dev.botlink.sandbox.protocol.Frame;
import dev.botlink.sandbox.protocol.FrameCodec;
import dev.botlink.sandbox.protocol.FrameListener;
import dev.botlink.sandbox.protocol.FrameType;
import dev.botlink.sandbox.protocol.MarketEvent;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
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
    /** Per bot: quotes and trades sent but not yet consumed, and whether the worker reported it stopped. */
    private final Map<String, MarketFlow> flows = new ConcurrentHashMap<>();
    /** Per worker: the market window its HELLO announced. */
    private final Map<String, Integer> windows = new ConcurrentHashMap<>();

    private ServerSocket server;

    private record Placement(String workerId, BotSpec spec) {}

    private static final class MarketFlow {
        final AtomicLong inFlight = new AtomicLong();
        volatile boolean stopped;
    }

    /** Quotes and trades a bot may have in flight when its worker did not say (the worker's default queue). */
    static final int DEFAULT_MARKET_WINDOW = 10_000;

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
        flows.put(spec.botId(), new MarketFlow());
        var connection = workers.get(workerId);
        if (connection != null) {
            connection.send(Frame.of(FrameType.START_BOT, spec.botId(), spec.toBody()));
        }
    }

    /** Stops a bot and forgets its placement. Idempotent. */
    public void stopBot(String botId) throws IOException {
        var placement = placements.remove(botId);
        flows.remove(botId);
        redis.forget(botId);
        if (placement != null) {
            var connection = workers.get(placement.workerId());
            if (connection != null) {
                connection.send(Frame.of(FrameType.STOP_BOT, botId, Map.of()));
            }
        }
    }

    /**
     * Sends a market or account event to a bot; never waits for a slow bot. Quotes and trades travel in binary
     * market batches (when their data has ProfitView's shape) and count against the bot's window: the worker
     * credits them back as the bot consumes them, and while a window is full they are refused with
     * {@link Delivery#BOT_BEHIND}. Other events (order, fill, position, candles) are never refused for lag. Waits
     * only while the worker connection itself is congested, up to the send timeout ({@link Delivery#UNAVAILABLE}).
     */
    public Delivery deliver(String botId, String kind, String src, String sym, Map<String, Object> data) {
        var flow = flows.get(botId);
        var placement = placements.get(botId);
        var connection = connectionOf(botId);
        if (flow == null
                || flow.stopped
                || placement == null
                || placement.spec().isSimulated()
                || connection.isEmpty()) {
            return Delivery.UNAVAILABLE;
        }
        boolean market = kind.equals("quote") || kind.equals("trade");
        if (market
                && flow.inFlight.incrementAndGet()
                        > windows.getOrDefault(placement.workerId(), DEFAULT_MARKET_WINDOW)) {
            flow.inFlight.decrementAndGet();
            return Delivery.BOT_BEHIND;
        }
        try {
            MarketEvent event = market ? MarketEvent.of(kind, src, sym, data) : null;
            if (event != null) {
                connection.get().sendMarket(botId, event);
            } else {
                connection.get().send(Frame.of(FrameType.EVENT, botId, eventBody(kind, src, sym, data)));
            }
            return Delivery.QUEUED;
        } catch (IOException e) {
            if (market) {
                flow.inFlight.decrementAndGet();
            }
            return Delivery.UNAVAILABLE;
        }
    }

    /** Most points one {@link #step} may carry. */
    public static final int MAX_STEP_POINTS = 10_000;

    /** Most events (over all points) one {@link #step} may carry. */
    public static final int MAX_STEP_EVENTS = 100_000;

    /**
     * Longest the hub waits for a worker's answer to a step. The worker fails a step much earlier when the bot does
     * not settle (its callback budget per wait, 5 s by default); keep steps well under this (hundreds to a few
     * thousand points).
     */
    public static final Duration STEP_TIMEOUT = Duration.ofMinutes(10);

    /**
     * Drives a bot in simulated-time mode (started with {@link BotSpec#simulated}) through {@code points}, strictly
     * ascending in time and not before the bot's current simulated time. For each point the worker moves the
     * bot's clock to it, running every timer, cron job, delay_thread and simulated sleep due until then in due
     * order (each to quiescence), then delivers the point's events in order through the live callbacks and waits
     * until the bot is quiescent: its event queue empty, no callback running, every pool thread idle or parked in
     * a simulated wait, every CALL it made answered. A CALL reply marked with {@link ExchangeResults#cut} ends the
     * step after the point in progress.
     *
     * <p>The future fails (with an {@link IllegalArgumentException} for bad input, an {@link IllegalStateException}
     * otherwise, its message saying why) when the bot is not placed, live, stopped or stops during the step, when
     * another step of the bot is in progress, or when the bot does not settle within its wall-clock budget (the
     * worker then stops the bot with the same reason in its log). At most {@link #MAX_STEP_POINTS} points and
     * {@link #MAX_STEP_EVENTS} events per step, {@link StepPoint#MAX_EVENTS} per point. Never blocks the caller.
     */
    public CompletableFuture<StepResult> step(String botId, List<StepPoint> points) {
        var placement = placements.get(botId);
        if (placement == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("bot " + botId + " is not placed"));
        }
        if (!placement.spec().isSimulated()) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException("bot " + botId + " runs live: only a simulated-time bot can be stepped"));
        }
        var flow = flows.get(botId);
        if (flow == null || flow.stopped) {
            return CompletableFuture.failedFuture(new IllegalStateException("bot " + botId + " is not running"));
        }
        Object body;
        try {
            body = stepBody(points);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        var connection = connectionOf(botId);
        if (connection.isEmpty()) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException("the worker of bot " + botId + " is not connected"));
        }
        @SuppressWarnings("unchecked")
        var frame = Frame.of(FrameType.STEP, botId, (Map<String, Object>) body);
        try {
            FrameCodec.encode(frame);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "the step is too large to send (" + e.getMessage() + "): send fewer points per step", e));
        }
        CompletableFuture<Frame> reply = connection.get().request(frame, STEP_TIMEOUT);
        return reply.handle((answer, failure) -> {
            if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                String why = cause instanceof java.util.concurrent.TimeoutException
                        ? "no answer within " + STEP_TIMEOUT.toMinutes() + " minutes"
                        : String.valueOf(cause.getMessage());
                throw new java.util.concurrent.CompletionException(
                        new IllegalStateException("step of bot " + botId + " failed: " + why, cause));
            }
            String error = answer.text("error");
            if (error != null) {
                throw new java.util.concurrent.CompletionException(new IllegalStateException(error));
            }
            return new StepResult(
                    ((Number) answer.body().get("processed")).intValue(),
                    ((Number) answer.body().get("now")).longValue(),
                    answer.text("state"),
                    Boolean.TRUE.equals(answer.body().get("cut")));
        });
    }

    private static Map<String, Object> stepBody(List<StepPoint> points) {
        if (points == null || points.isEmpty()) {
            throw new IllegalArgumentException("a step needs at least one point");
        }
        if (points.size() > MAX_STEP_POINTS) {
            throw new IllegalArgumentException(
                    "a step carries at most " + MAX_STEP_POINTS + " points, not " + points.size());
        }
        var encoded = new java.util.ArrayList<Object>(points.size());
        long previous = Long.MIN_VALUE;
        int events = 0;
        for (StepPoint point : points) {
            if (point.epochMicros() <= previous) {
                throw new IllegalArgumentException("step points must be strictly ascending in time: "
                        + point.epochMicros() + " follows " + previous);
            }
            previous = point.epochMicros();
            events += point.events().size();
            if (events > MAX_STEP_EVENTS) {
                throw new IllegalArgumentException("a step carries at most " + MAX_STEP_EVENTS + " events");
            }
            var list = new java.util.ArrayList<Object>(point.events().size());
            for (StepEvent event : point.events()) {
                list.add(eventBody(event.kind(), event.src(), event.sym(), event.data()));
            }
            encoded.add(Map.of("t", point.epochMicros(), "events", list));
        }
        var body = new java.util.HashMap<String, Object>();
        body.put("points", encoded);
        return body;
    }

    private static Map<String, Object> eventBody(String kind, String src, String sym, Map<String, Object> data) {
        var body = new java.util.HashMap<String, Object>();
        body.put("kind", kind);
        body.put("src", src);
        body.put("sym", sym);
        body.put("data", data);
        return body;
    }

    /** Quotes and trades sent to a bot that it has not consumed yet (for monitoring and tests). */
    public long marketInFlight(String botId) {
        var flow = flows.get(botId);
        return flow == null ? 0 : flow.inFlight.get();
    }

    /**
     * Calls a bot's {@code get_<route>} or {@code post_<route>} method with JSON-able arguments (strings from a query
     * string or form, any JSON values from a JSON body).
     */
    public CompletableFuture<WebhookResult> webhook(String botId, String method, String route, Map<String, ?> args) {
        var connection = connectionOf(botId);
        if (connection.isEmpty()) {
            return CompletableFuture.completedFuture(
                    new WebhookResult(null, "bot " + botId + " is not running", WebhookResult.NOT_RUNNING));
        }
        var body = Map.<String, Object>of("method", method, "route", route, "args", args);
        return connection
                .get()
                .request(Frame.of(FrameType.WEBHOOK, botId, body))
                .handle((reply, failure) -> {
                    if (failure != null) {
                        return new WebhookResult(
                                null, "bot did not answer: " + failure.getMessage(), WebhookResult.UNREACHABLE);
                    }
                    return new WebhookResult(reply.body().get("result"), reply.text("error"), reply.text("code"));
                });
    }

    /**
     * Asks a connected worker to parse a script without running it (see {@link FrameType#CHECK}). The future
     * holds the reply body, or fails when no worker is connected or none answers in time.
     */
    public CompletableFuture<Map<String, Object>> check(String file, String source) {
        var connection = workers.values().stream().filter(Connection::isOpen).findAny();
        if (connection.isEmpty()) {
            return CompletableFuture.failedFuture(new IOException("no sandbox worker is connected yet"));
        }
        var body = new java.util.HashMap<String, Object>();
        body.put("file", file);
        body.put("source", source);
        return connection.get().request(Frame.of(FrameType.CHECK, null, body)).thenApply(Frame::body);
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
            if (frame.body().get("market_window") instanceof Number window && window.intValue() > 0) {
                windows.put(id, window.intValue());
            }
            resetFlows(id);
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

        /** After a (re)connect the worker's queues are unknown: start every window of its bots afresh. */
        private void resetFlows(String id) {
            placements.forEach((bot, placement) -> {
                var flow = flows.get(bot);
                if (placement.workerId().equals(id) && flow != null) {
                    flow.inFlight.set(0);
                    flow.stopped = false;
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
                case BOT_STATE -> {
                    if (frame.body().get("routes") instanceof List<?> routes) {
                        handler.botRoutes(
                                bot, routes.stream().map(String::valueOf).toList());
                    }
                    botState(bot, frame.text("state"), frame.text("reason"));
                }
                case CREDIT -> credit(bot, frame.body().get("events"));
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

        private void botState(String bot, String state, String reason) {
            var flow = flows.get(bot);
            if (flow != null) {
                flow.stopped = !"running".equals(state);
            }
            handler.botState(bot, state, reason);
        }

        private void credit(String bot, Object events) {
            var flow = flows.get(bot);
            if (flow != null && events instanceof Number n && n.longValue() > 0) {
                flow.inFlight.updateAndGet(v -> Math.max(0, v - n.longValue()));
            }
        }

        private void exchangeCall(Connection connection, Frame frame) {
            CompletableFuture<Map<String, Object>> result;
            try {
                Long simulated = frame.body().get("simTime") instanceof Number n ? n.longValue() : null;
                result = handler.exchangeCallAt(
                        frame.bot(),
                        frame.text("method"),
                        frame.text("venue"),
                        ExchangeResults.args(frame.body()),
                        simulated);
            } catch (RuntimeException e) {
                result = CompletableFuture.failedFuture(e);
            }
            result.whenComplete((body, failure) -> {
                var answer = failure == null ? body : ExchangeResults.failure(frame.text("venue"), failure);
                connection.offer(new Frame(FrameType.REPLY, frame.id(), frame.bot(), answer));
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
