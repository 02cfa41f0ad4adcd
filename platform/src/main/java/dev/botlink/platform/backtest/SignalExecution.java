package dev.botlink.platform.backtest;

import dev.botlink.marketplace.BotType;
import dev.botlink.marketplace.execution.AccountState;
import dev.botlink.marketplace.execution.Decision;
import dev.botlink.marketplace.execution.ExecutionBot;
import dev.botlink.marketplace.execution.ExecutionSettings;
import dev.botlink.marketplace.execution.MarketState;
import dev.botlink.marketplace.execution.OpenOrder;
import dev.botlink.marketplace.execution.OrderIntent;
import dev.botlink.marketplace.parameter.ParameterSetting;
import dev.botlink.marketplace.signal.InvalidSignalException;
import dev.botlink.marketplace.signal.Signal;
import dev.botlink.marketplace.signal.SignalParser;
import dev.botlink.platform.marketdata.MarketQuote;
import dev.botlink.platform.marketplace.IntentCommands;
import dev.botlink.platform.venue.Fill;
import dev.botlink.platform.venue.Instrument;
import dev.botlink.platform.venue.OrderState;
import dev.botlink.platform.venue.PositionState;
import dev.botlink.platform.venue.paper.PaperExchangeClient;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Signals script's signals driving a marketplace execution bot type (Position, Grid, Market Maker) on the backtest's
 * isolated venue, in simulated time: the same domain bots and the same intent-to-command mapping
 * ({@link IntentCommands}) as live deployments. Signals are adopted at the next time point (live deployments adopt
 * them asynchronously too); the bot is evaluated after each adopted signal and at least every simulated second.
 * Driven by the engine's thread; {@link #onSignal} may come from a sandbox connection thread.
 */
public final class SignalExecution {

    private static final int INBOX = 64;
    private static final long EVALUATE_EVERY_MILLIS = 1_000;
    private static final int MAX_CLOSES = 500;

    private final ExecutionBot bot;
    private final String botType;
    private final ArrayDeque<Map<String, Object>> inbox = new ArrayDeque<>();
    private final Map<String, OrderState> open = new LinkedHashMap<>();
    private final ArrayDeque<BigDecimal> closes = new ArrayDeque<>();
    private PaperExchangeClient venue;
    private Instrument instrument;
    private dev.botlink.marketplace.execution.Instrument domainInstrument;
    private ReportBuilder report;
    private long nextEvaluation = Long.MIN_VALUE;
    private long closeMinute = Long.MIN_VALUE;
    private String lastStatus = "";

    /**
     * @throws dev.botlink.marketplace.parameter.InvalidParametersException naming every bad parameter
     * @throws IllegalArgumentException for an unknown type
     */
    public SignalExecution(String botType, Map<String, Object> parameters) {
        BotType type = BotType.valueOf(botType);
        Map<String, ParameterSetting> settings = new LinkedHashMap<>();
        parameters.forEach((name, value) -> settings.put(name, ParameterSetting.of(value)));
        this.bot = type.create("backtest", settings, ExecutionSettings.DEFAULTS);
        this.botType = type.name();
    }

    void attach(PaperExchangeClient venue, Instrument instrument, ReportBuilder report) {
        this.venue = venue;
        this.instrument = instrument;
        this.report = report;
        this.domainInstrument = new dev.botlink.marketplace.execution.Instrument(
                instrument.symbol(), instrument.tickSize(), instrument.lotSize());
    }

    void onSignal(Map<String, Object> signal, long time) {
        synchronized (inbox) {
            if (inbox.size() == INBOX) {
                inbox.pollFirst();
            }
            inbox.addLast(signal);
        }
    }

    void onOrder(OrderState order) {
        if (order.status().isOpen()) {
            open.put(order.orderId(), order);
        } else {
            open.remove(order.orderId());
        }
    }

    void onFill(Fill fill) {
        // Position and balance are read from the venue at each evaluation.
    }

    /** Adopts pending signals and evaluates the bot at {@code time} when due. */
    void evaluate(long time) {
        boolean adopted = false;
        for (Map<String, Object> raw = nextSignal(); raw != null; raw = nextSignal()) {
            adopted |= adopt(raw, time);
        }
        Optional<MarketQuote> quote = venue.lastQuoteOf(instrument.symbol());
        if (quote.isEmpty()) {
            return;
        }
        trackClose(quote.get().mid(), time);
        if (!adopted && time < nextEvaluation) {
            return;
        }
        nextEvaluation = time + EVALUATE_EVERY_MILLIS;
        MarketQuote current = quote.get();
        BigDecimal bid = current.bidPrice();
        BigDecimal ask = current.askPrice().max(bid);
        MarketState market = new MarketState(domainInstrument, bid, ask, current.mid(), time, new ArrayList<>(closes));
        Decision decision = bot.evaluate(market, account(current));
        for (OrderIntent intent : decision.intents()) {
            IntentCommands.Outcome outcome =
                    IntentCommands.send(venue, instrument.symbol(), "backtest", intent, Map.copyOf(open));
            outcome.orders().forEach(this::onOrder);
            bot.onVenueResult(outcome.result());
        }
        decision.notes().forEach(note -> report.log(time, "INFO", botType + ": " + note));
        String status = decision.status().name();
        if (!status.equals(lastStatus)) {
            lastStatus = status;
            report.log(time, "INFO", botType + " execution bot: " + status);
        }
    }

    private boolean adopt(Map<String, Object> raw, long time) {
        Map<String, Object> fields = new LinkedHashMap<>(raw);
        Object src = fields.remove("src");
        Object sym = fields.remove("sym");
        try {
            Signal signal =
                    SignalParser.parse(src instanceof String s ? s : null, sym instanceof String s ? s : null, fields);
            if (!instrument.symbol().equals(sym) || !instrument.exchangeId().equals(src)) {
                report.log(
                        time,
                        "WARNING",
                        "signal for " + src + ":" + sym + " ignored: this backtest executes " + instrument.exchangeId()
                                + ":" + instrument.symbol());
                return false;
            }
            bot.onSignal(signal);
            return true;
        } catch (InvalidSignalException e) {
            report.log(time, "WARNING", "signal ignored: " + e.getMessage());
            return false;
        }
    }

    private Map<String, Object> nextSignal() {
        synchronized (inbox) {
            return inbox.pollFirst();
        }
    }

    private AccountState account(MarketQuote quote) {
        PositionState position = venue.position(instrument.symbol());
        BigDecimal size = position.posSize();
        Optional<BigDecimal> entry = size.signum() == 0 || position.entryPrice() == null
                ? Optional.empty()
                : Optional.of(position.entryPrice());
        if (size.signum() != 0 && entry.isEmpty()) {
            entry = Optional.of(quote.mid());
        }
        List<OpenOrder> orders = open.values().stream()
                .filter(order -> order.remainSize().signum() > 0)
                .limit(AccountState.MAX_OPEN_ORDERS)
                .map(order -> new OpenOrder(
                        order.orderId(), IntentCommands.side(order.side()), order.orderPrice(), order.remainSize()))
                .toList();
        BigDecimal balance = venue.equity(instrument.settleCurrency());
        if (!instrument.settleCurrency().equals(instrument.quoteCurrency())) {
            balance = balance.multiply(quote.mid());
        }
        return new AccountState(size, entry, orders, balance.max(BigDecimal.ZERO));
    }

    private void trackClose(BigDecimal mid, long time) {
        long minute = Math.floorDiv(time, 60_000);
        if (minute != closeMinute) {
            closeMinute = minute;
            closes.addLast(mid);
            if (closes.size() > MAX_CLOSES) {
                closes.removeFirst();
            }
        } else {
            closes.pollLast();
            closes.addLast(mid);
        }
    }
}
