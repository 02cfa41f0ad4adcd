package dev.botlink.platform.venue.paper;

import dev.botlink.platform.marketdata.MarketQuote;
import dev.botlink.platform.marketdata.MarketTrade;
import dev.botlink.platform.venue.Fill;
import dev.botlink.platform.venue.Instrument;
import dev.botlink.platform.venue.OrderState;
import dev.botlink.platform.venue.OrderStatus;
import dev.botlink.platform.venue.OrderType;
import dev.botlink.platform.venue.Rejection;
import dev.botlink.platform.venue.Side;
import dev.botlink.platform.venue.VenueRejection;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches one account's paper orders against the market model of its venue. Plain Java and single-threaded: the
 * caller serialises calls (the paper client holds one lock per account). Time comes from the injected clock only,
 * so a backtest can run it on simulated time.
 *
 * <p>Rules (see docs/venues.md): takers walk the {@link LiquidityModel} and pay taker fees; resting orders fill as
 * makers at their own price when a public trade prints through their price, when trades at their price have
 * consumed the queue estimated ahead of them, or when the opposite quote moves onto or through their price.
 */
public final class PaperMatchingEngine {

    private static final int FINISHED_ORDERS_KEPT = PaperSnapshot.FINISHED_ORDERS_KEPT;

    private final InstantSource clock;
    private final PaperWallet wallet;
    private final LiquidityModel liquidity;
    private final int maxOpenOrdersPerSymbol;
    private final long positionUpdateMillis;
    private final PaperEvents events;
    private final IdGenerator ids = new IdGenerator();
    private final Map<String, PaperOrder> open = new LinkedHashMap<>();
    private final Map<String, PaperOrder> finished = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PaperOrder> eldest) {
            return size() > FINISHED_ORDERS_KEPT;
        }
    };
    private final Map<String, RestingOrders> books = new HashMap<>();
    private final Map<String, TopOfBook> tops = new HashMap<>();
    private final OrderMargins orderMargins = new OrderMargins();
    /** Orders finished since the last snapshot (at most the number remembered). */
    private final ArrayDeque<PaperOrder> unsavedFinished = new ArrayDeque<>();

    private long sequence;
    private long finishedSequence;

    PaperMatchingEngine(
            InstantSource clock,
            PaperWallet wallet,
            LiquidityModel liquidity,
            int maxOpenOrdersPerSymbol,
            Duration positionUpdateInterval,
            PaperEvents events) {
        this.clock = clock;
        this.wallet = wallet;
        this.liquidity = liquidity;
        this.maxOpenOrdersPerSymbol = maxOpenOrdersPerSymbol;
        this.positionUpdateMillis = positionUpdateInterval.toMillis();
        this.events = events;
    }

    PaperWallet wallet() {
        return wallet;
    }

    /** Places a limit order; executes what crosses the market as taker, rests the rest. */
    OrderState submitLimit(Instrument instrument, Side side, long units, long ticks, boolean postOnly, String text) {
        RestingOrders book = book(instrument);
        if (book.count() >= maxOpenOrdersPerSymbol) {
            throw new VenueRejection(
                    Rejection.TOO_MANY_OPEN_ORDERS,
                    "already " + book.count() + " open orders on " + instrument.symbol()
                            + ", the most allowed: cancel some first");
        }
        TopOfBook top = tops.get(instrument.symbol());
        boolean crosses = crosses(side, ticks, top);
        if (postOnly && crosses) {
            throw postOnlyWouldCross(instrument, side, ticks, top);
        }
        checkMargin(instrument, side, units, ticks);
        PaperOrder order = newOrder(instrument, side, OrderType.LIMIT, postOnly, text, units);
        order.priceTicks = ticks;
        events.order(order.state());
        if (crosses) {
            take(order, ticks, top);
        }
        if (order.remainUnits() > 0) {
            order.queueAhead = queueAhead(side, ticks, top);
            rest(order);
        } else {
            finish(order);
        }
        return order.state();
    }

    /** Executes a market order against the liquidity model; what the model cannot fill is cancelled. */
    OrderState submitMarket(Instrument instrument, Side side, long units) {
        TopOfBook top = tops.get(instrument.symbol());
        if (top == null) {
            throw new VenueRejection(
                    Rejection.NO_MARKET_DATA,
                    "no quote for " + instrument.symbol()
                            + " yet: a market order needs a market; retry after the first quote_update");
        }
        long bestTicks = side == Side.BUY ? top.askTicks() : top.bidTicks();
        checkMargin(instrument, side, units, bestTicks);
        PaperOrder order = newOrder(instrument, side, OrderType.MARKET, false, null, units);
        order.priceTicks = bestTicks;
        take(order, side == Side.BUY ? Long.MAX_VALUE : Long.MIN_VALUE, top);
        if (order.remainUnits() > 0) {
            order.status = OrderStatus.CANCELED;
            events.order(order.state());
        }
        finish(order);
        return order.state();
    }

    /** Cancels by id, else all of {@code sym}, else all; see {@code ExchangeClient#cancelOrders}. */
    List<OrderState> cancel(String orderId, String sym) {
        if (orderId != null) {
            PaperOrder order = open.get(orderId);
            if (order == null) {
                PaperOrder done = finished.get(orderId);
                if (done == null) {
                    throw unknownOrder(orderId);
                }
                return List.of(done.state());
            }
            if (sym != null && !sym.equals(order.instrument.symbol())) {
                throw new VenueRejection(
                        Rejection.UNKNOWN_ORDER,
                        "order " + orderId + " is on " + order.instrument.symbol() + ", not " + sym
                                + ": leave sym out or fix it");
            }
            return List.of(cancel(order));
        }
        List<OrderState> cancelled = new ArrayList<>();
        for (PaperOrder order : new ArrayList<>(open.values())) {
            if (sym == null || sym.equals(order.instrument.symbol())) {
                cancelled.add(cancel(order));
            }
        }
        return cancelled;
    }

    /**
     * Amends an open order to a new total size and/or price. Lowering the size keeps queue priority; a new price
     * or a larger size loses it, as on BitMEX. A new price that crosses executes as taker (post-only: refused).
     */
    OrderState amend(String orderId, Long newUnits, Long newTicks) {
        PaperOrder order = open.get(orderId);
        if (order == null) {
            if (finished.containsKey(orderId)) {
                throw new VenueRejection(
                        Rejection.ORDER_NOT_OPEN,
                        "order " + orderId + " is already "
                                + finished.get(orderId).status.nativeName() + ": only open orders can be amended");
            }
            throw unknownOrder(orderId);
        }
        long units = newUnits == null ? order.sizeUnits : newUnits;
        long ticks = newTicks == null ? order.priceTicks : newTicks;
        if (units <= order.filledUnits) {
            throw new VenueRejection(
                    Rejection.AMEND_BELOW_FILLED,
                    "new size " + order.instrument.size(units)
                            + " is not above the " + order.instrument.size(order.filledUnits)
                            + " already filled: cancel the order instead");
        }
        TopOfBook top = tops.get(order.instrument.symbol());
        boolean crosses = crosses(order.side, ticks, top);
        if (order.postOnly && crosses) {
            throw postOnlyWouldCross(order.instrument, order.side, ticks, top);
        }
        if (units > order.sizeUnits) {
            checkMargin(order.instrument, order.side, units - order.sizeUnits, ticks);
        }
        boolean losesPriority = ticks != order.priceTicks || units > order.sizeUnits;
        if (losesPriority) {
            book(order.instrument).remove(order);
            order.priceTicks = ticks;
            order.sizeUnits = units;
            order.sequence = ++sequence;
            order.time = clock.millis();
            events.order(order.state());
            if (crosses) {
                take(order, ticks, top);
            }
            if (order.remainUnits() > 0) {
                order.queueAhead = queueAhead(order.side, ticks, top);
                book(order.instrument).add(order);
            } else {
                finish(order);
            }
        } else {
            order.sizeUnits = units;
            events.order(order.state());
        }
        orderMargins.update(order);
        return order.state();
    }

    /** A new top of book: resting orders it crosses fill at their price; positions re-mark; liquidations run. */
    void onQuote(Instrument instrument, MarketQuote quote) {
        TopOfBook top = TopOfBook.of(instrument, quote);
        tops.put(instrument.symbol(), top);
        RestingOrders book = books.get(instrument.symbol());
        if (book != null && !book.isEmpty()) {
            for (PaperOrder order : book.reachableAt(Side.BUY, top.askTicks())) {
                fillResting(order, order.remainUnits());
            }
            for (PaperOrder order : book.reachableAt(Side.SELL, top.bidTicks())) {
                fillResting(order, order.remainUnits());
            }
        }
        PaperPosition position = wallet.position(instrument);
        long mark = top.bidTicks() + top.askTicks();
        boolean moved = mark != position.markHalfTicks;
        position.markHalfTicks = mark;
        if (position.liquidationDue()) {
            liquidate(position);
        } else if (moved && position.units != 0) {
            markMoved(position);
        }
    }

    /** A public trade: fills resting orders it prints through, and queues at its price (see class comment). */
    void onTrade(Instrument instrument, MarketTrade trade) {
        RestingOrders book = books.get(instrument.symbol());
        if (book == null || book.isEmpty()) {
            return;
        }
        BigDecimal[] ticks = trade.price().divideAndRemainder(instrument.tickSize());
        long floor = ticks[0].longValue();
        boolean onGrid = ticks[1].signum() == 0;
        long available =
                trade.size().divide(instrument.sizeStep(), 0, RoundingMode.DOWN).longValue();
        // Buys above the print and sells below it were traded through: the whole level went.
        for (PaperOrder order : book.reachableAt(Side.BUY, floor + 1)) {
            fillResting(order, order.remainUnits());
        }
        for (PaperOrder order : book.reachableAt(Side.SELL, onGrid ? floor - 1 : floor)) {
            fillResting(order, order.remainUnits());
        }
        if (onGrid) {
            Side resting = trade.side().opposite();
            for (PaperOrder order : book.reachableAt(resting, floor)) {
                if (order.priceTicks != floor || available == 0) {
                    continue;
                }
                long eaten = Math.min(order.queueAhead, available);
                order.queueAhead -= eaten;
                available -= eaten;
                long filled = Math.min(order.remainUnits(), available);
                if (filled > 0) {
                    available -= filled;
                    fillResting(order, filled);
                }
            }
        }
    }

    /** The instrument of open order {@code orderId}, or null if it is not open. */
    Instrument openInstrument(String orderId) {
        PaperOrder order = open.get(orderId);
        return order == null ? null : order.instrument;
    }

    List<OrderState> openOrders() {
        return open.values().stream().map(PaperOrder::state).toList();
    }

    List<PaperOrder> openOrderObjects() {
        return new ArrayList<>(open.values());
    }

    /** Puts a persisted open order back on the book, keeping its id, times and queue estimate. */
    void restore(PaperOrder order) {
        sequence = Math.max(sequence, order.sequence);
        rest(order);
    }

    /** Puts back a persisted finished order (oldest first), so cancelling it again answers its final state. */
    void restoreFinished(PaperOrder order) {
        finishedSequence = Math.max(finishedSequence, order.finishedSequence);
        finished.put(order.id, order);
    }

    /** The orders finished since the last call, oldest first. */
    List<PaperOrder> drainUnsavedFinished() {
        List<PaperOrder> drained = new ArrayList<>(unsavedFinished);
        unsavedFinished.clear();
        return drained;
    }

    TopOfBook top(String symbol) {
        return tops.get(symbol);
    }

    /**
     * Throws {@link IllegalStateException} if the books, open orders, reserved margin or wallet ledger disagree;
     * called after every scenario in tests.
     */
    public void validateInternalState() {
        int resting = 0;
        for (RestingOrders book : books.values()) {
            book.validate();
            resting += book.count();
        }
        RestingOrders.check(resting == open.size(), open.size() + " open orders but " + resting + " rest");
        for (PaperOrder order : open.values()) {
            RestingOrders.check(
                    order.status.isOpen() && order.filledUnits < order.sizeUnits,
                    "open order " + order.id + " is " + order.status);
            TopOfBook top = tops.get(order.instrument.symbol());
            RestingOrders.check(
                    !order.postOnly || !crosses(order.side, order.priceTicks, top),
                    "post-only order " + order.id + " crosses the quote");
        }
        orderMargins.validate(open.values());
        wallet.validate();
    }

    private PaperOrder newOrder(
            Instrument instrument, Side side, OrderType type, boolean postOnly, String text, long units) {
        PaperOrder order = new PaperOrder(ids.next(), instrument, side, type, postOnly, text);
        order.sizeUnits = units;
        order.sequence = ++sequence;
        order.time = clock.millis();
        return order;
    }

    private void take(PaperOrder order, long limitTicks, TopOfBook top) {
        List<LiquidityModel.Slice> slices =
                liquidity.take(order.side, order.remainUnits(), limitTicks, top, order.instrument.lotUnits());
        for (LiquidityModel.Slice slice : slices) {
            execute(order, slice.units(), slice.priceTicks(), false);
        }
    }

    private void fillResting(PaperOrder order, long units) {
        execute(order, units, order.priceTicks, true);
        orderMargins.update(order);
        if (!order.status.isOpen()) {
            book(order.instrument).remove(order);
            finish(order);
        }
    }

    private void execute(PaperOrder order, long units, long ticks, boolean maker) {
        Instrument instrument = order.instrument;
        order.fill(units, ticks);
        PaperPosition position = wallet.position(instrument);
        long fee = wallet.book(
                position, order.side.sign() * units, ticks, maker ? order.math.makerRate : order.math.takerRate);
        String tradeId = ids.next();
        if (!events.enabled()) {
            return;
        }
        long now = clock.millis();
        events.fill(new Fill(
                tradeId,
                order.id,
                instrument.symbol(),
                order.side,
                order.type,
                order.math.price(ticks),
                order.math.size(units),
                maker,
                order.math.amount(fee),
                instrument.settleCurrency(),
                false,
                now));
        events.order(order.state());
        events.position(position.state(now));
    }

    /** Sends a position_update for a new mark, at most one per position per {@code positionUpdateMillis}. */
    private void markMoved(PaperPosition position) {
        long now = clock.millis();
        boolean throttled =
                position.lastMarkUpdate != PaperPosition.NEVER && now - position.lastMarkUpdate < positionUpdateMillis;
        if (throttled || !events.enabled()) {
            return;
        }
        position.lastMarkUpdate = now;
        events.position(position.state(now));
    }

    private void liquidate(PaperPosition position) {
        Instrument instrument = position.instrument;
        long liqTicks = position.liquidationTicks();
        cancel(null, instrument.symbol());
        long units = -position.units;
        Side side = units > 0 ? Side.BUY : Side.SELL;
        wallet.book(position, units, liqTicks, 0);
        long now = clock.millis();
        events.fill(new Fill(
                ids.next(),
                "liquidation-" + ids.next(),
                instrument.symbol(),
                side,
                OrderType.MARKET,
                instrument.price(liqTicks),
                instrument.size(Math.abs(units)),
                false,
                position.math.amount(0),
                instrument.settleCurrency(),
                true,
                now));
        events.position(position.state(now));
    }

    private OrderState cancel(PaperOrder order) {
        book(order.instrument).remove(order);
        order.status = OrderStatus.CANCELED;
        order.time = clock.millis();
        orderMargins.update(order);
        finish(order);
        OrderState state = order.state();
        events.order(state);
        return state;
    }

    private void rest(PaperOrder order) {
        book(order.instrument).add(order);
        open.put(order.id, order);
        orderMargins.update(order);
    }

    private void finish(PaperOrder order) {
        open.remove(order.id);
        order.finishedSequence = ++finishedSequence;
        finished.put(order.id, order);
        if (unsavedFinished.size() == FINISHED_ORDERS_KEPT) {
            unsavedFinished.pollFirst();
        }
        unsavedFinished.addLast(order);
    }

    private void checkMargin(Instrument instrument, Side side, long units, long ticks) {
        PaperPosition held = wallet.position(instrument);
        long position = held.units;
        long reducing = Long.signum(position) == -side.sign() ? Math.min(units, Math.abs(position)) : 0;
        long opening = units - reducing;
        if (opening == 0) {
            return;
        }
        ContractMath math = held.math;
        long notional = Math.abs(math.value(opening, ticks));
        long required = math.settledShare(notional, math.initRate + math.takerRate);
        String currency = instrument.settleCurrency();
        long free = wallet.freeMargin(currency) - orderMargins.reserved(currency);
        if (required > free) {
            throw new VenueRejection(
                    Rejection.INSUFFICIENT_MARGIN,
                    "this order needs " + math.amount(required).toPlainString()
                            + " " + currency + " of margin but "
                            + math.amount(Math.max(free, 0)).toPlainString() + " "
                            + currency + " is free: reduce the size, cancel orders or close positions");
        }
    }

    private long queueAhead(Side side, long ticks, TopOfBook top) {
        if (top == null) {
            return 0;
        }
        long best = side == Side.BUY ? top.bidTicks() : top.askTicks();
        long bestUnits = side == Side.BUY ? top.bidUnits() : top.askUnits();
        long behind = (best - ticks) * side.sign();
        // Better than the best quote: first in a new level. Behind it: the model's depth of each level is ahead too.
        return behind < 0 ? 0 : bestUnits * (behind + 1);
    }

    private static boolean crosses(Side side, long ticks, TopOfBook top) {
        if (top == null) {
            return false;
        }
        return side == Side.BUY ? ticks >= top.askTicks() : ticks <= top.bidTicks();
    }

    private RestingOrders book(Instrument instrument) {
        return books.computeIfAbsent(instrument.symbol(), symbol -> new RestingOrders());
    }

    private static VenueRejection postOnlyWouldCross(Instrument instrument, Side side, long ticks, TopOfBook top) {
        BigDecimal opposite = instrument.price(side == Side.BUY ? top.askTicks() : top.bidTicks());
        String where = side == Side.BUY ? "below the ask " : "above the bid ";
        return new VenueRejection(
                Rejection.POST_ONLY_WOULD_CROSS,
                "post-only " + side.link() + " at "
                        + instrument.price(ticks).toPlainString() + " would take liquidity: price it " + where
                        + opposite.toPlainString());
    }

    private static VenueRejection unknownOrder(String orderId) {
        return new VenueRejection(
                Rejection.UNKNOWN_ORDER,
                "no order with id '" + orderId
                        + "' on this venue: use an order_id from create_limit_order or fetch_open_orders");
    }
}
