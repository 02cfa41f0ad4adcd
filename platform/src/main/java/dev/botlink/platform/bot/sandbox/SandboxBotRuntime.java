package dev.botlink.platform.bot.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.botlink.platform.backtest.SimulatedBots;
import dev.botlink.platform.bot.Bot;
import dev.botlink.platform.bot.BotActivity;
import dev.botlink.platform.bot.BotExchangeCalls;
import dev.botlink.platform.bot.BotLogWriter;
import dev.botlink.platform.bot.BotRuntime;
import dev.botlink.platform.bot.BotRuntimeEvents;
import dev.botlink.platform.bot.BotWebhooks;
import dev.botlink.platform.marketdata.runtime.SimulatedMarketRuntime;
import dev.botlink.sandbox.host.BotSpec;
import dev.botlink.sandbox.host.Delivery;
import dev.botlink.sandbox.host.ExchangeResults;
import dev.botlink.sandbox.host.HostHandler;
import dev.botlink.sandbox.host.StepPoint;
import dev.botlink.sandbox.host.StepResult;
import dev.botlink.sandbox.host.WebhookResult;
import dev.botlink.sandbox.host.WorkerHub;
import dev.botlink.sandbox.host.WorkerLauncher;
import dev.botlink.sandbox.host.WorkerSupervisor;
import dev.botlink.sandbox.protocol.ConnectionSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs bots in local sandbox worker processes: a {@link WorkerHub} on loopback that the workers dial, one
 * {@link WorkerSupervisor} per worker (a dead worker is started again and the hub restarts its bots), and placement on
 * the worker with the fewest bots. Workers start with the first bot, so a platform without running bots runs no
 * Python at all.
 */
@Singleton
public class SandboxBotRuntime implements BotRuntime, BotWebhooks, HostHandler {

    private static final Logger LOG = Logger.getLogger(SandboxBotRuntime.class);

    private final SandboxConfig config;
    private final Provider<BotRuntimeEvents> events;
    private final Provider<BotExchangeCalls> exchange;
    private final Event<BotActivity.Published> published;
    private final Event<BotActivity.RoutesReported> routesReported;
    private final Event<BotActivity.Signalled> signalled;
    private final ObjectMapper json;
    private final int maxPublishBytes;
    private final Map<Long, String> placements = new ConcurrentHashMap<>();
    private final Map<Long, Long> accounts = new ConcurrentHashMap<>();
    private final Map<Long, AutoCloseable> feeds = new ConcurrentHashMap<>();
    private final List<WorkerSupervisor> supervisors = new ArrayList<>();
    private final EventForwarder forwarder = new EventForwarder(this::deliver);
    /** Bots run for the platform itself (backtests), by worker bot id: their frames go to their own host. */
    private final Map<String, SimulatedBots.Host> hosted = new ConcurrentHashMap<>();

    private WorkerHub hub;

    public SandboxBotRuntime(
            SandboxConfig config,
            Provider<BotRuntimeEvents> events,
            Provider<BotExchangeCalls> exchange,
            Event<BotActivity.Published> published,
            Event<BotActivity.RoutesReported> routesReported,
            Event<BotActivity.Signalled> signalled,
            ObjectMapper json,
            @ConfigProperty(name = "botlink.stream.max-message-bytes", defaultValue = "65536") int maxPublishBytes) {
        this.config = config;
        this.events = events;
        this.exchange = exchange;
        this.published = published;
        this.routesReported = routesReported;
        this.signalled = signalled;
        this.json = json;
        this.maxPublishBytes = maxPublishBytes;
    }

    @Override
    public void start(Launch launch) {
        WorkerHub workers = workers();
        String workerId = leastLoadedWorker();
        placements.put(launch.botId(), workerId);
        accounts.put(launch.botId(), launch.accountId());
        try {
            workers.startBot(
                    workerId,
                    new BotSpec(
                            botId(launch.botId()),
                            String.valueOf(launch.accountId()),
                            launch.fileName(),
                            launch.source(),
                            Map.of()));
        } catch (IOException | IllegalArgumentException e) {
            events.get()
                    .stateChanged(
                            launch.botId(), Bot.Status.FAILED, "could not reach a sandbox worker: " + e.getMessage());
            return;
        }
        // The first subscription may wait for the market data to load: never on the caller's thread.
        long botId = launch.botId();
        Thread.ofVirtual().name("bot-feed-" + botId).start(() -> {
            AutoCloseable feed =
                    exchange.get().subscribeAll(launch.accountId(), event -> forwarder.offer(botId, event));
            if (placements.containsKey(botId)) {
                closeQuietly(feeds.put(botId, feed));
            } else {
                closeQuietly(feed);
            }
        });
    }

    @Override
    public void stop(long botId) {
        closeQuietly(feeds.remove(botId));
        placements.remove(botId);
        accounts.remove(botId);
        WorkerHub current = hub;
        if (current == null) {
            return;
        }
        try {
            current.stopBot(botId(botId));
        } catch (IOException e) {
            LOG.warnf("Could not tell a worker to stop bot %d: %s", botId, e.getMessage());
        }
    }

    /**
     * Delivers a market or account event to a running bot; never waits for a slow bot. A bot that has not consumed
     * its window of quotes and trades yet gets {@link Delivery#BOT_BEHIND} (back pressure, the event is not sent).
     */
    public Delivery deliver(long botId, String kind, String src, String sym, Map<String, Object> data) {
        WorkerHub current = hub;
        return current == null ? Delivery.UNAVAILABLE : current.deliver(botId(botId), kind, src, sym, data);
    }

    /** Parses a script in a sandbox worker without running it; see {@link WorkerHub#check}. Starts the workers. */
    public CompletableFuture<Map<String, Object>> check(String file, String source) {
        return workers().check(file, source);
    }

    /**
     * Starts a bot whose calls, log, signals and state go to {@code host} instead of an account's venues and bot log
     * (backtests). {@code spec.botId()} must not start with {@code bot-}.
     *
     * @throws IllegalStateException if no worker can take it
     */
    public void startHosted(BotSpec spec, SimulatedBots.Host host) {
        if (spec.botId().startsWith("bot-")) {
            throw new IllegalArgumentException("hosted bot ids must not start with bot-");
        }
        WorkerHub workers = workers();
        hosted.put(spec.botId(), host);
        try {
            workers.startBot(leastLoadedWorker(), spec);
        } catch (IOException | IllegalArgumentException e) {
            hosted.remove(spec.botId());
            throw new IllegalStateException("could not reach a sandbox worker: " + e.getMessage(), e);
        }
    }

    /** Moves a hosted simulated-time bot forward; see {@link WorkerHub#step}. */
    public CompletableFuture<StepResult> step(String botId, List<StepPoint> points) {
        WorkerHub current = hub;
        if (current == null || !hosted.containsKey(botId)) {
            return CompletableFuture.failedFuture(new IllegalStateException("bot " + botId + " is not running"));
        }
        return current.step(botId, points);
    }

    /** Sends a live event to a hosted live bot; see {@link WorkerHub#deliver}. */
    public Delivery deliverHosted(String botId, String kind, String src, String sym, Map<String, Object> data) {
        WorkerHub current = hub;
        return current == null ? Delivery.UNAVAILABLE : current.deliver(botId, kind, src, sym, data);
    }

    /** Stops a hosted bot (idempotent); its last frames still reach its host. */
    public void stopHosted(String botId) {
        WorkerHub current = hub;
        if (current != null && hosted.containsKey(botId)) {
            try {
                current.stopBot(botId);
            } catch (IOException e) {
                LOG.debugf("Could not tell a worker to stop %s: %s", botId, e.getMessage());
            }
        }
        hosted.remove(botId);
    }

    @Override
    public CompletableFuture<Map<String, Object>> exchangeCall(
            String bot, String method, String venue, Map<String, Object> args) {
        return exchangeCallAt(bot, method, venue, args, null);
    }

    @Override
    public CompletableFuture<Map<String, Object>> exchangeCallAt(
            String bot, String method, String venue, Map<String, Object> args, Long simulatedMicros) {
        SimulatedBots.Host host = hosted.get(bot);
        if (host != null) {
            try {
                SimulatedBots.Answer answer = host.exchangeCall(method, venue, args, simulatedMicros);
                return CompletableFuture.completedFuture(
                        answer.cut() ? ExchangeResults.cut(answer.result()) : answer.result());
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        Long account = accounts.get(parse(bot));
        if (account == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("the bot is not running"));
        }
        return exchange.get().call(account, method, venue, args);
    }

    @Override
    public void log(String bot, String level, String message) {
        SimulatedBots.Host host = hosted.get(bot);
        if (host != null) {
            host.log(level, message);
            return;
        }
        events.get().logged(parse(bot), level, message);
    }

    @Override
    public CompletableFuture<Answer> call(long botId, String method, String route, Map<String, ?> args) {
        WorkerHub current = hub;
        if (current == null || !placements.containsKey(botId)) {
            return CompletableFuture.completedFuture(
                    new Answer(null, "the bot is not running", WebhookResult.NOT_RUNNING));
        }
        return current.webhook(botId(botId), method, route, args)
                .thenApply(result -> new Answer(result.result(), result.error(), result.code()));
    }

    @Override
    public void publish(String bot, String topic, Object data) {
        if (hosted.containsKey(bot)) {
            return;
        }
        long botId = parse(bot);
        Long account = accounts.get(botId);
        if (account == null) {
            return;
        }
        String text;
        try {
            text = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            events.get().logged(botId, "WARNING", "publish on '" + topic + "' refused: the data is not JSON");
            return;
        }
        // A UTF-16 unit takes at most 3 bytes of UTF-8: most messages pass without measuring their bytes.
        if (text.length() * 3L > maxPublishBytes && text.getBytes(StandardCharsets.UTF_8).length > maxPublishBytes) {
            events.get()
                    .logged(
                            botId,
                            "WARNING",
                            "publish on '" + topic + "' refused: " + text.length() + " characters of JSON, more than "
                                    + maxPublishBytes + " bytes (botlink.stream.max-message-bytes)");
            return;
        }
        published.fire(new BotActivity.Published(account, botId, topic, text));
    }

    @Override
    public void botRoutes(String bot, List<String> routes) {
        if (hosted.containsKey(bot)) {
            return;
        }
        long botId = parse(bot);
        Long account = accounts.get(botId);
        if (account != null) {
            routesReported.fire(new BotActivity.RoutesReported(account, botId, List.copyOf(routes)));
        }
    }

    @Override
    public void signal(String bot, Map<String, Object> signal) {
        SimulatedBots.Host host = hosted.get(bot);
        if (host != null) {
            host.signal(signal);
            return;
        }
        long botId = parse(bot);
        Long account = accounts.get(botId);
        if (account == null) {
            return;
        }
        Map<String, Object> fields = new LinkedHashMap<>(signal);
        Object src = fields.remove("src");
        Object sym = fields.remove("sym");
        signalled.fire(new BotActivity.Signalled(
                account, botId, src instanceof String s ? s : null, sym instanceof String s ? s : null, fields));
    }

    @Override
    public void botState(String bot, String state, String reason) {
        SimulatedBots.Host host = hosted.get(bot);
        if (host != null) {
            host.stateChanged(state, reason);
            return;
        }
        Bot.Status status =
                switch (state) {
                    case "running" -> Bot.Status.RUNNING;
                    case "stopped" -> Bot.Status.STOPPED;
                    default -> Bot.Status.FAILED;
                };
        events.get().stateChanged(parse(bot), status, reason);
    }

    @Override
    public void workerDisconnected(String workerId, Throwable cause) {
        LOG.warnf(
                "Sandbox worker %s disconnected (%s); its bots restart when it is back",
                workerId, cause == null ? "closed" : cause.getMessage());
    }

    /**
     * Starts the workers and builds the simulated market in the background (when {@code botlink.sandbox.start-at-boot})
     * once the HTTP port listens, so neither delays readiness nor the first bot start. Failures are logged; a bot
     * start then tries again.
     */
    void warmUpAtBoot(@Observes StartupEvent started, SimulatedMarketRuntime market) {
        if (!config.startAtBoot()) {
            return;
        }
        Thread.ofVirtual().name("sandbox-boot-workers").start(() -> {
            try {
                awaitListening();
                workers();
            } catch (RuntimeException e) {
                LOG.warnf("Could not start the sandbox workers at boot (a bot start tries again): %s", e.getMessage());
            }
        });
        Thread.ofVirtual().name("sandbox-boot-market").start(() -> {
            try {
                awaitListening();
                market.market();
            } catch (RuntimeException e) {
                LOG.warnf(
                        "Could not build the simulated market at boot (the first use tries again): %s", e.getMessage());
            }
        });
    }

    /**
     * Waits (at most 60 s) until the platform's own HTTP port accepts connections: a worker's warm-up takes a core for
     * seconds, and started earlier it slowed the end of the platform's start (readiness) on a 2-core machine.
     */
    private static void awaitListening() {
        var settings = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        int port = settings.getOptionalValue("quarkus.http.port", Integer.class).orElse(8080);
        String host = settings.getOptionalValue("quarkus.http.host", String.class)
                .filter(h -> !h.equals("0.0.0.0") && !h.equals("::"))
                .orElse("127.0.0.1");
        if (port <= 0) {
            return;
        }
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (var socket = new java.net.Socket()) {
                socket.connect(new InetSocketAddress(host, port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Before {@link BotLogWriter#stop} (which drains what the stopping bots logged last). */
    void shutDown(@Observes @Priority(BotLogWriter.BOT_RUNTIMES_STOP) ShutdownEvent stopping) {
        feeds.values().forEach(SandboxBotRuntime::closeQuietly);
        forwarder.close();
        synchronized (this) {
            supervisors.forEach(WorkerSupervisor::close);
            if (hub != null) {
                try {
                    hub.close();
                } catch (IOException e) {
                    LOG.debug("Closing the worker hub", e);
                }
            }
        }
    }

    private synchronized WorkerHub workers() {
        if (hub != null) {
            return hub;
        }
        Path workerDir = config.workerDir().toAbsolutePath().normalize();
        if (!Files.isDirectory(workerDir.resolve("lib"))) {
            throw new IllegalStateException("no sandbox worker distribution at " + workerDir
                    + ": build the sandbox module (./botlink mvn install) or set botlink.sandbox.worker-dir");
        }
        String token = newToken();
        try {
            WorkerHub started = new WorkerHub(this, token, ConnectionSettings.defaults());
            InetSocketAddress address = started.start(0);
            WorkerLauncher launcher = WorkerLauncher.of(workerDir).withMaxHeap(config.workerHeap());
            if (config.allowInterpreted()) {
                launcher = new WorkerLauncher(
                        launcher.javaHome(), workerDir, List.of(), config.workerHeap(), true, List.of());
            }
            Path logs = Files.createTempDirectory("botlink-workers");
            for (int i = 1; i <= config.workers(); i++) {
                String workerId = "local-" + i;
                supervisors.add(new WorkerSupervisor(
                                launcher,
                                workerId,
                                address,
                                token,
                                logs.resolve(workerId + ".log"),
                                config.maxRestarts())
                        .start());
            }
            LOG.infof("Started %d sandbox workers (logs in %s)", config.workers(), logs);
            hub = started;
            return hub;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the sandbox workers", e);
        }
    }

    private String leastLoadedWorker() {
        Map<String, Long> load = new ConcurrentHashMap<>();
        for (int i = 1; i <= config.workers(); i++) {
            load.put("local-" + i, 0L);
        }
        placements.values().forEach(worker -> load.merge(worker, 1L, Long::sum));
        return load.entrySet().stream()
                .min(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow()
                .getKey();
    }

    private static void closeQuietly(AutoCloseable handle) {
        if (handle == null) {
            return;
        }
        try {
            handle.close();
        } catch (Exception e) {
            LOG.debug("Closing a bot's feed", e);
        }
    }

    private static String botId(long id) {
        return "bot-" + id;
    }

    private static long parse(String botId) {
        return Long.parseLong(botId.substring("bot-".length()));
    }

    private static String newToken() {
        byte[] raw = new byte[24];
        new SecureRandom().nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
