package dev.botlink.marketplace.testing;

import dev.botlink.marketplace.execution.Decision;
import dev.botlink.marketplace.execution.ExecutionBot;
import dev.botlink.marketplace.execution.Instrument;
import dev.botlink.marketplace.execution.MarketState;
import dev.botlink.marketplace.execution.OrderIntent;
import dev.botlink.marketplace.execution.VenueResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Drives a bot over a scripted market path against a {@link ScriptedVenue}, one second per step. */
public final class BotRun {
    private final ExecutionBot bot;
    private final ScriptedVenue venue;
    private final Instrument instrument;
    private final List<Decision> decisions = new ArrayList<>();
    private long timeMillis;
    private boolean deliverResults = true;

    public BotRun(ExecutionBot bot, ScriptedVenue venue, Instrument instrument) {
        this.bot = bot;
        this.venue = venue;
        this.instrument = instrument;
    }

    /** A market around {@code last}: best bid one tick below, best ask one tick above. */
    public MarketState market(BigDecimal last, List<BigDecimal> closes) {
        return new MarketState(
                instrument,
                last.subtract(instrument.tickSize()),
                last.add(instrument.tickSize()),
                last,
                timeMillis,
                closes);
    }

    /** Whether venue results reach the bot (off simulates a lost connection). */
    public BotRun deliverResults(boolean deliver) {
        this.deliverResults = deliver;
        return this;
    }

    /** One step at {@code last}: the venue trades, the bot evaluates, its intents are executed. */
    public Decision step(String last) {
        return step(market(new BigDecimal(last), List.of()));
    }

    public Decision step(MarketState market) {
        venue.trade(market);
        Decision decision = bot.evaluate(market, venue.account());
        List<VenueResult> results = venue.execute(decision.intents(), market);
        if (deliverResults) {
            results.forEach(bot::onVenueResult);
        }
        decisions.add(decision);
        timeMillis = market.timeMillis() + 1_000;
        return decision;
    }

    /** Steps through each price in turn; returns the decisions. */
    public List<Decision> path(String... prices) {
        List<Decision> made = new ArrayList<>();
        for (String price : prices) {
            made.add(step(price));
        }
        return made;
    }

    /** Moves the clock without evaluating. */
    public BotRun advance(long millis) {
        timeMillis += millis;
        return this;
    }

    public long timeMillis() {
        return timeMillis;
    }

    public List<Decision> decisions() {
        return List.copyOf(decisions);
    }

    /** Every intent issued so far. */
    public List<OrderIntent> intents() {
        return decisions.stream().flatMap(d -> d.intents().stream()).toList();
    }
}
