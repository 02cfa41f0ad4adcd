package dev.botlink.platform.backtest;

import dev.botlink.platform.marketdata.MarketDataSettings;
import dev.botlink.platform.marketdata.QuoteModel;
import dev.botlink.platform.marketdata.SimulatedClock;
import dev.botlink.platform.marketdata.SimulatedMarket;
import dev.botlink.platform.marketdata.TradeSource;
import dev.botlink.platform.venue.Instrument;
import dev.botlink.platform.venue.LinkExchangeCalls;
import dev.botlink.platform.venue.VenueConfig;
import dev.botlink.platform.venue.VenueEvent;
import dev.botlink.platform.venue.paper.PaperExchangeClient;
import dev.botlink.platform.venue.paper.PaperSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Runs one backtest: an isolated paper venue ({@link PaperExchangeClient} with a {@link SimulatedClock}, nothing
 * persisted) on its own {@link SimulatedMarket} holding only the tested symbol, and the user's script in a sandbox
 * worker in simulated time, moved forward in lockstep.
 *
 * <p>Per time point (one or more trades at the same millisecond): the clock moves to it, the market publishes the
 * trades (candles, quote model), the matching engine fills resting orders, and everything the venue streams (trade,
 * quote, order, fill and position updates, in the order live paper streams them) becomes the point's events. The bot
 * then processes the point; its exchange calls are answered by the isolated venue at that time. Events a call caused
 * (the order accepted, a market order's fills) reach the bot in a point of their own one microsecond later, as live
 * sends them right after the call. Equity is marked after every point. Plain Java: the Quarkus service supplies the
 * sandbox port and the limits.
 */
public final class BacktestEngine {

    /** Limits of one run (see {@code botlink.backtest.*}). */
    public record Limits(long maxPoints, Duration maxRunTime, Duration startTimeout, Duration stepTimeout) {}

    /** Progress as it runs; called on the engine's thread, must not block. */
    public interface Progress {
        void running(double percent, long simulatedMillis, long points);
    }

    /** How a run ended. */
    public record Outcome(String status, String error, BacktestReport report) {}

    /** Calls that change orders: their answers end a multi-point step ({@code cut}). */
    private static final Set<String> ORDER_CHANGES =
            Set.of("create_limit_order", "create_market_order", "cancel_order", "amend_order", "call_endpoint");

    private static final int MAX_FOLLOW_UPS = 1_000;
    private static final int MAX_TRADES_PER_POINT = 100_000;
    private static final int MAX_EVENTS_PER_POINT = 1_000;

    private final BacktestSpec spec;
    private final MarketPlan plan;
    private final SimulatedBots bots;
    private final Limits limits;
    private final MarketDataSettings marketSettings;
    private final PaperSettings paperSettings;
    private final String venueName;
    private final List<SimulatedBots.Event> pending = new ArrayList<>();
    private final CompletableFuture<String> started = new CompletableFuture<>();
    private final SignalExecution execution;
    private volatile String failure;
    private ReportBuilder report;
    private SimulatedClock clock;
    private long lastMicros = Long.MIN_VALUE;

    public BacktestEngine(
            BacktestSpec spec,
            MarketPlan plan,
            SimulatedBots bots,
            Limits limits,
            MarketDataSettings marketSettings,
            PaperSettings paperSettings,
            String venueName,
            SignalExecution execution) {
        this.spec = spec;
        this.plan = plan;
        this.bots = bots;
        this.limits = limits;
        this.marketSettings = marketSettings;
        this.paperSettings = paperSettings;
        this.venueName = venueName;
        this.execution = execution;
    }

    /**
     * Runs to the end of the period, a failure, {@code cancelled} or a limit. Never throws for the script's errors:
     * they are a failed outcome with the worker's message (file and line) and the log so far.
     */
    public Outcome run(String key, long accountId, BooleanSupplier cancelled, Progress progress) {
        Instrument instrument = spec.instrument();
        SimulatedMarket market = new SimulatedMarket(MAX_TRADES_PER_POINT);
        TradeSource trades = plan.trades();
        market.add(
                spec.exchange(),
                instrument,
                trades,
                new QuoteModel(instrument, marketSettings.spreadFraction(), marketSettings.depthMultiple()),
                marketSettings.candleCapacity());
        warmUp(market, trades);
        clock = new SimulatedClock(spec.from());
        report = new ReportBuilder(instrument.settleCurrency(), spec.from(), spec.to(), 2_000, 1_000);
        PaperExchangeClient venue = new PaperExchangeClient(
                new VenueConfig(venueName, spec.exchange(), VenueConfig.Mode.PAPER),
                market,
                clock,
                withStartingBalance(paperSettings, spec.startingBalance()));
        AutoCloseable subscription = venue.subscribe(this::onVenueEvent);
        LinkExchangeCalls calls = new LinkExchangeCalls(name -> Optional.of(venue));
        if (execution != null) {
            execution.attach(venue, instrument, report);
        }
        long deadline = System.nanoTime() + limits.maxRunTime().toNanos();
        SimulatedBots.Bot bot;
        try {
            bot = bots.start(key, accountId, spec.script(), spec.from() * 1000, new Host(calls));
        } catch (RuntimeException e) {
            return new Outcome("failed", "could not start the script in a sandbox worker: " + e.getMessage(), null);
        }
        try {
            String state = awaitStart();
            if (!state.equals("running")) {
                return finish(venue, "failed", failureText("the script did not start"));
            }
            report.equity(spec.from(), venue.equity(instrument.settleCurrency()));
            synchronized (pending) {
                pending.clear();
            }
            long points = 0;
            while (trades.peekTime() <= spec.to()) {
                if (cancelled.getAsBoolean()) {
                    return finish(venue, "cancelled", null);
                }
                if (System.nanoTime() > deadline) {
                    return finish(
                            venue,
                            "failed",
                            "stopped after " + limits.maxRunTime()
                                    + " of run time (botlink.backtest.max-run-time); the report covers the"
                                    + " period simulated so far");
                }
                if (points >= limits.maxPoints()) {
                    return finish(
                            venue,
                            "failed",
                            "stopped after " + points
                                    + " time points (botlink.backtest.max-points): choose a shorter period");
                }
                long time = trades.peekTime();
                clock.set(time);
                market.advanceTo(time);
                if (execution != null) {
                    execution.evaluate(time);
                }
                step(bot, time * 1000, drainPending());
                for (int k = 1; k <= MAX_FOLLOW_UPS; k++) {
                    List<SimulatedBots.Event> caused = drainPending();
                    if (caused.isEmpty()) {
                        break;
                    }
                    step(bot, time * 1000 + k, caused);
                }
                points++;
                report.equity(time, venue.equity(instrument.settleCurrency()));
                progress.running(percent(time), time, points);
                if (failure != null) {
                    return finish(venue, "failed", failure);
                }
            }
            return finish(venue, "completed", null);
        } catch (StepFailed e) {
            return finish(venue, "failed", failureText(e.getMessage()));
        } finally {
            bot.close();
            closeQuietly(subscription);
            venue.close();
        }
    }

    /** Sends {@code events} at {@code micros} (later if that time was used already), in points of at most 1,000. */
    private void step(SimulatedBots.Bot bot, long micros, List<SimulatedBots.Event> events) {
        int from = 0;
        do {
            int to = Math.min(events.size(), from + MAX_EVENTS_PER_POINT);
            long at = Math.max(micros, lastMicros + 1);
            lastMicros = at;
            stepOne(bot, new SimulatedBots.Point(at, events.subList(from, to)));
            from = to;
        } while (from < events.size());
    }

    private void stepOne(SimulatedBots.Bot bot, SimulatedBots.Point point) {
        try {
            SimulatedBots.StepOutcome outcome =
                    bot.step(List.of(point)).get(limits.stepTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!"running".equals(outcome.botState())) {
                throw new StepFailed("the script stopped (" + outcome.botState() + ")");
            }
        } catch (ExecutionException e) {
            throw new StepFailed(String.valueOf(e.getCause().getMessage()));
        } catch (TimeoutException e) {
            throw new StepFailed("the script did not settle within " + limits.stepTimeout() + " of wall-clock time");
        } catch (InterruptedException | CancellationException e) {
            Thread.currentThread().interrupt();
            throw new StepFailed("interrupted");
        }
    }

    private String awaitStart() {
        try {
            return started.get(limits.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return "timeout";
        } catch (ExecutionException e) {
            return "failed";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Replays the data before the period silently: candle history and the quote are there when the bot starts. */
    private void warmUp(SimulatedMarket market, TradeSource trades) {
        while (trades.peekTime() < spec.from()) {
            market.advanceTo(Math.min(spec.from() - 1, trades.peekTime()));
        }
    }

    private Outcome finish(PaperExchangeClient venue, String status, String error) {
        if (error != null) {
            report.log(clock.millis(), "ERROR", "backtest " + status + ": " + error);
        }
        long end = Math.max(clock.millis(), spec.from());
        report.equity(end, venue.equity(spec.instrument().settleCurrency()));
        return new Outcome(status, error, report.build(plan.name(), spec.symbol(), end));
    }

    private String failureText(String fallback) {
        String reason = failure;
        return reason != null && !reason.isBlank() ? reason : fallback;
    }

    private double percent(long time) {
        long span = Math.max(1, spec.to() - spec.from());
        return Math.min(100.0, Math.max(0, (time - spec.from()) * 100.0 / span));
    }

    private void onVenueEvent(VenueEvent event) {
        String kind = event.callback().replace("_update", "");
        SimulatedBots.Event item = new SimulatedBots.Event(kind, event.src(), event.sym(), event.data());
        synchronized (pending) {
            pending.add(item);
        }
        if (event instanceof VenueEvent.OrderFilled filled) {
            var fill = filled.fill();
            Instrument instrument = spec.instrument();
            report.fill(
                    fill.time(),
                    fill.side(),
                    fill.fillPrice(),
                    fill.fillSize(),
                    fill.fee(),
                    fill.feeCurrency().equals(instrument.quoteCurrency()),
                    fill.orderId(),
                    fill.maker());
            if (execution != null) {
                execution.onFill(fill);
            }
        } else if (execution != null && event instanceof VenueEvent.OrderUpdated order) {
            execution.onOrder(order.order());
        }
    }

    private List<SimulatedBots.Event> drainPending() {
        synchronized (pending) {
            List<SimulatedBots.Event> events = List.copyOf(pending);
            pending.clear();
            return events;
        }
    }

    private static PaperSettings withStartingBalance(PaperSettings settings, BigDecimal startingUsd) {
        return new PaperSettings(
                startingUsd,
                settings.fallbackBtcPrice(),
                settings.rateLimit(),
                settings.rateWindow(),
                settings.maxOpenOrdersPerSymbol(),
                settings.depthLevels(),
                settings.candlePage(),
                settings.positionUpdateInterval());
    }

    private static void closeQuietly(AutoCloseable handle) {
        try {
            handle.close();
        } catch (Exception ignored) {
            // Removing a listener cannot fail in a way that matters here.
        }
    }

    /** The bot's side: its calls go to the isolated venue, its log to the report, its state to the run. */
    private final class Host implements SimulatedBots.Host {
        private final LinkExchangeCalls calls;

        Host(LinkExchangeCalls calls) {
            this.calls = calls;
        }

        @Override
        public SimulatedBots.Answer exchangeCall(
                String method, String venue, Map<String, Object> args, Long simulatedMicros) {
            Map<String, Object> result = calls.call(method, venue, args);
            return new SimulatedBots.Answer(result, ORDER_CHANGES.contains(method));
        }

        @Override
        public void log(String level, String message) {
            report.log(clock == null ? spec.from() : clock.millis(), level, message);
        }

        @Override
        public void signal(Map<String, Object> signal) {
            if (execution == null) {
                report.log(
                        clock.millis(),
                        "WARNING",
                        "signal ignored: choose an execution bot type (\"execution\") to backtest a Signals script");
            } else {
                execution.onSignal(signal, clock.millis());
            }
        }

        @Override
        public void stateChanged(String state, String reason) {
            if (!state.equals("running")) {
                failure = reason == null || reason.isBlank() ? "the script " + state : reason;
            }
            started.complete(state);
        }
    }

    private static final class StepFailed extends RuntimeException {
        StepFailed(String message) {
            super(message, null, false, false);
        }
    }
}
