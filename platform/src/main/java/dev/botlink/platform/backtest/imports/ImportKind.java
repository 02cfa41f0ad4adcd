package dev.botlink.platform.backtest.imports;

import java.util.Locale;

/** What an imported CSV holds: single trades, or OHLCV candles (replayed as trades, see {@link ImportedTrades}). */
public enum ImportKind {
    TRADES,
    CANDLES;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code trades} or {@code candles}; anything else is a caller's mistake. */
    public static ImportKind parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("say what the CSV holds: kind=trades or kind=candles");
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "trades", "trade" -> TRADES;
            case "candles", "candle", "bars", "ohlcv" -> CANDLES;
            default -> throw new IllegalArgumentException("kind must be trades or candles, not " + text.trim());
        };
    }
}
