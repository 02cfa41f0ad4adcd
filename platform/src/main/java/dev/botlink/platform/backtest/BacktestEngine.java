package dev.botlink.platform.backtest;

import dev.botlink.platform.marketdata.MarketDataSettings;
import dev.botlink.platform.marketdata.QuoteModel;
import dev.botlink.platform.marketdata.SimulatedClock;
import dev.botlink.platform.marketdata.SimulatedMarket;
import dev.botlink.platform.marketdata.TapeTrade;
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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
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
    public record Limits(
            long maxPoints, Duration maxRunTime, Duration startTimeout, Duration stepTimeout, int pointsPerStep) {}

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
    private static final int MAX_EVENTS_PER_BATCH = 100_000;
    private static final int MAX_ERROR = 3_000;

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
    private volatile String lastError;
    private ReportBuilder report;
    private SimulatedClock clock;
    private SimulatedMarket market;
    private FirstPrice trades;
    private GatedFeed feed;
    private PaperExchangeClient venue;
    private final Set<String> openOrders = ConcurrentHashMap.newKeySet();
    private volatile boolean batching;
    private long points;
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
        market = new SimulatedMarket(MAX_TRADES_PER_POINT);
        trades = new FirstPrice(plan.trades());
        market.add(
                spec.exchange(),
                instrument,
                trades,
                new QuoteModel(instrument, marketSettings.spreadFraction(), marketSettings.depthMultiple()),
                marketSettings.candleCapacity());
        feed = new GatedFeed(market, spec.exchange(), instrument.symbol(), marketSettings.candleCapacity());
        warmUp();
        clock = new SimulatedClock(spec.from());
        report = new ReportBuilder(instrument.settleCurrency(), spec.from(), spec.to(), 2_000, 1_000);
        venue = new PaperExchangeClient(
                new VenueConfig(venueName, spec.exchange(), VenueConfig.Mode.PAPER),
                feed,
                clock,
                withStartingBalance(paperSettings, spec.startingBalance(), trades.firstPrice()));
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
                return finish("failed", failureText("the script did not start"));
            }
            report.equity(spec.from(), equity());
            synchronized (pending) {
                pending.clear();
            }
            for (long next = nextPointTime(); next <= spec.to(); next = nextPointTime()) {
                if (cancelled.getAsBoolean()) {
                    return finish("cancelled", null);
                }
                if (System.nanoTime() > deadline) {
                    return finish(
                            "failed",
                            "stopped after " + limits.maxRunTime()
                                    + " of run time (botlink.backtest.max-run-time); the report covers the"
                                    + " period simulated so far");
                }
                if (points >= limits.maxPoints()) {
                    return finish(
                            "failed",
                            "stopped after " + points
                                    + " time points (botlink.backtest.max-points): choose a shorter period");
                }
                if (batchable()) {
                    batch(bot);
                } else {
                    single(bot, next);
                }
                progress.running(percent(clock.millis()), clock.millis(), points);
                if (failure != null) {
                    return finish("failed", failure);
                }
            }
            return finish("completed", null);
        } catch (StepFailed e) {
            return finish("failed", failureText(e.getMessage()));
        } finally {
            bot.close();
            closeQuietly(subscription);
            venue.close();
        }
    }

    /** Time points processed so far. */
    public long points() {
        return points;
    }

    /** One point: the venue sees its trades (fills happen), the bot gets everything the venue streamed. */
    private void single(SimulatedBots.Bot bot, long time) {
        if (feed.nextTime() > time) {
            market.advanceTo(time);
        }
        clock.set(time);
        feed.release(time);
        if (execution != null) {
            execution.evaluate(time);
        }
        step(bot, time * 1000, drainPending());
        followUps(bot, time);
        points++;
        report.equity(time, equity());
    }

    /**
     * Up to {@code pointsPerStep} points in one step while the bot holds no order and no position, so the market
     * moving cannot cause it any private event. The points carry the market's trades and quotes; the venue sees them
     * only as the bot reaches them (a call is answered at its simulated time), and a call that changes orders cuts
     * the step after its point: the rest is sent again, one point at a time while the bot is exposed.
     */
    private void batch(SimulatedBots.Bot bot) {
        int ahead = feed.pointsAhead();
        while (ahead < limits.pointsPerStep() && trades.peekTime() <= spec.to()) {
            if (market.advanceTo(trades.peekTime()) > 0) {
                ahead++;
            }
        }
        List<SimulatedBots.Point> batch = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        List<SimulatedBots.Event> events = new ArrayList<>();
        long time = Long.MIN_VALUE;
        int total = 0;
        for (Iterator<GatedFeed.Item> items = feed.ahead(); items.hasNext(); ) {
            GatedFeed.Item item = items.next();
            if (item.time() > spec.to()) {
                break;
            }
            if (item.time() != time) {
                if (!events.isEmpty()) {
                    batch.add(new SimulatedBots.Point(Math.max(time * 1000, lastMicros + 1), List.copyOf(events)));
                    lastMicros = batch.getLast().epochMicros();
                    times.add(time);
                    events.clear();
                }
                if (batch.size() == limits.pointsPerStep() || total + 2 > MAX_EVENTS_PER_BATCH) {
                    break;
                }
                time = item.time();
            }
            if (events.size() + 2 > MAX_EVENTS_PER_POINT) {
                events.clear();
                break;
            }
            String src = spec.exchange();
            events.add(event(new VenueEvent.TradePrinted(src, item.trade())));
            events.add(event(new VenueEvent.QuoteUpdated(src, item.quote())));
            total += 2;
        }
        if (!events.isEmpty() && batch.size() < limits.pointsPerStep()) {
            batch.add(new SimulatedBots.Point(Math.max(time * 1000, lastMicros + 1), List.copyOf(events)));
            lastMicros = batch.getLast().epochMicros();
            times.add(time);
        }
        if (batch.isEmpty()) {
            single(bot, nextPointTime());
            return;
        }
        int processed;
        batching = true;
        try {
            processed = stepMany(bot, batch);
            long last = times.get(Math.max(0, processed - 1));
            BigDecimal flat = equity();
            for (int i = 0; i < processed - 1; i++) {
                report.equity(times.get(i), flat);
            }
            clock.set(Math.max(clock.millis(), last));
            feed.release(last);
            points += processed;
        } finally {
            batching = false;
        }
        long last = times.get(Math.max(0, processed - 1));
        followUps(bot, last);
        report.equity(last, equity());
    }

    /** Events a call or a release caused after the bot saw its point: in points of their own, right after it. */
    private void followUps(SimulatedBots.Bot bot, long time) {
        for (int k = 1; k <= MAX_FOLLOW_UPS; k++) {
            List<SimulatedBots.Event> caused = drainPending();
            if (caused.isEmpty()) {
                return;
            }
            step(bot, time * 1000 + k, caused);
        }
    }

    private boolean batchable() {
        return limits.pointsPerStep() > 1
                && execution == null
                && openOrders.isEmpty()
                && venue.position(spec.symbol()).posSize().signum() == 0;
    }

    private long nextPointTime() {
        long buffered = feed.nextTime();
        return buffered != Long.MAX_VALUE ? buffered : trades.peekTime();
    }

    private BigDecimal equity() {
        return venue.equity(spec.instrument().settleCurrency());
    }

    private int stepMany(SimulatedBots.Bot bot, List<SimulatedBots.Point> batch) {
        try {
            SimulatedBots.StepOutcome outcome =
                    bot.step(batch).get(limits.stepTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!"running".equals(outcome.botState())) {
                throw new StepFailed("the script stopped (" + outcome.botState() + ")");
            }
            return Math.max(1, outcome.pointsProcessed());
        } catch (ExecutionException e) {
            throw new StepFailed(String.valueOf(e.getCause().getMessage()));
        } catch (TimeoutException e) {
            throw new StepFailed("the script did not settle within " + limits.stepTimeout() + " of wall-clock time");
        } catch (InterruptedException | CancellationException e) {
            Thread.currentThread().interrupt();
            throw new StepFailed("interrupted");
        }
    }

    private static SimulatedBots.Event event(VenueEvent event) {
        return new SimulatedBots.Event(event.callback().replace("_update", ""), event.src(), event.sym(), event.data());
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
    private void warmUp() {
        while (trades.peekTime() < spec.from()) {
            market.advanceTo(Math.min(spec.from() - 1, trades.peekTime()));
            feed.release(spec.from() - 1);
        }
    }

    private Outcome finish(String status, String error) {
        if (error != null) {
            report.log(clock.millis(), "ERROR", "backtest " + status + ": " + error);
        }
        long end = Math.max(clock.millis(), spec.from());
        report.equity(end, equity());
        return new Outcome(status, error, report.build(plan.name(), spec.symbol(), end));
    }

    /** Why the script failed: the worker's reason and the last error it logged (the file and line), if not in it. */
    private String failureText(String fallback) {
        String reason = failure != null && !failure.isBlank() ? failure : fallback;
        String logged = lastError;
        if (logged != null && !reason.contains(logged)) {
            reason = reason + ": " + logged;
        }
        return reason.length() > MAX_ERROR ? reason.substring(0, MAX_ERROR) + "…" : reason;
    }

    private double percent(long time) {
        long span = Math.max(1, spec.to() - spec.from());
        return Math.min(100.0, Math.max(0, (time - spec.from()) * 100.0 / span));
    }

    private void onVenueEvent(VenueEvent event) {
        boolean market = event instanceof VenueEvent.QuoteUpdated || event instanceof VenueEvent.TradePrinted;
        if (!(market && batching)) {
            SimulatedBots.Event item = event(event);
            synchronized (pending) {
                pending.add(item);
            }
        }
        if (event instanceof VenueEvent.OrderUpdated updated) {
            if (updated.order().status().isOpen()) {
                openOrders.add(updated.order().orderId());
            } else {
                openOrders.remove(updated.order().orderId());
            }
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

    /**
     * The paper settings with the backtest's starting balance; before the first quote an XBT wallet is valued at the
     * data's first price (not the live fallback price).
     */
    private static PaperSettings withStartingBalance(
            PaperSettings settings, BigDecimal startingUsd, BigDecimal firstPrice) {
        return new PaperSettings(
                startingUsd,
                firstPrice == null ? settings.fallbackBtcPrice() : firstPrice,
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
            if (simulatedMicros != null && batching) {
                long time = Math.floorDiv(simulatedMicros, 1000);
                if (time > clock.millis()) {
                    clock.set(time);
                }
                feed.release(time);
            }
            Map<String, Object> result = calls.call(method, venue, args);
            return new SimulatedBots.Answer(result, ORDER_CHANGES.contains(method));
        }

        @Override
        public void log(String level, String message) {
            if (level.equals("ERROR") || level.equals("CRITICAL")) {
                lastError = message;
            }
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

    /** A trade source that remembers the price of the first trade it will give, without giving it early. */
    private static final class FirstPrice implements TradeSource {
        private final TradeSource source;
        private TapeTrade head;
        private boolean peeked;

        FirstPrice(TradeSource source) {
            this.source = source;
        }

        BigDecimal firstPrice() {
            if (!peeked && head == null && source.peekTime() != Long.MAX_VALUE) {
                head = source.next();
            }
            peeked = true;
            return head == null ? null : head.price();
        }

        @Override
        public long peekTime() {
            return head != null ? head.time() : source.peekTime();
        }

        @Override
        public TapeTrade next() {
            if (head != null) {
                TapeTrade trade = head;
                head = null;
                return trade;
            }
            return source.next();
        }
    }

    private static final class StepFailed extends RuntimeException {
        StepFailed(String message) {
            super(message, null, false, false);
        }
    }
}
