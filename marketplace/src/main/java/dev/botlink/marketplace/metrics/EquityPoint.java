package dev.botlink.marketplace.metrics;

import dev.botlink.marketplace.execution.Decimals;
import java.math.BigDecimal;

/**
 * The bot's account value (cash plus positions at market) at one time.
 *
 * @param timeMillis epoch milliseconds
 * @param equity account value in quote currency, positive
 */
public record EquityPoint(long timeMillis, BigDecimal equity) {
    public EquityPoint {
        Decimals.positive(equity, "equity");
    }
}
