package dev.botlink.marketplace.position;

import dev.botlink.marketplace.execution.AccountState;
import dev.botlink.marketplace.execution.MarketState;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/** Stop-loss and take-profit on the open position, measured from its entry price at the last price. */
final class ProtectiveExit {
    private final Optional<BigDecimal> stopLoss;
    private final Optional<BigDecimal> takeProfit;

    ProtectiveExit(Optional<BigDecimal> stopLoss, Optional<BigDecimal> takeProfit) {
        this.stopLoss = stopLoss;
        this.takeProfit = takeProfit;
    }

    /** The reason to exit now, if stop-loss or take-profit is reached. */
    Optional<String> check(MarketState market, AccountState account) {
        if (account.position().signum() == 0 || account.entryPrice().isEmpty()) {
            return Optional.empty();
        }
        BigDecimal entry = account.entryPrice().get();
        BigDecimal move = market.lastPrice()
                .subtract(entry)
                .divide(entry, MathContext.DECIMAL64)
                .multiply(BigDecimal.valueOf(account.position().signum()));
        if (stopLoss.isPresent() && move.compareTo(stopLoss.get().negate()) <= 0) {
            return Optional.of("stop-loss: price " + market.lastPrice().toPlainString() + " is " + percent(move)
                    + " from entry " + entry.toPlainString());
        }
        if (takeProfit.isPresent() && move.compareTo(takeProfit.get()) >= 0) {
            return Optional.of("take-profit: price " + market.lastPrice().toPlainString() + " is " + percent(move)
                    + " from entry " + entry.toPlainString());
        }
        return Optional.empty();
    }

    private static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).round(new MathContext(4)).toPlainString() + "%";
    }
}
