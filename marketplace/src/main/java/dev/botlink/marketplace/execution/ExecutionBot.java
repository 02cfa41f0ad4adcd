package dev.botlink.marketplace.execution;

import dev.botlink.marketplace.signal.InvalidSignalException;
import dev.botlink.marketplace.signal.Signal;

/**
 * A signal-driven execution bot: turns the latest signal, the market and the account into order intents.
 *
 * <p>The platform drives it in a loop: pass every signal to {@link #onSignal}, call {@link #evaluate} on
 * market or account changes (or a timer), send the returned intents to the venue in order, and report
 * each intent's outcome to {@link #onVenueResult}. Deterministic: the same calls give the same intents,
 * so backtests and paper trading reuse it. Not thread-safe: drive one bot from one thread.
 */
public interface ExecutionBot {

    /**
     * Adopts a signal; it takes effect at the next evaluation. It lifts a halt, but neither a halt's nor a
     * back-off's pause is cut short.
     *
     * @throws InvalidSignalException if this bot type does not take that kind of signal or its value is
     *     unusable; the bot keeps its previous signal
     */
    void onSignal(Signal signal);

    /**
     * The intents that move the bot's orders and position towards its signal.
     *
     * @param market the market now; its time must not be earlier than at the previous evaluation
     * @param account the bot's account now, reflecting every result reported so far
     * @throws IllegalArgumentException if the market time goes backwards or the instrument changes
     */
    Decision evaluate(MarketState market, AccountState account);

    /** Records the venue's answer to an intent returned by {@link #evaluate}; unknown ids are ignored. */
    void onVenueResult(VenueResult result);
}
