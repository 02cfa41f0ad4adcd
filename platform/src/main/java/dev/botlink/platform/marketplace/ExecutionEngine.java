package dev.botlink.platform.marketplace;

import dev.botlink.marketplace.BotType;
import dev.botlink.marketplace.execution.ExecutionBot;
import dev.botlink.marketplace.execution.ExecutionSettings;
import dev.botlink.marketplace.metrics.Fill;
import dev.botlink.marketplace.signal.FairValue;
import dev.botlink.marketplace.signal.GridAnchor;
import dev.botlink.marketplace.signal.InvalidSignalException;
import dev.botlink.marketplace.signal.Signal;
import dev.botlink.marketplace.signal.SignalParser;
import dev.botlink.marketplace.signal.TargetPosition;
import dev.botlink.platform.bot.BotActivity;
import dev.botlink.platform.bot.BotRuntimeEvents;
import dev.botlink.platform.trading.AccountExchanges;
import dev.botlink.platform.venue.ExchangeClient;
import dev.botlink.platform.venue.Instrument;
import dev.botlink.platform.venue.VenueConfig;
import dev.botlink.platform.venue.paper.PaperInstruments;
import dev.botlink.platform.venue.paper.runtime.PaperVenueRuntime;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs the marketplace: routes each listing's signals (validated by the marketplace domain) to the execution bots of
 * its deployments, and runs those bots ({@link ExecutionRunner}) on their venues. Execution bots are Botlink's own
 * code, so they run here in the platform, not in the sandbox; users' Signals scripts stay in the sandbox.
 */
@Singleton
public class ExecutionEngine implements ExecutionSink {

    private static final Logger LOG = Logger.getLogger(ExecutionEngine.class);

    /** A listing's signal route: where its signal bot's signals go. */
    private record Route(long listingId, String exchangeId, String symbol, BotType type, SignalRate rate) {}

    private final MarketplaceConfig config;
    private final AccountExchanges exchanges;
    private final PaperVenueRuntime paper;
    private final Provider<BotRuntimeEvents> botEvents;
    private final Map<Long, Route> routesByBot = new ConcurrentHashMap<>();
    private final Map<Long, Set<Long>> deploymentsByListing = new ConcurrentHashMap<>();
    private final Map<Long, ExecutionRunner> runners = new ConcurrentHashMap<>();
    private final Map<Long, Signal> latestSignals = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor writer = new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(10_000),
            Thread.ofPlatform().daemon().name("marketplace-writer").factory(),
            new ThreadPoolExecutor.DiscardOldestPolicy());

    public ExecutionEngine(
            MarketplaceConfig config,
            AccountExchanges exchanges,
            PaperVenueRuntime paper,
            Provider<BotRuntimeEvents> botEvents) {
        this.config = config;
        this.exchanges = exchanges;
        this.paper = paper;
        this.botEvents = botEvents;
    }

    /** Routes the listing's signal bot to its deployments. */
    void route(Listing listing) {
        if (listing.botId != null) {
            routesByBot.put(
                    listing.botId,
                    new Route(
                            listing.id,
                            listing.exchangeId,
                            listing.symbol,
                            BotType.valueOf(listing.botType),
                            new SignalRate(config.signalsPerSecond())));
        }
    }

    void unroute(Listing listing) {
        if (listing.botId != null) {
            routesByBot.remove(listing.botId);
        }
        latestSignals.remove(listing.id);
    }

    /**
     * Starts the deployment's execution bot (stopping a previous one first).
     *
     * @throws IllegalArgumentException if the venue or symbol is not available or the parameters are invalid
     * @throws IllegalStateException if {@code botlink.marketplace.max-running} bots are running
     */
    void start(Deployment deployment, Listing listing, ListedParameters parameters, Map<String, Object> overrides) {
        stop(deployment.id);
        if (runners.size() >= config.maxRunning()) {
            throw new IllegalStateException(
                    "already " + runners.size() + " execution bots running (botlink.marketplace.max-running)");
        }
        ExchangeClient client = client(deployment, listing);
        Instrument instrument = instrument(listing.exchangeId, listing.symbol);
        ExecutionBot bot = BotType.valueOf(listing.botType)
                .create("d" + deployment.id, parameters.settingsFor(overrides), ExecutionSettings.DEFAULTS);
        List<Fill> past = QuarkusTransaction.requiringNew().call(() -> Performance.fills(deployment.id));
        ExecutionRunner runner = new ExecutionRunner(
                new ExecutionRunner.Spec(
                        deployment.id,
                        client,
                        instrument,
                        bot,
                        past,
                        config.referenceCapital(),
                        config.evaluateEvery().toMillis(),
                        config.equityEvery().toMillis()),
                this);
        runner.pause(deployment.desired == Deployment.Desired.PAUSED);
        runners.put(deployment.id, runner);
        deploymentsByListing
                .computeIfAbsent(listing.id, id -> ConcurrentHashMap.newKeySet())
                .add(deployment.id);
        runner.start();
        // A new deployment starts from the listing's current signal rather than waiting for the next one.
        Signal latest = latestSignals.get(listing.id);
        if (latest != null) {
            runner.offer(latest);
        }
    }

    void pause(long deploymentId, boolean pause) {
        ExecutionRunner runner = runners.get(deploymentId);
        if (runner != null) {
            runner.pause(pause);
        }
    }

    /** Stops the deployment's execution bot and cancels its orders; a no-op if it is not running. */
    void stop(long deploymentId) {
        ExecutionRunner runner = runners.remove(deploymentId);
        deploymentsByListing.values().forEach(ids -> ids.remove(deploymentId));
        if (runner != null) {
            runner.close();
        }
    }

    boolean isRunning(long deploymentId) {
        return runners.containsKey(deploymentId);
    }

    /** The latest mid the deployment's bot saw, if it runs. */
    Optional<BigDecimal> mid(long deploymentId) {
        ExecutionRunner runner = runners.get(deploymentId);
        return runner == null ? Optional.empty() : Optional.ofNullable(runner.mid());
    }

    /** The paper instrument of a listing's symbol. */
    static Instrument instrument(String exchangeId, String symbol) {
        return PaperInstruments.forExchange(exchangeId)
                .map(instruments -> instruments.get(symbol))
                .orElseThrow(() -> new IllegalArgumentException(
                        "no paper instrument " + symbol + " on " + exchangeId + ": see GET /api/marketplace/symbols"));
    }

    void onSignal(@Observes BotActivity.Signalled signalled) {
        Route route = routesByBot.get(signalled.botId());
        if (route == null) {
            return;
        }
        Signal signal;
        try {
            signal = SignalParser.parse(signalled.src(), signalled.sym(), signalled.fields());
            check(route, signal);
        } catch (InvalidSignalException e) {
            botEvents.get().logged(signalled.botId(), "WARNING", "signal refused: " + e.getMessage());
            return;
        }
        if (!route.rate().tryAcquire(System.currentTimeMillis())) {
            if (route.rate().firstDropThisSecond()) {
                botEvents
                        .get()
                        .logged(
                                signalled.botId(),
                                "WARNING",
                                "signals dropped: more than " + config.signalsPerSecond()
                                        + " per second (botlink.marketplace.signals-per-second)");
            }
            return;
        }
        latestSignals.put(route.listingId(), signal);
        for (Long deploymentId : deploymentsByListing.getOrDefault(route.listingId(), Set.of())) {
            ExecutionRunner runner = runners.get(deploymentId);
            if (runner != null) {
                runner.offer(signal);
            }
        }
        long at = System.currentTimeMillis();
        writer.execute(() -> QuarkusTransaction.requiringNew().run(() -> saveSignal(route.listingId(), at, signal)));
    }

    private static void check(Route route, Signal signal) {
        if (!route.symbol().equals(signal.symbol())) {
            throw new InvalidSignalException(
                    "this listing trades " + route.symbol() + ", the signal is for " + signal.symbol());
        }
        if (!route.exchangeId().equalsIgnoreCase(signal.source())) {
            throw new InvalidSignalException(
                    "this listing trades on " + route.exchangeId() + ", the signal is for " + signal.source());
        }
        boolean fits =
                switch (route.type()) {
                    case POSITION -> signal instanceof TargetPosition;
                    case GRID_NEUTRAL, GRID_LONG, GRID_SHORT -> signal instanceof GridAnchor;
                    case MARKET_MAKER -> signal instanceof FairValue;
                };
        if (!fits) {
            throw new InvalidSignalException(route.type() + " listings take "
                    + route.type().signalKeyword() + " signals, got " + signal.keyword());
        }
    }

    private void saveSignal(long listingId, long at, Signal signal) {
        ListingSignal row = new ListingSignal();
        row.listingId = listingId;
        row.timeMs = at;
        switch (signal) {
            case TargetPosition target -> {
                row.kind = "size";
                row.value1 = target.size();
            }
            case GridAnchor anchor -> {
                row.kind = "mid";
                row.value1 = anchor.mid();
            }
            case FairValue fair -> {
                row.kind = "quote";
                row.value1 = fair.bid();
                row.value2 = fair.ask();
            }
        }
        row.persist();
        long kept = config.signalsKept();
        if (row.id % 100 == 0) {
            ListingSignal.delete("listingId = ?1 and id <= ?2", listingId, row.id - kept);
        }
    }

    @Override
    public void filled(long deploymentId, Fill fill) {
        store(deploymentId, "a fill", () -> {
            ExecutionFill row = new ExecutionFill();
            row.deploymentId = deploymentId;
            row.timeMs = fill.timeMillis();
            row.side = fill.side().name();
            row.price = fill.price();
            row.size = fill.size();
            row.fee = fill.fee();
            row.persist();
        });
    }

    @Override
    public void equity(long deploymentId, long timeMillis, BigDecimal equity) {
        store(deploymentId, "an equity sample", () -> {
            EquitySample row = new EquitySample();
            row.deploymentId = deploymentId;
            row.timeMs = timeMillis;
            row.equity = equity;
            row.persist();
            if (row.id % 100 == 0) {
                EquitySample.delete("deploymentId = ?1 and id <= ?2", deploymentId, row.id - config.equityKept());
            }
        });
    }

    @Override
    public void status(long deploymentId, String status, String note) {
        store(deploymentId, "its status", () -> {
            Deployment deployment = Deployment.findById(deploymentId);
            if (deployment == null || deployment.desired == Deployment.Desired.STOPPED) {
                return;
            }
            deployment.status = status;
            if (note != null) {
                deployment.reason = note.length() > 1000 ? note.substring(0, 1000) : note;
            }
            deployment.updatedAt = Instant.now();
        });
    }

    /** A storage failure is logged, never allowed to stop a trading bot. */
    private static void store(long deploymentId, String what, Runnable work) {
        try {
            QuarkusTransaction.requiringNew().run(work);
        } catch (RuntimeException e) {
            LOG.warnf("Deployment %d could not store %s: %s", deploymentId, what, e.getMessage());
        }
    }

    private ExchangeClient client(Deployment deployment, Listing listing) {
        if (deployment.reference) {
            // The listing's own paper account: a key no user account has (account ids are positive).
            return paper.venue(
                    -listing.id, new VenueConfig(deployment.venueName, listing.exchangeId, VenueConfig.Mode.PAPER));
        }
        return exchanges
                .client(deployment.accountId, deployment.venueName)
                .orElseThrow(() -> new IllegalArgumentException("venue '" + deployment.venueName
                        + "' is not one of your paper venues (live venues are not supported by the marketplace yet)"));
    }

    void shutDown(@Observes ShutdownEvent stopping) {
        List.copyOf(runners.keySet()).forEach(this::stop);
        writer.shutdownNow();
    }
}
