package dev.botlink.platform.marketdata;

/**
 * An endless, deterministic sequence of trades in time order: a replayed recording or a generator. Not thread-safe;
 * one consumer drives it.
 */
public interface TradeSource {

    /** Time of the trade {@link #next()} would return, without consuming it. */
    long peekTime();

    TapeTrade next();
}
