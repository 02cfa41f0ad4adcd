package dev.botlink.marketplace.testing;

import dev.botlink.marketplace.execution.AccountState;
import dev.botlink.marketplace.execution.Instrument;
import dev.botlink.marketplace.execution.MarketState;
import dev.botlink.marketplace.execution.OpenOrder;
import dev.botlink.marketplace.execution.OrderIntent;
import dev.botlink.marketplace.execution.Side;
import dev.botlink.marketplace.execution.VenueError;
import dev.botlink.marketplace.execution.VenueResult;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small matching venue for scripted paths: rests limit orders, fills them when the last price trades
 * through, fills market orders at the touch, and keeps position, average entry and cash. Failures and
 * partial fills are scripted.
 */
public final class ScriptedVenue {
    private final Instrument instrument;
    private final Map<String, OpenOrder> open = new LinkedHashMap<>();
    private final Deque<VenueError> rejections = new ArrayDeque<>();
    private final List<Fill> fills = new ArrayList<>();
    private BigDecimal cash;
    private BigDecimal position = BigDecimal.ZERO;
    private BigDecimal entry;
    private BigDecimal marketLiquidity;
    private BigDecimal restingFillLimit;

    /** One execution: signed size (positive bought) at a price. */
    public record Fill(Side side, BigDecimal price, BigDecimal size) {}

    public ScriptedVenue(Instrument instrument, BigDecimal cash) {
        this.instrument = instrument;
        this.cash = cash;
    }

    /** The next {@code count} intents are rejected with {@code error}. */
    public ScriptedVenue rejectNext(int count, VenueError error) {
        for (int i = 0; i < count; i++) {
            rejections.add(error);
        }
        return this;
    }

    /** Market orders fill at most this size; the rest is cancelled. */
    public ScriptedVenue marketLiquidity(BigDecimal size) {
        this.marketLiquidity = size;
        return this;
    }

    /** A resting order fills at most this size each time the price trades through it. */
    public ScriptedVenue restingFillLimit(BigDecimal size) {
        this.restingFillLimit = size;
        return this;
    }

    /** Starts from an existing position. */
    public ScriptedVenue holding(BigDecimal size, BigDecimal entryPrice) {
        position = size;
        entry = size.signum() == 0 ? null : entryPrice;
        return this;
    }

    public AccountState account() {
        BigDecimal lockedByBids = open.values().stream()
                .filter(order -> order.side() == Side.BUY)
                .map(order -> order.price().multiply(order.remainingSize()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new AccountState(
                position,
                Optional.ofNullable(entry),
                List.copyOf(open.values()),
                cash.subtract(lockedByBids).max(BigDecimal.ZERO));
    }

    public BigDecimal position() {
        return position;
    }

    public List<OpenOrder> openOrders() {
        return List.copyOf(open.values());
    }

    public List<Fill> fills() {
        return List.copyOf(fills);
    }

    /** Fills resting orders the last price traded through, at their own price. */
    public void trade(MarketState market) {
        for (OpenOrder order : List.copyOf(open.values())) {
            boolean through = order.side() == Side.BUY
                    ? market.lastPrice().compareTo(order.price()) <= 0
                    : market.lastPrice().compareTo(order.price()) >= 0;
            if (through) {
                BigDecimal size = restingFillLimit == null
                        ? order.remainingSize()
                        : order.remainingSize().min(restingFillLimit);
                fill(order.side(), order.price(), size);
                BigDecimal left = order.remainingSize().subtract(size);
                if (left.signum() == 0) {
                    open.remove(order.orderId());
                } else {
                    open.put(order.orderId(), new OpenOrder(order.orderId(), order.side(), order.price(), left));
                }
            }
        }
    }

    /** Executes intents in order and answers each. */
    public List<VenueResult> execute(List<OrderIntent> intents, MarketState market) {
        return intents.stream().map(intent -> execute(intent, market)).toList();
    }

    private VenueResult execute(OrderIntent intent, MarketState market) {
        if (!rejections.isEmpty()) {
            return new VenueResult.Rejected(intent.intentId(), rejections.poll(), "scripted failure");
        }
        return switch (intent) {
            case OrderIntent.PlaceLimit place -> {
                open.put(place.intentId(), new OpenOrder(place.intentId(), place.side(), place.price(), place.size()));
                yield new VenueResult.Accepted(place.intentId());
            }
            case OrderIntent.PlaceMarket place -> marketOrder(place, market);
            case OrderIntent.Cancel cancel ->
                open.remove(cancel.orderId()) == null ? notFound(intent) : new VenueResult.Accepted(intent.intentId());
            case OrderIntent.Amend amend -> {
                OpenOrder order = open.get(amend.orderId());
                if (order == null) {
                    yield notFound(intent);
                }
                open.put(order.orderId(), new OpenOrder(order.orderId(), order.side(), amend.price(), amend.size()));
                yield new VenueResult.Accepted(intent.intentId());
            }
        };
    }

    private VenueResult marketOrder(OrderIntent.PlaceMarket place, MarketState market) {
        BigDecimal price = place.side() == Side.BUY ? market.bestAsk() : market.bestBid();
        BigDecimal size = marketLiquidity == null ? place.size() : place.size().min(marketLiquidity);
        fill(place.side(), price, size);
        return size.compareTo(place.size()) < 0
                ? new VenueResult.PartiallyFilled(place.intentId(), size)
                : new VenueResult.Accepted(place.intentId());
    }

    private static VenueResult notFound(OrderIntent intent) {
        return new VenueResult.Rejected(intent.intentId(), VenueError.ORDER_NOT_FOUND, "no such order");
    }

    private void fill(Side side, BigDecimal price, BigDecimal size) {
        fills.add(new Fill(side, price, size));
        BigDecimal signed = size.multiply(BigDecimal.valueOf(side.sign()));
        cash = cash.subtract(signed.multiply(price));
        BigDecimal next = position.add(signed);
        if (next.signum() == 0) {
            entry = null;
        } else if (position.signum() == 0 || position.signum() != next.signum()) {
            entry = price;
        } else if (position.signum() == signed.signum()) {
            entry = entry.multiply(position).add(price.multiply(signed)).divide(next, MathContext.DECIMAL64);
        }
        position = next;
    }
}
