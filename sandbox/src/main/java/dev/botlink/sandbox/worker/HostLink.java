package dev.botlink.sandbox.worker;

import dev.botlink.sandbox.bot.BotHost;
import dev.botlink.sandbox.bot.BotManager;
import dev.botlink.sandbox.bot.BotStart;
import dev.botlink.sandbox.check.SyntaxCheck;
import dev.botlink.sandbox.protocol.Connection;
import dev.botlink.sandbox.protocol.ConnectionSettings;
import dev.botlink.sandbox.protocol.Frame;
import dev.botlink.sandbox.protocol.FrameCodec;
import dev.botlink.sandbox.protocol.FrameListener;
import dev.botlink.sandbox.protocol.FrameType;
import dev.botlink.sandbox.protocol.MarketBatch;
import dev.botlink.sandbox.time.BotClock;
import dev.botlink.sandbox.time.SimulatedClock;
import dev.botlink.sandbox.time.WallClock;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;

/**
 * The worker's end of the connection: dials the host, says hello with its token and running bots, turns host
 * commands into bot actions, and redials with growing pauses when the connection drops. Bots keep running
 * while disconnected; their calls fail fast until the host is back.
 */
final class HostLink implements BotHost, FrameListener {
    private static final Logger LOG = Logger.getLogger(HostLink.class.getName());

    private final WorkerOptions options;
    private final String runtime;
    private final ConnectionSettings settings = ConnectionSettings.defaults();
    private final WallClock clock = new WallClock();
    private volatile Connection connection;
    private volatile CountDownLatch closed = new CountDownLatch(1);
    private BotManager bots;
    private volatile SyntaxCheck checks;

    HostLink(WorkerOptions options, String runtime) {
        this.options = options;
        this.runtime = runtime;
    }

    void attach(BotManager manager) {
        this.bots = manager;
    }

    void attach(SyntaxCheck syntaxCheck) {
        this.checks = syntaxCheck;
    }

    /** Keeps a connection to the host; returns when the host has been unreachable for too long. */
    void runUntilGivenUp() throws InterruptedException {
        long unreachableSince = System.nanoTime();
        long pauseMillis = 100;
        while (System.nanoTime() - unreachableSince < options.giveUpAfter().toNanos()) {
            try {
                connect();
                closed.await();
                unreachableSince = System.nanoTime();
                pauseMillis = 100;
            } catch (IOException e) {
                LOG.fine(() -> "host " + options.host() + " unreachable: " + e.getMessage());
            }
            Thread.sleep(Duration.ofMillis(pauseMillis));
            pauseMillis = Math.min(5000, pauseMillis * 2);
        }
    }

    private void connect() throws IOException {
        var socket = new Socket();
        socket.connect(options.host(), 5000);
        closed = new CountDownLatch(1);
        var opened = new Connection(socket, "worker-" + options.workerId(), this, settings).start();
        var hello = new HashMap<String, Object>();
        hello.put("token", options.token());
        hello.put("worker", options.workerId());
        hello.put("runtime", runtime);
        hello.put("bots", bots.botIds());
        hello.put("market_window", bots.marketWindow());
        opened.send(Frame.of(FrameType.HELLO, null, hello));
        connection = opened;
        LOG.info(() -> "connected to host " + options.host());
    }

    @Override
    public void onFrame(Connection from, Frame frame) {
        String bot = frame.bot();
        Map<String, Object> body = frame.body();
        switch (frame.type()) {
            case WELCOME -> LOG.info("host accepted worker " + options.workerId());
            case START_BOT -> bots.start(startOf(frame));
            case STOP_BOT -> bots.stop(bot, "stopped by the platform");
            case EVENT -> bots.deliver(bot, frame.text("kind"), frame.text("src"), frame.text("sym"), body.get("data"));
            case REDIS_MESSAGE -> bots.redis(bot, frame.text("channel"), body.get("data"));
            case WEBHOOK ->
                bots.webhook(bot, frame.text("method"), frame.text("route"), body.get("args"), json -> {
                    var reply = new HashMap<String, Object>(
                            FrameCodec.parseObject(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                    from.trySend(new Frame(FrameType.REPLY, frame.id(), bot, reply));
                });
            case CHECK -> check(from, frame);
            case STEP ->
                bots.step(bot, body.get("points"), reply -> {
                    try {
                        from.send(new Frame(FrameType.REPLY, frame.id(), bot, new HashMap<>(reply)));
                    } catch (IOException e) {
                        LOG.warning(() -> "could not answer a step of bot " + bot + ": " + e.getMessage());
                    }
                });
            default -> LOG.warning(() -> "unexpected frame from host: " + frame.type());
        }
    }

    /** Parses off the connection's reader thread; the parse is capped in size and time by {@link SyntaxCheck}. */
    private void check(Connection from, Frame frame) {
        Thread.ofVirtual().name("syntax-check").start(() -> {
            SyntaxCheck current = checks;
            Map<String, Object> reply = current == null
                    ? Map.of("error", "this worker does not check syntax")
                    : current.reply(frame.text("file"), frame.text("source"));
            from.trySend(new Frame(FrameType.REPLY, frame.id(), null, new HashMap<>(reply)));
        });
    }

    @Override
    public void onMarket(Connection from, MarketBatch batch) {
        bots.deliverMarket(batch);
    }

    @SuppressWarnings("unchecked")
    private BotStart startOf(Frame frame) {
        Object settingsValue = frame.body().get("settings");
        Map<String, Object> botSettings = settingsValue instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        BotClock botClock = frame.body().get("simulatedStart") instanceof Number start
                ? new SimulatedClock(start.longValue())
                : clock;
        return new BotStart(frame.bot(), frame.text("file"), frame.text("source"), botSettings, botClock);
    }

    @Override
    public void onClosed(Connection which, Throwable cause) {
        LOG.warning(() -> "connection to host lost" + (cause == null ? "" : ": " + cause.getMessage()));
        closed.countDown();
    }

    @Override
    public void send(Frame frame) throws IOException {
        Connection current = connection;
        if (current == null || !current.isOpen()) {
            throw new IOException("not connected to the platform");
        }
        current.send(frame);
    }

    @Override
    public boolean trySend(Frame frame) {
        Connection current = connection;
        return current != null && current.trySend(frame);
    }

    @Override
    public boolean offer(Frame frame) {
        Connection current = connection;
        return current != null && current.offer(frame);
    }

    @Override
    public CompletableFuture<Frame> request(Frame frame) {
        Connection current = connection;
        if (current == null || !current.isOpen()) {
            return CompletableFuture.failedFuture(new IOException("not connected to the platform"));
        }
        return current.request(frame);
    }
}
