package dev.botlink.platform.venue.paper;

import dev.botlink.platform.venue.Side;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One account's resting limit orders on one symbol, in price-time priority: bids best (highest) first, asks best
 * (lowest) first, and at one price in arrival order.
 */
final class BaselineRestingOrders {

    private final NavigableMap<Long, ArrayDeque<BaselineOrder>> bids = new TreeMap<>(Collections.reverseOrder());
    private final NavigableMap<Long, ArrayDeque<BaselineOrder>> asks = new TreeMap<>();
    private int count;

    int count() {
        return count;
    }

    void add(BaselineOrder order) {
        side(order.side)
                .computeIfAbsent(order.priceTicks, price -> new ArrayDeque<>())
                .addLast(order);
        count++;
    }

    void remove(BaselineOrder order) {
        NavigableMap<Long, ArrayDeque<BaselineOrder>> side = side(order.side);
        ArrayDeque<BaselineOrder> level = side.get(order.priceTicks);
        if (level != null && level.remove(order)) {
            count--;
            if (level.isEmpty()) {
                side.remove(order.priceTicks);
            }
        }
    }

    /**
     * Resting orders of {@code side} whose price is at least as good for the market as {@code ticks} (bids at or
     * above, asks at or below), in priority order. A copy: callers may fill and remove while iterating.
     */
    List<BaselineOrder> reachableAt(Side side, long ticks) {
        List<BaselineOrder> reachable = new ArrayList<>();
        NavigableMap<Long, ArrayDeque<BaselineOrder>> book = side(side);
        for (Map.Entry<Long, ArrayDeque<BaselineOrder>> level :
                book.headMap(ticks, true).entrySet()) {
            reachable.addAll(level.getValue());
        }
        return reachable;
    }

    List<BaselineOrder> all() {
        List<BaselineOrder> all = new ArrayList<>(count);
        bids.values().forEach(all::addAll);
        asks.values().forEach(all::addAll);
        return all;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** Checks the book's structure; used by the engine's invariant check. */
    void validate() {
        int seen = 0;
        for (Side side : Side.values()) {
            for (Map.Entry<Long, ArrayDeque<BaselineOrder>> level : side(side).entrySet()) {
                check(!level.getValue().isEmpty(), "empty price level " + level.getKey());
                long previous = Long.MIN_VALUE;
                for (Iterator<BaselineOrder> it = level.getValue().iterator(); it.hasNext(); ) {
                    BaselineOrder order = it.next();
                    check(order.side == side && order.priceTicks == level.getKey(), "order " + order.id + " misfiled");
                    check(order.status.isOpen() && order.remainUnits() > 0, "closed order " + order.id + " rests");
                    check(order.sequence > previous, "time priority broken at " + level.getKey());
                    previous = order.sequence;
                    seen++;
                }
            }
        }
        check(seen == count, "count " + count + " but " + seen + " orders rest");
    }

    private NavigableMap<Long, ArrayDeque<BaselineOrder>> side(Side side) {
        return side == Side.BUY ? bids : asks;
    }

    static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException("paper engine invariant broken: " + message);
        }
    }
}
