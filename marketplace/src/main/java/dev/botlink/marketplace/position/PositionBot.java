package dev.botlink.marketplace.position;

import dev.botlink.marketplace.execution.AccountState;
import dev.botlink.marketplace.execution.DesiredOrder;
import dev.botlink.marketplace.execution.ExecutionSettings;
import dev.botlink.marketplace.execution.GuardedBot;
import dev.botlink.marketplace.execution.Instrument;
import dev.botlink.marketplace.execution.MarketState;
import dev.botlink.marketplace.execution.OrderIntent;
import dev.botlink.marketplace.execution.Side;
import dev.botlink.marketplace.signal.TargetPosition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Position bot: holds {@code size × maxPosition} of the instrument, where {@code size} is the latest
 * {@code size=} signal in [-1, 1].
 *
 * <p>Each evaluation computes the gap between target and position (target rounded towards zero to the
 * lot, so the bot never overshoots) and works one order of at most {@code maxOrderSize} to close it: a
 * limit order at the touch, kept while it is right and moved when the touch moves, or a market order.
 * A gap below one lot is left alone. When a stop-loss or take-profit triggers, the bot flattens with one
 * market order for the whole position and stays flat until the next signal.
 */
public final class PositionBot extends GuardedBot<TargetPosition> {
    private final PositionParameters parameters;
    private final ProtectiveExit exit;
    private boolean exited;

    public PositionBot(String botId, PositionParameters parameters, ExecutionSettings settings) {
        super(TargetPosition.class, "Position", botId, settings);
        this.parameters = parameters;
        this.exit = new ProtectiveExit(parameters.stopLoss(), parameters.takeProfit());
    }

    @Override
    protected void onAccepted(TargetPosition accepted) {
        exited = false;
    }

    @Override
    protected String expectedKeyword() {
        return "size=";
    }

    @Override
    protected List<OrderIntent> decide(
            TargetPosition signal, MarketState market, AccountState account, List<String> notes) {
        Instrument instrument = market.instrument();
        if (!exited) {
            exit.check(market, account).ifPresent(reason -> {
                exited = true;
                notes.add(reason + ": flattening until the next signal");
            });
        }
        BigDecimal target = exited
                ? BigDecimal.ZERO
                : instrument.roundSizeDown(signal.size().multiply(parameters.maxPosition()));
        BigDecimal gap = target.subtract(account.position());
        // A protective exit closes the whole position at once: splitting it would prolong the loss.
        BigDecimal step =
                instrument.roundSizeDown(exited ? gap.abs() : gap.abs().min(parameters.maxOrderSize()));
        if (!instrument.isTradable(step)) {
            if (gap.signum() != 0) {
                notes.add("gap of " + gap.toPlainString() + " to the target is below one lot ("
                        + instrument.lotSize().toPlainString() + "): not sent");
            }
            return cancelAll(account);
        }
        Side side = gap.signum() > 0 ? Side.BUY : Side.SELL;
        if (exited || parameters.orderType() == OrderType.MARKET) {
            List<OrderIntent> intents = new ArrayList<>(cancelAll(account));
            intents.add(new OrderIntent.PlaceMarket(nextIntentId(), side, step));
            return intents;
        }
        BigDecimal touch = side == Side.BUY ? market.bestBid() : market.bestAsk();
        return reconcile(List.of(new DesiredOrder(side, instrument.roundPrice(touch, side), step)), account);
    }
}
