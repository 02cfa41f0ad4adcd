package dev.botlink.platform.backtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.botlink.platform.error.Problem;
import dev.botlink.platform.file.FilePath;
import dev.botlink.platform.file.FileService;
import dev.botlink.platform.marketdata.runtime.MarketDataConfig;
import dev.botlink.platform.venue.account.VenueService;
import dev.botlink.platform.venue.paper.runtime.PaperConfig;
import dev.botlink.sandbox.host.BotSpec;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Backtests of an account: validates and queues them (bounded per instance and per account), runs them one
 * {@link BacktestEngine} at a time per slot on platform threads, keeps their progress in memory and stores their
 * reports. Backtests that were queued or running when the platform stopped are marked failed at the next start.
 */
@ApplicationScoped
public class BacktestService {

    private static final Logger LOG = Logger.getLogger(BacktestService.class);

    /** Progress of a queued or running backtest, in memory. */
    static final class Run {
        final long id;
        final long accountId;
        final AtomicBoolean cancelled = new AtomicBoolean();
        volatile String status = "queued";
        volatile double percent;
        volatile Long simulatedMillis;
        volatile long startedNanos;
        volatile long lastEventNanos;

        Run(long id, long accountId) {
            this.id = id;
            this.accountId = accountId;
        }

        Long etaSeconds() {
            if (!status.equals("running") || percent <= 0) {
                return null;
            }
            double elapsed = (System.nanoTime() - startedNanos) / 1e9;
            return Math.round(elapsed * (100 - percent) / percent);
        }
    }

    private final BacktestConfig config;
    private final FileService files;
    private final VenueService venues;
    private final SimulatedBots bots;
    private final Instance<ReplaySource> imports;
    private final MarketDataConfig marketData;
    private final PaperConfig paper;
    private final ObjectMapper json;
    private final Event<BacktestActivity> activity;
    private final Map<Long, Run> runs = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor executor;

    BacktestService(
            BacktestConfig config,
            FileService files,
            VenueService venues,
            SimulatedBots bots,
            Instance<ReplaySource> imports,
            MarketDataConfig marketData,
            PaperConfig paper,
            ObjectMapper json,
            Event<BacktestActivity> activity) {
        this.config = config;
        this.files = files;
        this.venues = venues;
        this.bots = bots;
        this.imports = imports;
        this.marketData = marketData;
        this.paper = paper;
        this.json = json;
        this.activity = activity;
        this.executor = new ThreadPoolExecutor(
                config.maxConcurrent(),
                config.maxConcurrent(),
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(config.maxQueued()),
                Thread.ofPlatform().daemon().name("backtest-", 0).factory());
    }

    /** Validates, stores and queues a backtest. */
    public Backtest create(long accountId, BacktestRequests.NewBacktest request) {
        if (request == null) {
            throw new Problem.Invalid("a JSON body is required");
        }
        SimulatedBots.Script script = script(accountId, request);
        BacktestRequests.Planned planned = BacktestRequests.plan(
                request,
                script,
                imports.isResolvable() ? (account, id) -> imports.get().open(account, id) : null,
                accountId,
                paper.startingUsd());
        long active =
                runs.values().stream().filter(run -> run.accountId == accountId).count();
        if (active >= config.maxPerAccount()) {
            throw new TooMany("this account already has " + active
                    + " backtests queued or running (botlink.backtest.max-per-account): wait or cancel one");
        }
        Backtest backtest = QuarkusTransaction.requiringNew().call(() -> {
            Backtest row = new Backtest();
            row.accountId = accountId;
            row.name = planned.spec().name();
            row.status = "queued";
            row.request = requestJson(request, planned.spec());
            row.percent = 0;
            row.createdAt = Instant.now();
            row.persist();
            return row;
        });
        Run run = new Run(backtest.id, accountId);
        runs.put(backtest.id, run);
        try {
            executor.execute(() -> execute(run, planned));
        } catch (RejectedExecutionException e) {
            runs.remove(backtest.id);
            QuarkusTransaction.requiringNew().run(() -> Backtest.deleteById(backtest.id));
            throw new TooMany("the platform already has " + config.maxQueued()
                    + " backtests waiting (botlink.backtest.max-queued): try again later");
        }
        return backtest;
    }

    /** The account's backtests, newest first. */
    public List<Backtest> list(long accountId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Backtest.<Backtest>find("accountId = ?1 order by id desc", accountId)
                        .page(0, 500)
                        .list());
    }

    /** The account's backtest {@code id}; another account's is not found. */
    public Backtest get(long accountId, long id) {
        return QuarkusTransaction.requiringNew().call(() -> find(accountId, id));
    }

    /** In-memory progress of a queued or running backtest. */
    public Optional<Run> progress(long id) {
        return Optional.ofNullable(runs.get(id));
    }

    /** Asks a queued or running backtest to stop; it ends as cancelled with the report so far. */
    public void cancel(long accountId, long id) {
        Backtest backtest = get(accountId, id);
        Run run = runs.get(backtest.id);
        if (run != null) {
            run.cancelled.set(true);
        }
    }

    /** Deletes a backtest and its report (cancelling it first if it runs). */
    public void delete(long accountId, long id) {
        Backtest backtest = get(accountId, id);
        Run run = runs.get(backtest.id);
        if (run != null) {
            run.cancelled.set(true);
        }
        QuarkusTransaction.requiringNew().run(() -> Backtest.deleteById(backtest.id));
    }

    private static Backtest find(long accountId, long id) {
        Backtest backtest = Backtest.findById(id);
        if (backtest == null || !backtest.accountId.equals(accountId)) {
            throw new Problem.NotFound("no backtest " + id);
        }
        return backtest;
    }

    private void execute(Run run, BacktestRequests.Planned planned) {
        try {
            if (run.cancelled.get()) {
                store(run, new BacktestEngine.Outcome("cancelled", null, null));
                return;
            }
            run.status = "running";
            run.startedNanos = System.nanoTime();
            QuarkusTransaction.requiringNew().run(() -> {
                Backtest row = Backtest.findById(run.id);
                if (row != null) {
                    row.status = "running";
                    row.startedAt = Instant.now();
                }
            });
            publish(run, true);
            BacktestSpec spec = planned.spec();
            SignalExecution execution = spec.executionType() == null
                    ? null
                    : new SignalExecution(spec.executionType(), spec.executionParameters());
            BacktestEngine engine = new BacktestEngine(
                    spec,
                    planned.plan(),
                    bots,
                    new BacktestEngine.Limits(
                            config.maxPoints(),
                            config.maxRunTime(),
                            config.startTimeout(),
                            config.stepTimeout(),
                            config.pointsPerStep()),
                    marketData.settings(),
                    paper.settings(),
                    venueName(run.accountId, spec.exchange()),
                    execution);
            BacktestEngine.Outcome outcome =
                    engine.run("backtest-" + run.id, run.accountId, run.cancelled::get, (percent, time, points) -> {
                        run.percent = percent;
                        run.simulatedMillis = time;
                        publish(run, false);
                    });
            store(run, outcome);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Backtest %d failed", run.id);
            store(run, new BacktestEngine.Outcome("failed", "the backtest failed: " + e.getMessage(), null));
        } finally {
            runs.remove(run.id);
        }
    }

    private void store(Run run, BacktestEngine.Outcome outcome) {
        String report = outcome.report() == null ? null : write(outcome.report());
        String metrics =
                outcome.report() == null ? null : write(outcome.report().metrics());
        if (report != null && report.length() > 1_048_576) {
            report = null;
        }
        String reportJson = report;
        QuarkusTransaction.requiringNew().run(() -> {
            Backtest row = Backtest.findById(run.id);
            if (row == null) {
                return;
            }
            row.status = outcome.status();
            row.error = outcome.error() == null ? null : truncate(outcome.error(), 4000);
            row.percent = outcome.status().equals("completed") ? 100 : run.percent;
            row.report = reportJson;
            row.metrics = metrics;
            row.finishedAt = Instant.now();
        });
        run.status = outcome.status();
        if (outcome.status().equals("completed")) {
            run.percent = 100;
        }
        publish(run, true);
    }

    private void publish(Run run, boolean always) {
        long now = System.nanoTime();
        if (!always && now - run.lastEventNanos < config.progressInterval().toNanos()) {
            return;
        }
        run.lastEventNanos = now;
        try {
            activity.fire(new BacktestActivity(run.accountId, run.id, run.status, run.percent, run.etaSeconds()));
        } catch (RuntimeException e) {
            LOG.debug("A backtest progress observer failed", e);
        }
    }

    private SimulatedBots.Script script(long accountId, BacktestRequests.NewBacktest request) {
        boolean hasFile = request.file() != null && !request.file().isBlank();
        boolean hasSource = request.source() != null;
        if (hasFile == hasSource) {
            throw new Problem.Invalid("give either file (a file of this account) or source (the script), not "
                    + (hasFile ? "both" : "neither"));
        }
        Map<String, Object> settings = request.settings() == null ? Map.of() : request.settings();
        if (hasFile) {
            FilePath path = new FilePath(request.file());
            String content = files.read(accountId, path, Optional.empty()).content();
            return new SimulatedBots.Script(path.fileName(), content, settings);
        }
        if (request.source().isBlank()) {
            throw new Problem.Invalid("source is empty");
        }
        if (request.source().length() > BotSpec.MAX_SOURCE_CHARS) {
            throw new Problem.TooLarge("source has more than " + BotSpec.MAX_SOURCE_CHARS + " characters");
        }
        String fileName = request.fileName() == null || request.fileName().isBlank()
                ? "backtest.py"
                : request.fileName().strip();
        if (fileName.length() > 255) {
            throw new Problem.Invalid("fileName has more than 255 characters");
        }
        return new SimulatedBots.Script(fileName, request.source(), settings);
    }

    private String venueName(long accountId, String exchange) {
        Optional<String> own = QuarkusTransaction.requiringNew().call(() -> venues.list(accountId).stream()
                .filter(venue -> exchange.equals(venue.exchange))
                .map(venue -> venue.name)
                .findFirst());
        return own.orElse(exchange.equals("woo") ? "WOO" : "BitMEX");
    }

    private String requestJson(BacktestRequests.NewBacktest request, BacktestSpec spec) {
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("file", request.file());
        if (request.source() != null) {
            stored.put("fileName", spec.script().fileName());
            stored.put("sourceChars", request.source().length());
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kind", spec.data());
        if (spec.data().equals("synthetic")) {
            data.put("seed", spec.seed());
        }
        if (spec.importId() != null) {
            data.put("importId", spec.importId());
        }
        stored.put("data", data);
        stored.put("exchange", spec.exchange());
        stored.put("symbol", spec.symbol());
        stored.put("from", Instant.ofEpochMilli(spec.from()).toString());
        stored.put("to", Instant.ofEpochMilli(spec.to()).toString());
        stored.put("startingBalance", spec.startingBalance().toPlainString());
        stored.put("settings", spec.script().settings());
        if (spec.executionType() != null) {
            stored.put("execution", Map.of("type", spec.executionType(), "parameters", spec.executionParameters()));
        }
        String text = write(stored);
        if (text.length() > 16_000) {
            throw new Problem.Invalid("settings and execution parameters are too large (16,000 characters of JSON)");
        }
        return text;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new Problem.Invalid("not representable as JSON: " + e.getOriginalMessage());
        }
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    void markInterrupted(@Observes StartupEvent started) {
        int marked = QuarkusTransaction.requiringNew()
                .call(() -> Backtest.update(
                        "status = 'failed', error = 'the platform stopped before this backtest finished',"
                                + " finishedAt = ?1 where status in ('queued', 'running')",
                        Instant.now()));
        if (marked > 0) {
            LOG.infof("Marked %d backtests interrupted by the last shutdown as failed", marked);
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        runs.values().forEach(run -> run.cancelled.set(true));
        executor.shutdown();
    }

    /** 429: the account or the instance runs as many backtests as allowed. */
    public static final class TooMany extends jakarta.ws.rs.WebApplicationException {
        TooMany(String message) {
            super(message, 429);
        }
    }
}
