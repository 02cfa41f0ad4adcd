package dev.botlink.marketplace.execution;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns "the orders a bot wants" and "the orders it has" into the fewest intents that get from one to
 * the other, leaving orders that are already right alone so they keep their queue priority.
 *
 * <p>Per side: an open order at a wanted price is kept (amended down if it is larger than wanted; a
 * partially filled order that is smaller is kept as it is). Remaining open orders are moved to remaining
 * wanted prices with an amend (or cancel plus place when amends are off), the rest cancelled; remaining
 * wanted orders are placed. Intents come out cancels first, then amends, then places, so balance freed
 * by a cancel is there for the new orders.
 */
public final class OrderReconciler {
    private final boolean amendSupported;

    /** @param amendSupported whether the venue can amend an order's price and size in place */
    public OrderReconciler(boolean amendSupported) {
        this.amendSupported = amendSupported;
    }

    /** The intents that turn {@code open} into {@code desired}; empty when nothing needs to change. */
    public List<OrderIntent> reconcile(List<DesiredOrder> desired, List<OpenOrder> open, IntentIds ids) {
        List<OrderIntent> cancels = new ArrayList<>();
        List<OrderIntent> amends = new ArrayList<>();
        List<OrderIntent> places = new ArrayList<>();
        for (Side side : Side.values()) {
            reconcileSide(side, desired, open, ids, cancels, amends, places);
        }
        List<OrderIntent> all = new ArrayList<>(cancels);
        all.addAll(amends);
        all.addAll(places);
        return List.copyOf(all);
    }

    private void reconcileSide(
            Side side,
            List<DesiredOrder> allDesired,
            List<OpenOrder> allOpen,
            IntentIds ids,
            List<OrderIntent> cancels,
            List<OrderIntent> amends,
            List<OrderIntent> places) {
        List<DesiredOrder> desired = new ArrayList<>(
                allDesired.stream().filter(d -> d.side() == side).toList());
        List<OpenOrder> open = new ArrayList<>(allOpen.stream()
                .filter(o -> o.side() == side)
                .sorted(Comparator.comparing(OpenOrder::price))
                .toList());
        keepExactMatches(desired, open, ids, amends);
        desired.sort(Comparator.comparing(DesiredOrder::price));
        int paired = amendSupported ? Math.min(desired.size(), open.size()) : 0;
        for (int i = 0; i < paired; i++) {
            DesiredOrder want = desired.get(i);
            amends.add(new OrderIntent.Amend(ids.next(), open.get(i).orderId(), want.price(), want.size()));
        }
        for (OpenOrder stale : open.subList(paired, open.size())) {
            cancels.add(new OrderIntent.Cancel(ids.next(), stale.orderId()));
        }
        for (DesiredOrder want : desired.subList(paired, desired.size())) {
            places.add(new OrderIntent.PlaceLimit(ids.next(), side, want.price(), want.size()));
        }
    }

    private static void keepExactMatches(
            List<DesiredOrder> desired, List<OpenOrder> open, IntentIds ids, List<OrderIntent> amends) {
        var wanted = desired.iterator();
        while (wanted.hasNext()) {
            DesiredOrder want = wanted.next();
            OpenOrder match = open.stream()
                    .filter(o -> o.price().compareTo(want.price()) == 0)
                    .findFirst()
                    .orElse(null);
            if (match == null) {
                continue;
            }
            if (match.remainingSize().compareTo(want.size()) > 0) {
                amends.add(new OrderIntent.Amend(ids.next(), match.orderId(), match.price(), want.size()));
            }
            open.remove(match);
            wanted.remove();
        }
    }
}
