package dev.botlink.platform.venue.paper;

import dev.botlink.platform.marketdata.Candle;
import dev.botlink.platform.marketdata.MarketDataFeed;
import dev.botlink.platform.marketdata.MarketDataListener;
import dev.botlink.platform.marketdata.MarketQuote;
import dev.botlink.platform.marketdata.MarketTrade;
import dev.botlink.platform.venue.Balance;
import dev.botlink.platform.venue.ExchangeClient;
import dev.botlink.platform.venue.ExchangeCommand.AmendOrder;
import dev.botlink.platform.venue.ExchangeCommand.CallEndpoint;
import dev.botlink.platform.venue.ExchangeCommand.CancelOrders;
import dev.botlink.platform.venue.ExchangeCommand.CreateLimitOrder;
import dev.botlink.platform.venue.ExchangeCommand.CreateMarketOrder;
import dev.botlink.platform.venue.ExchangeCommand.FetchCandles;
import dev.botlink.platform.venue.Fill;
import dev.botlink.platform.venue.Instrument;
import dev.botlink.platform.venue.OrderState;
import dev.botlink.platform.venue.PositionState;
import dev.botlink.platform.venue.RateLimits;
import dev.botlink.platform.venue.Rejection;
import dev.botlink.platform.venue.VenueConfig;
import dev.botlink.platform.venue.VenueError;
import dev.botlink.platform.venue.VenueEvent;
import dev.botlink.platform.venue.VenueListener;
import dev.botlink.platform.venue.VenueRejection;
import dev.botlink.platform.venue.VenueResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The paper adapter of the {@link ExchangeClient} port: one account's simulated BitMEX or WOO X venue, trading
 * against the {@link MarketDataFeed}'s market through a {@link PaperMatchingEngine}. One lock per account orders
 * API calls and market events; events reach listeners under it, in order.
 */
public final class PaperExchangeClient implements ExchangeClient, AutoCloseable {

    /** Fills kept for the next snapshot; beyond this the oldest unsaved fill history is dropped (state is not). */
    public static final int MAX_UNSAVED_FILLS = 100_000;

    /** A snapshot to save and the change it covers (see {@link #committed}). */
    public record PendingSave(PaperSnapshot snapshot, long changeSequence) {}

    private final VenueConfig config;
    private final Map<String, Instrument> instruments;
    private final MarketDataFeed feed;
    private final InstantSource clock;
    private final PaperSettings settings;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<VenueListener> listeners = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> feedSubscriptions = new ArrayList<>();
    private final RateLimiter rateLimiter;
    private final PaperMatchingEngine engine;
    private final PaperNativeApi nativeApi;
    private final ArrayDeque<Fill> unsavedFills = new ArrayDeque<>();
    private long droppedFills;
    private volatile boolean dirty;
    /** Counts state changes (under the lock); a call's result covers the changes up to its value. */
    private long changeSequence;

    private final CommitWaiters commitWaiters;
    private volatile Runnable wakeCommitter;

    /**
     * A fresh account with the starting wallet, subscribed to {@code feed} for every simulated symbol it serves.
     *
     * @throws IllegalArgumentException if {@code config} is not a paper venue of a simulated exchange id
     */
    public PaperExchangeClient(VenueConfig config, MarketDataFeed feed, InstantSource clock, PaperSettings settings) {
        if (config.mode() != VenueConfig.Mode.PAPER) {
            throw new IllegalArgumentException("venue '" + config.name() + "' is not in paper mode");
        }
        this.config = config;
        this.commitWaiters = new CommitWaiters(config.name());
        this.instruments = PaperInstruments.forExchange(config.exchangeId())
                .orElseThrow(() -> new IllegalArgumentException("no paper simulation for exchange '"
                        + config.exchangeId() + "': use one of " + PaperInstruments.exchangeIds()));
        this.feed = feed;
        this.clock = clock;
        this.settings = settings;
        this.rateLimiter = new RateLimiter(settings.rateLimit(), settings.rateWindow(), clock);
        this.engine = new PaperMatchingEngine(
                clock,
                new PaperWallet(instruments.values()),
                new LiquidityModel(settings.depthLevels()),
                settings.maxOpenOrdersPerSymbol(),
                settings.positionUpdateInterval(),
                new Dispatch());
        this.nativeApi = PaperNativeApi.of(this, settings.depthLevels());
        engine.wallet().reset(startingBalances());
        for (Instrument instrument : instruments.values()) {
            if (feed.serves(src(), instrument.symbol())) {
                // Start from the market as it is, not from the next quote: a market order can trade at once.
                feed.lastQuote(src(), instrument.symbol()).ifPresent(quote -> engine.onQuote(instrument, quote));
                feedSubscriptions.add(feed.subscribe(src(), instrument.symbol(), new FeedListener(instrument)));
            }
        }
    }

    @Override
    public String src() {
        return config.exchangeId();
    }

    @Override
    public String venue() {
        return config.name();
    }

    public VenueConfig config() {
        return config;
    }

    public Map<String, Instrument> instruments() {
        return instruments;
    }

    @Override
    public VenueResult<List<Candle>> fetchCandles(FetchCandles command) {
        return call(() -> feed.candles(
                src(), instrument(command.sym()).symbol(), command.level(), command.since(), settings.candlePage()));
    }

    @Override
    public VenueResult<List<Balance>> fetchBalances() {
        return call(() -> engine.wallet().balances());
    }

    @Override
    public VenueResult<List<OrderState>> fetchOpenOrders() {
        return call(engine::openOrders);
    }

    @Override
    public VenueResult<List<PositionState>> fetchPositions() {
        return call(this::openPositions);
    }

    @Override
    public VenueResult<OrderState> createLimitOrder(CreateLimitOrder command) {
        return call(() -> limit(command));
    }

    @Override
    public VenueResult<OrderState> createMarketOrder(CreateMarketOrder command) {
        return call(() -> {
            Instrument instrument = instrument(command.sym());
            return engine.submitMarket(
                    instrument, command.side(), ContractMath.of(instrument).orderUnits(command.size()));
        });
    }

    @Override
    public VenueResult<List<OrderState>> cancelOrders(CancelOrders command) {
        return call(() -> {
            if (command.orderId() == null && command.sym() != null) {
                instrument(command.sym());
            }
            return engine.cancel(command.orderId(), command.sym());
        });
    }

    @Override
    public VenueResult<OrderState> amendOrder(AmendOrder command) {
        return call(() -> amend(command));
    }

    @Override
    public VenueResult<Object> callEndpoint(CallEndpoint command) {
        return call(() -> nativeApi.call(command));
    }

    @Override
    public AutoCloseable subscribe(VenueListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Cancels every open order and gives the account its starting wallet again (positions closed, PnL gone). */
    public VenueResult<List<Balance>> resetWallet() {
        return call(() -> {
            engine.cancel(null, null);
            engine.wallet().reset(startingBalances());
            changed();
            return engine.wallet().balances();
        });
    }

    /**
     * The account's value in {@code currency} (balance plus unrealised PnL at the marks), read outside the simulated
     * rate limits: for reports (backtests mark their equity at every point), not for bots.
     */
    public BigDecimal equity(String currency) {
        return locked(() -> engine.wallet().equity(currency));
    }

    /** The open position of {@code sym} (zero size when flat), outside the simulated rate limits (for reports). */
    public PositionState position(String sym) {
        Instrument instrument = instrument(sym);
        return locked(() -> engine.wallet().position(instrument).state(clock.millis()));
    }

    /** The latest quote of {@code sym} on the market this venue trades on, if any. */
    public java.util.Optional<MarketQuote> lastQuoteOf(String sym) {
        return feed.lastQuote(src(), sym);
    }

    /** Runs the engine's invariant check under the account's lock (tests call it after every scenario). */
    public void validateInternalState() {
        locked(() -> {
            engine.validateInternalState();
            return null;
        });
    }

    /** Whether state changed since the last {@link #snapshot} (the persistence flusher polls this). */
    public boolean isDirty() {
        return dirty;
    }

    /** Marks the account as needing a save (after a failed one). */
    public void markDirty() {
        dirty = true;
    }

    /** Fills that could not wait for a snapshot because the unsaved buffer was full (see {@link #MAX_UNSAVED_FILLS}). */
    public long droppedFills() {
        return locked(() -> droppedFills);
    }

    /** The account's state and the fills since the last snapshot, with the change it covers; clears the dirty flag. */
    public PendingSave snapshotForSave(String venueKey) {
        return locked(() -> {
            List<Fill> fills = List.copyOf(unsavedFills);
            unsavedFills.clear();
            dirty = false;
            PaperSnapshot snapshot = PaperSnapshots.take(
                    engine,
                    new PaperSnapshot(venueKey, src(), venue(), List.of(), List.of(), List.of(), List.of(), fills));
            return new PendingSave(snapshot, changeSequence);
        });
    }

    /**
     * Turns on group commit: every change calls {@code wake} (which must be cheap and not block), and a call that
     * changed state returns only once {@link #committed} has covered its change, or after {@code timeout} (then it
     * returns anyway and logs a warning: the store is failing, and the change is saved when it recovers). Inside
     * {@link DeferredCommits#run} the call returns at once and its caller waits on {@link DeferredCommits#saved}.
     */
    public void enableGroupCommit(Runnable wake, Duration timeout) {
        commitWaiters.enable(timeout);
        this.wakeCommitter = wake;
    }

    /** Tells waiting calls that changes up to {@code changeSequence} are in the store. */
    public void committed(long changeSequence) {
        commitWaiters.committed(changeSequence);
    }

    /**
     * Replaces this (fresh) account's state with a saved one; open orders rest again with their queue estimates, and
     * positions are marked (and orders matched) at the market's current quotes.
     */
    public void restore(PaperSnapshot snapshot) {
        locked(() -> {
            PaperSnapshots.restore(engine, this::instrument, snapshot);
            for (Instrument instrument : instruments.values()) {
                if (feed.serves(src(), instrument.symbol())) {
                    feed.lastQuote(src(), instrument.symbol()).ifPresent(quote -> engine.onQuote(instrument, quote));
                }
            }
            return null;
        });
    }

    @Override
    public void close() {
        for (AutoCloseable subscription : feedSubscriptions) {
            try {
                subscription.close();
            } catch (Exception ignored) {
                // Closing a feed subscription only removes a listener; nothing to recover.
            }
        }
        listeners.clear();
    }

    OrderState limit(CreateLimitOrder command) {
        Instrument instrument = instrument(command.sym());
        ContractMath math = ContractMath.of(instrument);
        return engine.submitLimit(
                instrument,
                command.side(),
                math.orderUnits(command.size()),
                math.priceTicks(command.price()),
                command.postOnly(),
                command.text());
    }

    OrderState amend(AmendOrder command) {
        if (command.size() == null && command.price() == null) {
            throw new VenueRejection(Rejection.MISSING_ARGUMENT, "amend_order needs a new size or price (or both)");
        }
        Instrument instrument = engine.openInstrument(command.orderId());
        Long units = command.size() == null || instrument == null ? null : instrument.orderUnits(command.size());
        Long ticks = command.price() == null || instrument == null ? null : instrument.priceTicks(command.price());
        return engine.amend(command.orderId(), units, ticks);
    }

    List<PositionState> openPositions() {
        long now = clock.millis();
        return engine.wallet().positions().stream()
                .filter(position -> position.units != 0)
                .map(position -> position.state(now))
                .toList();
    }

    PaperMatchingEngine engine() {
        return engine;
    }

    Instrument instrument(String sym) {
        Instrument instrument = sym == null ? null : instruments.get(sym);
        if (instrument == null) {
            throw new VenueRejection(
                    Rejection.UNKNOWN_SYMBOL,
                    "The symbol '" + sym + "' does not exist on " + config.name() + " (" + src()
                            + " paper): use one of " + instruments.keySet());
        }
        return instrument;
    }

    InstantSource clock() {
        return clock;
    }

    <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    private <T> VenueResult<T> call(Supplier<T> action) {
        VenueResult<T> result;
        long covers;
        lock.lock();
        try {
            result = callLocked(action);
            covers = changeSequence;
        } finally {
            lock.unlock();
        }
        CompletableFuture<Void> saved = commitWaiters.whenSaved(covers);
        DeferredCommits deferred = DeferredCommits.current();
        if (deferred != null) {
            deferred.add(saved);
        } else {
            awaitQuietly(saved);
        }
        return result;
    }

    private static void awaitQuietly(CompletableFuture<Void> saved) {
        try {
            saved.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a commit wait never fails", e);
        }
    }

    private void changed() {
        changeSequence++;
        dirty = true;
        Runnable wake = wakeCommitter;
        if (wake != null) {
            wake.run();
        }
    }

    private <T> VenueResult<T> callLocked(Supplier<T> action) {
        if (!rateLimiter.tryAcquire()) {
            RateLimits limits = rateLimiter.state();
            return VenueResult.failed(
                    src(),
                    venue(),
                    VenueError.of(
                            Rejection.RATE_LIMITED,
                            "no API credits left"
                                    + " on " + venue() + " until " + Instant.ofEpochSecond(limits.reset())
                                    + ": retry after rate_limits.reset"),
                    limits);
        }
        try {
            T data = action.get();
            return VenueResult.ok(src(), venue(), data, rateLimiter.state());
        } catch (VenueRejection rejection) {
            return VenueResult.failed(src(), venue(), rejection.toError(), rateLimiter.state());
        }
    }

    private Map<String, BigDecimal> startingBalances() {
        Map<String, BigDecimal> balances = new LinkedHashMap<>();
        for (Instrument instrument : instruments.values()) {
            String currency = instrument.settleCurrency();
            if (!balances.containsKey(currency)) {
                balances.put(currency, startingAmount(currency));
            }
        }
        return balances;
    }

    private BigDecimal startingAmount(String currency) {
        if (!currency.equals("XBT")) {
            return settings.startingUsd();
        }
        BigDecimal btcPrice =
                feed.lastQuote(src(), "XBTUSD").map(MarketQuote::mid).orElse(settings.fallbackBtcPrice());
        return settings.startingUsd().divide(btcPrice, 8, RoundingMode.DOWN);
    }

    private void publish(VenueEvent event) {
        for (VenueListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException ignored) {
                // A failing listener must not stop the venue or other listeners (port contract).
            }
        }
    }

    /** Feeds one symbol's market data into the engine, then streams it to listeners. */
    private final class FeedListener implements MarketDataListener {
        private final Instrument instrument;

        FeedListener(Instrument instrument) {
            this.instrument = instrument;
        }

        @Override
        public void onQuote(MarketQuote quote) {
            locked(() -> {
                engine.onQuote(instrument, quote);
                publish(new VenueEvent.QuoteUpdated(src(), quote));
                return null;
            });
        }

        @Override
        public void onTrade(MarketTrade trade) {
            locked(() -> {
                publish(new VenueEvent.TradePrinted(src(), trade));
                engine.onTrade(instrument, trade);
                return null;
            });
        }
    }

    /** Turns the engine's changes into the port's events. */
    private final class Dispatch implements PaperEvents {
        @Override
        public void order(OrderState order) {
            changed();
            publish(new VenueEvent.OrderUpdated(src(), venue(), order));
        }

        @Override
        public void fill(Fill fill) {
            changed();
            if (unsavedFills.size() == MAX_UNSAVED_FILLS) {
                unsavedFills.pollFirst();
                droppedFills++;
            }
            unsavedFills.addLast(fill);
            publish(new VenueEvent.OrderFilled(src(), venue(), fill));
        }

        @Override
        public void position(PositionState position) {
            changed();
            publish(new VenueEvent.PositionUpdated(src(), venue(), position));
        }
    }
}
