package dev.botlink.platform.marketdata;

import java.math.BigDecimal;

/**
 * A trade of a source before it is mapped onto a symbol: time (epoch ms), price and size in the source's own units
 * (e.g. USD per BTC and BTC), and the taker's side when the source knows it ({@code null} otherwise).
 */
public record TapeTrade(long time, BigDecimal price, BigDecimal size, dev.botlink.platform.venue.Side side) {}
