package dev.botlink.platform.marketdata;

import dev.botlink.platform.venue.LinkData;
import dev.botlink.platform.venue.Side;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** A public trade on one symbol; {@code side} is the taker's side, {@code size} in the symbol's size units. */
public record MarketTrade(String sym, Side side, BigDecimal price, BigDecimal size, long time) implements LinkData {

    @Override
    public Map<String, Object> toLink() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("side", side.link());
        map.put("price", price.doubleValue());
        map.put("size", size.doubleValue());
        map.put("time", time);
        return map;
    }
}
