package dev.botlink.platform.venue.paper;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Initial margin reserved by resting orders, per settlement currency, in whole settlement units, kept incrementally
 * (each order remembers what it reserved) so a risk check does not have to walk every open order.
 */
final class OrderMargins {

    private final Map<String, long[]> reserved = new HashMap<>();

    long reserved(String currency) {
        long[] sum = reserved.get(currency);
        return sum == null ? 0 : sum[0];
    }

    /** Re-reserves for {@code order} after any change (fill, amend, cancel, rest). */
    void update(PaperOrder order) {
        long now = order.status.isOpen() ? required(order) : 0;
        long delta = now - order.reservedMargin;
        order.reservedMargin = now;
        if (delta != 0) {
            reserved.computeIfAbsent(order.instrument.settleCurrency(), currency -> new long[1])[0] += delta;
        }
    }

    void validate(Collection<PaperOrder> open) {
        Map<String, Long> expected = new HashMap<>();
        for (PaperOrder order : open) {
            expected.merge(order.instrument.settleCurrency(), required(order), Long::sum);
        }
        for (String currency : reserved.keySet()) {
            RestingOrders.check(
                    reserved(currency) == expected.getOrDefault(currency, 0L),
                    "reserved " + currency + " margin " + reserved(currency) + " != open orders' " + expected);
        }
    }

    private static long required(PaperOrder order) {
        ContractMath math = order.math;
        return math.settledShare(Math.abs(math.value(order.remainUnits(), order.priceTicks)), math.initRate);
    }
}
