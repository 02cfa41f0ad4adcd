package dev.botlink.marketplace.execution;

import dev.botlink.marketplace.signal.InvalidSignalException;
import dev.botlink.marketplace.signal.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Base of the bot types: applies the {@link ExecutionGuard} around the type's own order logic, and
 * cancels the bot's orders once when it halts so no stale quotes stay on the book.
 *
 * @param <S> the kind of signal the bot type takes
 */
public abstract class GuardedBot<S extends Signal> implements ExecutionBot {
    private final Class<S> signalKind;
    private final String typeName;
    private final ExecutionGuard guard;
    private final IntentIds ids;
    private final OrderReconciler reconciler;
    private String symbol;
    private S signal;
    private List<String> previousNotes = List.of();

    protected GuardedBot(Class<S> signalKind, String typeName, String botId, ExecutionSettings settings) {
        this.signalKind = signalKind;
        this.typeName = typeName;
        this.guard = new ExecutionGuard(Objects.requireNonNull(settings, "settings is missing"));
        this.ids = new IntentIds(botId);
        this.reconciler = new OrderReconciler(settings.amendSupported());
    }

    @Override
    public final void onSignal(Signal candidate) {
        if (!signalKind.isInstance(candidate)) {
            throw new InvalidSignalException(
                    typeName + " bots take " + expectedKeyword() + " signals, got " + candidate.keyword());
        }
        if (symbol != null && !symbol.equals(candidate.symbol())) {
            throw new InvalidSignalException("this bot trades " + symbol + ", got a signal for " + candidate.symbol());
        }
        S accepted = signalKind.cast(candidate);
        signal = accepted;
        guard.resume();
        onAccepted(accepted);
    }

    @Override
    public final Decision evaluate(MarketState market, AccountState account) {
        if (symbol == null) {
            symbol = market.instrument().symbol();
        } else if (!symbol.equals(market.instrument().symbol())) {
            throw new IllegalArgumentException("this bot trades " + symbol + ", got market state for "
                    + market.instrument().symbol());
        }
        guard.advanceTo(market.timeMillis());
        List<String> notes = new ArrayList<>();
        if (signal != null && !signal.symbol().equals(symbol)) {
            // Signals can arrive before the first market state tells the bot its symbol.
            notes.add("ignored the " + signal.keyword() + " signal for " + signal.symbol() + ": this bot trades "
                    + symbol);
            signal = null;
        }
        if (guard.takeHaltCancels()) {
            notes.add("halted after repeated venue failures (last: " + guard.lastFailure()
                    + "); cancelling orders until a new signal");
            return send(cancelAll(account), BotStatus.HALTED, notes);
        }
        var blocked = guard.blocked();
        if (blocked.isPresent()) {
            return send(List.of(), blocked.get(), notes);
        }
        if (signal == null) {
            return send(cancelAll(account), BotStatus.WAITING_FOR_SIGNAL, notes);
        }
        return send(decide(signal, market, account, notes), BotStatus.ACTIVE, notes);
    }

    @Override
    public final void onVenueResult(VenueResult result) {
        guard.onResult(result);
    }

    /** Called after a signal was adopted, to reset type-specific state. */
    protected void onAccepted(S accepted) {}

    /** The intents for the current signal; called only when the guard allows sending. */
    protected abstract List<OrderIntent> decide(S signal, MarketState market, AccountState account, List<String> notes);

    /** The keyword of the signals this type takes, for messages. */
    protected abstract String expectedKeyword();

    /** Shared reconciler of wanted against open orders. */
    protected final List<OrderIntent> reconcile(List<DesiredOrder> desired, AccountState account) {
        return reconciler.reconcile(desired, account.openOrders(), ids);
    }

    /** The next intent id of this bot. */
    protected final String nextIntentId() {
        return ids.next();
    }

    /** Cancels for every open order of the account. */
    protected final List<OrderIntent> cancelAll(AccountState account) {
        return account.openOrders().stream()
                .<OrderIntent>map(order -> new OrderIntent.Cancel(ids.next(), order.orderId()))
                .toList();
    }

    private Decision send(List<OrderIntent> intents, BotStatus status, List<String> notes) {
        guard.sent(intents);
        // A condition such as "below one lot" holds for many evaluations: report it once, not every tick.
        List<String> fresh =
                notes.stream().filter(note -> !previousNotes.contains(note)).toList();
        previousNotes = List.copyOf(notes);
        return new Decision(intents, status, fresh);
    }
}
