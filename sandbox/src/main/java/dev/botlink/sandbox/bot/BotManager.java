package dev.botlink.sandbox.bot;

import dev.botlink.sandbox.protocol.Frame;
import dev.botlink.sandbox.protocol.FrameType;
import dev.botlink.sandbox.protocol.MarketBatch;
import dev.botlink.sandbox.time.WallClock;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.graalvm.polyglot.Engine;

/**
 * The bots of one worker, all on one shared GraalPy engine (shared code and JIT warm-up). Thread-safe; every
 * method returns quickly (bot start and stop happen on the bot's own threads).
 */
public final class BotManager implements AutoCloseable {
    private final BotHost host;
    private final BotLimits limits;
    private final SpareContexts spares;
    private final Map<String, PythonBot> bots = new ConcurrentHashMap<>();
    private final Watchdog watchdog;

    public BotManager(Engine engine, BotHost host, BotLimits limits) {
        this.host = host;
        this.limits = limits;
        this.spares = new SpareContexts(engine, new ModuleSources(), limits.spareContexts());
        this.watchdog = new Watchdog(this::running, limits);
    }

    /**
     * Runs a small bot to completion of its start, so the engine has parsed the Python runtime and the first
     * user's bot starts fast; then starts preparing spare contexts. Returns whether the warm-up bot started within
     * the timeout.
     */
    public boolean warmUp(Duration timeout) throws InterruptedException {
        var started = new CountDownLatch(1);
        BotHost sink = new BotHost() {
            @Override
            public void send(Frame frame) {
                if (frame.type() == FrameType.BOT_STATE) {
                    started.countDown();
                }
            }

            @Override
            public boolean trySend(Frame frame) {
                return true;
            }

            @Override
            public CompletableFuture<Frame> request(Frame frame) {
                return CompletableFuture.failedFuture(new IOException("warm-up bots have no host"));
            }
        };
        var start = new BotStart("warm-up", "warm_up.py", WARM_UP_SCRIPT, Map.of(), new WallClock());
        var bot = new PythonBot(start, spares, sink, limits, stopped -> {});
        bot.start();
        boolean ok = started.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        bot.stopAsync("warm-up done", false);
        spares.start();
        return ok;
    }

    private static final String WARM_UP_SCRIPT = """
            import json, math, threading, time
            from profitview import Link, http, logger, cron

            class Trading(Link):
                def quote_update(self, src, sym, data):
                    logger.debug(json.dumps(data))

                @http.route
                def get_state(self, data):
                    return {'now': self.epoch_now, 'bin': self.candle_bin(self.epoch_now, '1m')}
            """;

    /** Starts a bot unless one with that id runs already (a restart after reconnect is then a no-op). */
    public void start(BotStart start) {
        spares.start();
        bots.computeIfAbsent(start.botId(), id -> {
            var bot = new PythonBot(start, spares, host, limits, stopped -> bots.remove(stopped.id(), stopped));
            bot.start();
            return bot;
        });
    }

    public void stop(String botId, String reason) {
        find(botId).ifPresent(bot -> bot.stopAsync(reason, false));
    }

    public void deliver(String botId, String kind, String src, String sym, Object data) {
        find(botId).ifPresent(bot -> bot.deliver(kind, src, sym, data));
    }

    /** Queues a market batch for its bot; dropped when the bot is not (or no longer) on this worker. */
    public void deliverMarket(MarketBatch batch) {
        find(batch.bot()).ifPresent(bot -> bot.deliverMarket(batch));
    }

    /**
     * Runs a STEP request for a simulated-time bot (on the bot's own step thread); {@code reply} receives the reply
     * body {processed, now, state, cut} or {error}.
     */
    public void step(String botId, Object points, Consumer<Map<String, Object>> reply) {
        find(botId)
                .ifPresentOrElse(
                        bot -> bot.step(points, reply),
                        () -> reply.accept(Map.of("error", "bot " + botId + " is not running on this worker")));
    }

    /** Quotes and trades the host may have in flight per bot (each bot's queue holds that many). */
    public int marketWindow() {
        return limits.eventQueue();
    }

    public void redis(String botId, String channel, Object data) {
        find(botId).ifPresent(bot -> bot.redis(channel, data));
    }

    /** Runs a webhook; {@code reply} receives JSON text {result} or {error}. */
    public void webhook(String botId, String method, String route, Object args, Consumer<String> reply) {
        find(botId)
                .ifPresentOrElse(
                        bot -> bot.webhook(method, route, args, reply),
                        () -> reply.accept("{\"error\":\"bot " + botId
                                + " is not running on this worker\",\"code\":\"not_running\"}"));
    }

    /** Ids of the bots that are starting or running. */
    public List<String> botIds() {
        return List.copyOf(bots.keySet());
    }

    private Optional<PythonBot> find(String botId) {
        return Optional.ofNullable(botId == null ? null : bots.get(botId));
    }

    private List<PythonBot> running() {
        return List.copyOf(bots.values());
    }

    @Override
    public void close() {
        watchdog.close();
        spares.close();
        bots.values().forEach(bot -> bot.stopAsync("the worker is shutting down", false));
    }
}
