package dev.botlink.platform.venue;

import java.math.BigDecimal;

/** One execution of an order. {@code maker} tells which fee applied; {@code fee} is in {@code feeCurrency}. */
public record Fill(
        String tradeId,
        String orderId,
        String sym,
        Side side,
        OrderType orderType,
        BigDecimal fillPrice,
        BigDecimal fillSize,
        boolean maker,
        BigDecimal fee,
        String feeCurrency,
        boolean liquidation,
        long time) {}
