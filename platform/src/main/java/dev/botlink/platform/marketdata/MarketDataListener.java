package dev.botlink.platform.marketdata;

/**
 * Receives one symbol's public market data. Called on the feed's thread, in time order; must return quickly and
 * never block. Exceptions are caught and dropped by the feed.
 */
public interface MarketDataListener {

    void onQuote(MarketQuote quote);

    void onTrade(MarketTrade trade);
}
