package dev.botlink.platform.backtest;

import dev.botlink.platform.marketdata.TradeSource;

/**
 * Imported market data (CSV trades or candles an account uploaded) as trades a backtest replays. The CSV import
 * implements it; the backtest engine only reads through it.
 */
public interface ReplaySource {

    /**
     * An import's trades in time order (epoch milliseconds, prices and sizes in the source's units, coins).
     *
     * @param trades the import's trades; finite: once they are used up {@link TradeSource#peekTime()} returns
     *     {@link Long#MAX_VALUE}
     * @param firstMillis time of the first trade
     * @param lastMillis time of the last trade
     * @param name what the report calls the data, e.g. {@code import btc.csv (candles, 1440 rows)}
     */
    record Replay(String name, TradeSource trades, long firstMillis, long lastMillis) {}

    /**
     * The import {@code importId} of account {@code accountId}.
     *
     * @throws java.util.NoSuchElementException if the account has no such import (another account's import counts
     *     as none)
     */
    Replay open(long accountId, String importId);
}
