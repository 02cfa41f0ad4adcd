package dev.botlink.platform.venue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A position as the Link API shows it. {@code posSize} is signed (negative = short); {@code side} follows its sign.
 * PnL is in the instrument's settlement currency ({@code currency}). {@code liqPrice} is null for a flat position.
 */
public record PositionState(
        String sym,
        BigDecimal posSize,
        BigDecimal entryPrice,
        BigDecimal markPrice,
        BigDecimal liqPrice,
        BigDecimal unrealisedPnl,
        BigDecimal realisedPnl,
        String currency,
        long time)
        implements LinkData {

    public Side side() {
        return posSize.signum() < 0 ? Side.SELL : Side.BUY;
    }

    @Override
    public Map<String, Object> toLink() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("sym", sym);
        map.put("side", side().link());
        map.put("pos_size", posSize.doubleValue());
        map.put("entry_price", entryPrice == null ? null : entryPrice.doubleValue());
        map.put("mark_price", markPrice == null ? null : markPrice.doubleValue());
        map.put("liq_price", liqPrice == null ? null : liqPrice.doubleValue());
        map.put("unrealised_pnl", unrealisedPnl.doubleValue());
        map.put("realised_pnl", realisedPnl.doubleValue());
        map.put("currency", currency);
        map.put("time", time);
        return map;
    }
}
