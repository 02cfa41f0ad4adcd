package dev.botlink.platform.venue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An order as the Link API shows it in results and {@code order_update}s. {@code remainSize} is zero once the order
 * is filled or cancelled (as BitMEX's leavesQty).
 */
public record OrderState(
        String orderId,
        String sym,
        Side side,
        OrderType orderType,
        BigDecimal orderPrice,
        BigDecimal orderSize,
        BigDecimal remainSize,
        BigDecimal filledSize,
        OrderStatus status,
        boolean postOnly,
        String text,
        long time)
        implements LinkData {

    @Override
    public Map<String, Object> toLink() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("sym", sym);
        map.put("side", side.link());
        map.put("order_price", orderPrice == null ? null : orderPrice.doubleValue());
        map.put("order_size", orderSize.doubleValue());
        map.put("remain_size", remainSize.doubleValue());
        map.put("order_type", orderType.name());
        map.put("time", time);
        map.put("order_id", orderId);
        map.put("status", status.nativeName());
        return map;
    }
}
