package dev.botlink.platform.marketdata;

import dev.botlink.platform.venue.LinkData;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Top of book on one symbol: best bid and ask with their sizes. */
public record MarketQuote(
        String sym, BigDecimal bidPrice, BigDecimal bidSize, BigDecimal askPrice, BigDecimal askSize, long time)
        implements LinkData {

    public BigDecimal mid() {
        return bidPrice.add(askPrice).divide(BigDecimal.TWO, bidPrice.scale() + 1, RoundingMode.HALF_EVEN);
    }

    @Override
    public Map<String, Object> toLink() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("bid", List.of(bidPrice.doubleValue(), bidSize.doubleValue()));
        map.put("ask", List.of(askPrice.doubleValue(), askSize.doubleValue()));
        map.put("time", time);
        return map;
    }
}
