package dev.botlink.platform.venue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** One wallet balance: {@code {asset, amount}}. */
public record Balance(String asset, BigDecimal amount) implements LinkData {

    @Override
    public Map<String, Object> toLink() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("asset", asset);
        map.put("amount", amount.doubleValue());
        return map;
    }
}
