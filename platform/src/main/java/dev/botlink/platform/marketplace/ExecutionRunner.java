package dev.botlink.platform.marketplace;

import dev.botlink.marketplace.execution.AccountState;
import dev.botlink.marketplace.execution.Decision;
import dev.botlink.marketplace.execution.ExecutionBot;
import dev.botlink.marketplace.execution.MarketState;
import dev.botlink.marketplace.execution.OpenOrder;
import dev.botlink.marketplace.execution.OrderIntent;
import dev.botlink.marketplace.signal.InvalidSignalException;
import dev.botlink.marketplace.signal.Signal;
import dev.botlink.platform.marketdata.MarketQuote;
import dev.botlink.platform.venue.Balance;
import dev.botlink.platform.venue.ExchangeClient;
import dev.botlink.platform.venue.ExchangeCommand;
import dev.botlink.platform.venue.Fill;
import dev.botlink.platform.venue.Instrument;
import dev.botlink.platform.venue.OrderState;
import dev.botlink.platform.venue.VenueEvent;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Drives one deployment's {@link ExecutionBot} against its venue on a thread of its own: adopts signals, evaluates on
 * every signal and at a fixed cadence, sends the intents through {@link IntentCommands} and reports each answer
 * back. Market state comes from the venue's quote stream, account state from the deployment's own orders (tagged
 * with {@link #tag}) and fills. Every queue is bounded; a full signal inbox drops the oldest signal (each signal
 * replaces the previous target anyway).
 */
final class ExecutionRunner implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ExecutionRunner.class);
    static final int SIGNAL_INBOX = 64;
    static final int MAX_PENDING_FILLS = 10_000;
    private static final int MAX_UNMATCHED = 256;
    private static final int MAX_CLOSES = 500;
    private static final long BALANCE_REFRESH_MS = 30_000;

    /** What a runner needs; {@code pastFills} rebuild its own position after a restart. */
    record Spec(
            long deploymentId,
            ExchangeClient client,
            Instrument instrument,
            ExecutionBot bot,
            List<dev.botlink.marketplace.metrics.Fill> pastFills,
            BigDecimal capital,
            long evaluateEveryMillis,
            long equityEveryMillis) {}

    private final Spec spec;
    private final ExecutionSink sink;
    private final String tag;
    private final String sym;
    private final dev.botlink.marketplace.execution.Instrument domainInstrument;
    private final OwnBook book = new OwnBook();
    private final ArrayBlockingQueue<Signal> signals = new ArrayBlockingQueue<>(SIGNAL_INBOX);
    private final ArrayBlockingQueue<Fill> fills = new ArrayBlockingQueue<>(MAX_PENDING_FILLS);
    private final Map<String, OrderState> open = new ConcurrentHashMap<>();
    private final Set<String> ours = ConcurrentHashMap.newKeySet();
    private final Map<String, List<Fill>> unmatched = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Fill>> eldest) {
            return size() > MAX_UNMATCHED;
        }
    };
    private final ArrayDeque<BigDecimal> closes = new ArrayDeque<>();
    private volatile MarketQuote quote;
    private volatile boolean running = true;
    private volatile boolean paused;
    private long closeMinute = -1;
    private long lastTime;
    private long nextEquityAt;
    private long balanceAt = Long.MIN_VALUE;
    private BigDecimal balance = BigDecimal.ZERO;
    private String lastStatus = "";
    private boolean pauseCancelsSent;
    private AutoCloseable subscription;
    private Thread thread;

    ExecutionRunner(Spec spec, ExecutionSink sink) {
        this.spec = spec;
        this.sink = sink;
        this.tag = "marketplace-" + spec.deploymentId();
        this.sym = spec.instrument().symbol();
        this.domainInstrument = new dev.botlink.marketplace.execution.Instrument(
                sym, spec.instrument().tickSize(), spec.instrument().lotSize());
        spec.pastFills().forEach(fill -> book.add(fill.side(), fill.price(), fill.size(), fill.fee()));
    }

    /** Subscribes to the venue and starts the runner thread. */
    void start() {
        subscription = spec.client().subscribe(this::onEvent);
        var found = spec.client().fetchOpenOrders();
        if (found.isOk()) {
            found.data().stream().filter(order -> tag.equals(order.text())).forEach(this::track);
        }
        thread = Thread.ofVirtual().name("deployment-" + spec.deploymentId()).start(this::run);
    }

    /** Hands a signal to the bot; never blocks. */
    void offer(Signal signal) {
        while (!signals.offer(signal)) {
            signals.poll();
        }
    }

    /** Paused: orders cancelled once, signals still adopted, nothing new sent until resumed. */
    void pause(boolean pause) {
        paused = pause;
        if (!pause) {
            pauseCancelsSent = false;
        }
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            if (subscription != null) {
                subscription.close();
            }
        } catch (Exception e) {
            LOG.debug("Closing a deployment's venue subscription", e);
        }
    }

    /** The latest mid, if a quote was seen. */
    BigDecimal mid() {
        MarketQuote current = quote;
        return current == null ? null : current.mid();
    }

    private void run() {
        try {
            while (running) {
                Signal signal = signals.poll(spec.evaluateEveryMillis(), TimeUnit.MILLISECONDS);
                drainFills();
                for (; signal != null; signal = signals.poll()) {
                    adopt(signal);
                }
                MarketQuote current = quote;
                if (current == null) {
                    continue;
                }
                if (paused) {
                    cancelOwnOrdersOnce();
                    report("PAUSED", null);
                    continue;
                }
                evaluate(current);
                sampleEquity(current);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warnf(e, "Deployment %d stopped", spec.deploymentId());
            report("FAILED", "the execution bot stopped: " + e.getMessage());
        } finally {
            cancelOwnOrders();
            drainFills();
        }
    }

    private void adopt(Signal signal) {
        try {
            spec.bot().onSignal(signal);
        } catch (InvalidSignalException e) {
            sink.status(spec.deploymentId(), lastStatus, "signal ignored: " + e.getMessage());
        }
    }

    private void evaluate(MarketQuote current) {
        lastTime = Math.max(lastTime, System.currentTimeMillis());
        BigDecimal bid = current.bidPrice();
        BigDecimal ask = current.askPrice().max(bid);
        MarketState market = new MarketState(domainInstrument, bid, ask, current.mid(), lastTime, closes());
        AccountState account = new AccountState(book.position(), book.entryPrice(), openOrders(), balance(current));
        Decision decision = spec.bot().evaluate(market, account);
        for (OrderIntent intent : decision.intents()) {
            var outcome = IntentCommands.send(spec.client(), sym, tag, intent, open);
            outcome.orders().forEach(this::track);
            spec.bot().onVenueResult(outcome.result());
            drainFills();
        }
        decision.notes()
                .forEach(note ->
                        sink.status(spec.deploymentId(), decision.status().name(), note));
        report(decision.status().name(), null);
    }

    private void report(String status, String note) {
        if (!status.equals(lastStatus) || note != null) {
            lastStatus = status;
            sink.status(spec.deploymentId(), status, note);
        }
    }

    private List<OpenOrder> openOrders() {
        return open.values().stream()
                .filter(order -> order.status().isOpen() && order.remainSize().signum() > 0)
                .limit(AccountState.MAX_OPEN_ORDERS)
                .map(order -> new OpenOrder(
                        order.orderId(), IntentCommands.side(order.side()), order.orderPrice(), order.remainSize()))
                .toList();
    }

    /** The venue balance in the quote currency, refreshed every 30 s (each fetch counts against rate limits). */
    private BigDecimal balance(MarketQuote current) {
        if (lastTime - balanceAt < BALANCE_REFRESH_MS) {
            return balance;
        }
        balanceAt = lastTime;
        Instrument instrument = spec.instrument();
        var result = spec.client().fetchBalances();
        if (result.isOk()) {
            BigDecimal amount = result.data().stream()
                    .filter(b -> b.asset().equals(instrument.settleCurrency()))
                    .map(Balance::amount)
                    .findFirst()
                    .orElse(BigDecimal.ZERO);
            balance = instrument.settleCurrency().equals(instrument.quoteCurrency())
                    ? amount
                    : amount.multiply(current.mid());
            balance = balance.max(BigDecimal.ZERO);
        }
        return balance;
    }

    private void sampleEquity(MarketQuote current) {
        if (lastTime < nextEquityAt) {
            return;
        }
        nextEquityAt = lastTime + spec.equityEveryMillis();
        sink.equity(spec.deploymentId(), lastTime, spec.capital().add(book.pnl(current.mid())));
    }

    private void cancelOwnOrdersOnce() {
        if (!pauseCancelsSent) {
            pauseCancelsSent = true;
            cancelOwnOrders();
        }
    }

    private void cancelOwnOrders() {
        for (String orderId : List.copyOf(open.keySet())) {
            try {
                var result = spec.client().cancelOrders(new ExchangeCommand.CancelOrders(orderId, sym));
                if (result.isOk()) {
                    result.data().forEach(this::track);
                }
            } catch (RuntimeException e) {
                LOG.debugf("Deployment %d could not cancel %s: %s", spec.deploymentId(), orderId, e.getMessage());
            }
        }
    }

    private void onEvent(VenueEvent event) {
        if (!sym.equals(event.sym())) {
            return;
        }
        switch (event) {
            case VenueEvent.QuoteUpdated updated -> onQuote(updated.quote());
            case VenueEvent.OrderUpdated updated -> {
                if (tag.equals(updated.order().text())
                        || ours.contains(updated.order().orderId())) {
                    track(updated.order());
                }
            }
            case VenueEvent.OrderFilled filled -> onFill(filled.fill());
            default -> {}
        }
    }

    private void onQuote(MarketQuote next) {
        if (next.bidPrice().signum() <= 0 || next.askPrice().signum() <= 0) {
            return;
        }
        quote = next;
        long minute = System.currentTimeMillis() / 60_000;
        synchronized (closes) {
            if (minute != closeMinute) {
                closeMinute = minute;
                closes.addLast(next.mid());
                if (closes.size() > MAX_CLOSES) {
                    closes.removeFirst();
                }
            } else {
                closes.pollLast();
                closes.addLast(next.mid());
            }
        }
    }

    private List<BigDecimal> closes() {
        synchronized (closes) {
            return new ArrayList<>(closes);
        }
    }

    private void onFill(Fill fill) {
        synchronized (unmatched) {
            if (ours.contains(fill.orderId())) {
                enqueue(fill);
            } else {
                unmatched
                        .computeIfAbsent(fill.orderId(), id -> new ArrayList<>())
                        .add(fill);
            }
        }
    }

    /** Records one of this deployment's orders; fills that came before its id was known are claimed now. */
    private void track(OrderState order) {
        synchronized (unmatched) {
            ours.add(order.orderId());
            List<Fill> early = unmatched.remove(order.orderId());
            if (early != null) {
                early.forEach(this::enqueue);
            }
        }
        if (order.status().isOpen()) {
            open.put(order.orderId(), order);
        } else {
            open.remove(order.orderId());
        }
    }

    private void enqueue(Fill fill) {
        if (!fills.offer(fill)) {
            LOG.warnf("Deployment %d dropped a fill: more than %d unprocessed", spec.deploymentId(), MAX_PENDING_FILLS);
        }
    }

    private void drainFills() {
        for (Fill fill = fills.poll(); fill != null; fill = fills.poll()) {
            BigDecimal fee = fill.feeCurrency().equals(spec.instrument().quoteCurrency())
                    ? fill.fee()
                    : fill.fee().multiply(fill.fillPrice());
            var own = new dev.botlink.marketplace.metrics.Fill(
                    fill.time(), IntentCommands.side(fill.side()), fill.fillPrice(), fill.fillSize(), fee);
            book.add(own.side(), own.price(), own.size(), own.fee());
            sink.filled(spec.deploymentId(), own);
        }
    }
}
