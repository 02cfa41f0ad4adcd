package dev.botlink.platform.marketdata;

import dev.botlink.platform.venue.LinkData;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** One OHLCV bar; {@code time} is the start of its bin (epoch ms). */
public record Candle(long time, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close, BigDecimal volume)
        implements LinkData {

    /** A bar opened by one trade. */
    static Candle opening(long time, BigDecimal price, BigDecimal size) {
        return new Candle(time, price, price, price, price, size);
    }

    /** This bar after one more trade in its bin. */
    Candle with(BigDecimal price, BigDecimal size) {
        return new Candle(time, open, high.max(price), low.min(price), price, volume.add(size));
    }

    @Override
    public Map<String, Object> toLink() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("open", open.doubleValue());
        map.put("high", high.doubleValue());
        map.put("low", low.doubleValue());
        map.put("close", close.doubleValue());
        map.put("volume", volume.doubleValue());
        map.put("time", time);
        return map;
    }
}
