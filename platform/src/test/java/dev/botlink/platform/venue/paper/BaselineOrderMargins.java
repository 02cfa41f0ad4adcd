package dev.botlink.platform.venue.paper;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Initial margin reserved by resting orders, per settlement currency, kept incrementally (each order remembers what
 * it reserved) so a risk check does not have to walk every open order.
 */
final class BaselineOrderMargins {

    private final Map<String, BigDecimal> reserved = new HashMap<>();
    private final Map<BaselineOrder, BigDecimal> byOrder = new IdentityHashMap<>();

    BigDecimal reserved(String currency) {
        return reserved.getOrDefault(currency, BigDecimal.ZERO);
    }

    /** Re-reserves for {@code order} after any change (fill, amend, cancel, rest). */
    void update(BaselineOrder order) {
        BigDecimal now = order.status.isOpen() ? required(order) : BigDecimal.ZERO;
        BigDecimal before = now.signum() == 0 ? byOrder.remove(order) : byOrder.put(order, now);
        BigDecimal delta = now.subtract(before == null ? BigDecimal.ZERO : before);
        if (delta.signum() != 0) {
            reserved.merge(order.instrument.settleCurrency(), delta, BigDecimal::add);
        }
    }

    void validate(Collection<BaselineOrder> open) {
        Map<String, BigDecimal> expected = new HashMap<>();
        for (BaselineOrder order : open) {
            expected.merge(order.instrument.settleCurrency(), required(order), BigDecimal::add);
        }
        for (String currency : reserved.keySet()) {
            BaselineRestingOrders.check(
                    reserved(currency).compareTo(expected.getOrDefault(currency, BigDecimal.ZERO)) == 0,
                    "reserved " + currency + " margin " + reserved(currency) + " != open orders' " + expected);
        }
    }

    private static BigDecimal required(BaselineOrder order) {
        return order.instrument
                .value(order.remainUnits(), order.instrument.price(order.priceTicks))
                .abs()
                .multiply(order.instrument.initMargin());
    }
}
