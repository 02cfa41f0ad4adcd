package dev.botlink.marketplace.grid;

import dev.botlink.marketplace.execution.AccountState;
import dev.botlink.marketplace.execution.DesiredOrder;
import dev.botlink.marketplace.execution.ExecutionSettings;
import dev.botlink.marketplace.execution.GuardedBot;
import dev.botlink.marketplace.execution.Instrument;
import dev.botlink.marketplace.execution.MarketState;
import dev.botlink.marketplace.execution.OrderIntent;
import dev.botlink.marketplace.execution.Side;
import dev.botlink.marketplace.signal.GridAnchor;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Grid bot (neutral, long or short): rests buy rungs at {@code anchor × (1 - k × spacing)} and sell rungs
 * at {@code anchor × (1 + k × spacing)} for k = 1..levels, the anchor coming from {@code mid=} signals.
 *
 * <p>How many rungs each side gets follows from the position and {@code maxInventory}: the buy rungs
 * together never take the position above the limit (in long mode) or above zero (in short mode), and
 * likewise for sells, nearest rungs first. A filled rung therefore frees the rung on the other side and is
 * placed again while inventory allows. Rungs that would cross the book are held back until the market
 * comes to them, so the grid only ever rests passive orders. The grid re-centres when the anchor moves
 * by at least {@code recenterThreshold}.
 */
public final class GridBot extends GuardedBot<GridAnchor> {
    private final GridParameters parameters;
    private BigDecimal centre;

    public GridBot(String botId, GridParameters parameters, ExecutionSettings settings) {
        super(GridAnchor.class, "Grid", botId, settings);
        this.parameters = parameters;
    }

    @Override
    protected String expectedKeyword() {
        return "mid=";
    }

    /** The price the rungs are currently centred on, or null before the first signal. */
    public BigDecimal centre() {
        return centre;
    }

    @Override
    protected List<OrderIntent> decide(
            GridAnchor signal, MarketState market, AccountState account, List<String> notes) {
        recentre(signal.mid(), notes);
        Instrument instrument = market.instrument();
        BigDecimal size = instrument.roundSizeDown(parameters.sizePerRung());
        if (!instrument.isTradable(size)) {
            notes.add("sizePerRung " + parameters.sizePerRung().toPlainString() + " is below one lot ("
                    + instrument.lotSize().toPlainString() + "): no rungs sent");
            return cancelAll(account);
        }
        List<DesiredOrder> rungs = new ArrayList<>();
        addRungs(Side.BUY, rungCount(buyRoom(account.position()), size), size, market, rungs);
        addRungs(Side.SELL, rungCount(sellRoom(account.position()), size), size, market, rungs);
        return reconcile(rungs, account);
    }

    private void recentre(BigDecimal anchor, List<String> notes) {
        if (centre == null) {
            centre = anchor;
            return;
        }
        BigDecimal drift = anchor.subtract(centre).abs().divide(centre, MathContext.DECIMAL64);
        if (drift.signum() > 0 && drift.compareTo(parameters.recenterThreshold()) >= 0) {
            notes.add("re-centred from " + centre.toPlainString() + " to " + anchor.toPlainString());
            centre = anchor;
        }
    }

    private BigDecimal buyRoom(BigDecimal position) {
        return switch (parameters.mode()) {
            case NEUTRAL, LONG -> parameters.maxInventory().subtract(position);
            case SHORT -> position.negate();
        };
    }

    private BigDecimal sellRoom(BigDecimal position) {
        return switch (parameters.mode()) {
            case NEUTRAL, SHORT -> parameters.maxInventory().add(position);
            case LONG -> position;
        };
    }

    private int rungCount(BigDecimal room, BigDecimal size) {
        if (room.compareTo(size) < 0) {
            return 0;
        }
        BigDecimal fits = room.divide(size, 0, RoundingMode.DOWN);
        return fits.min(BigDecimal.valueOf(parameters.levels())).intValueExact();
    }

    /** Adds up to {@code count} rungs of one side, nearest first, skipping rungs that would cross the book. */
    private void addRungs(Side side, int count, BigDecimal size, MarketState market, List<DesiredOrder> rungs) {
        Instrument instrument = market.instrument();
        BigDecimal previous = null;
        int added = 0;
        for (int k = 1; k <= parameters.levels() && added < count; k++) {
            BigDecimal offset = parameters.spacing().multiply(BigDecimal.valueOf((long) k * -side.sign()));
            BigDecimal price = instrument.roundPrice(centre.multiply(BigDecimal.ONE.add(offset)), side);
            boolean crosses =
                    side == Side.BUY ? price.compareTo(market.bestAsk()) >= 0 : price.compareTo(market.bestBid()) <= 0;
            // Rungs closer than one tick round to the same price: one order there, not a stack.
            if (!crosses && price.signum() > 0 && !price.equals(previous)) {
                rungs.add(new DesiredOrder(side, price, size));
                added++;
            }
            previous = price;
        }
    }
}
