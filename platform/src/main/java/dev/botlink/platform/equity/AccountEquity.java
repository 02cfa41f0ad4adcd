package dev.botlink.platform.equity;

import dev.botlink.platform.venue.Balance;
import dev.botlink.platform.venue.PositionState;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A venue account's equity per settlement currency: the wallet balance plus the unrealised PnL settled in it. */
public final class AccountEquity {

    private AccountEquity() {}

    /**
     * Equity by currency, for every currency with a balance or an open position. Realised PnL is already in the wallet
     * balance, so only the unrealised part is added.
     */
    public static Map<String, BigDecimal> byCurrency(List<Balance> balances, List<PositionState> positions) {
        Map<String, BigDecimal> equity = new TreeMap<>();
        for (Balance balance : balances) {
            equity.merge(balance.asset(), balance.amount(), BigDecimal::add);
        }
        for (PositionState position : positions) {
            if (position.posSize().signum() != 0 && position.currency() != null) {
                equity.merge(position.currency(), position.unrealisedPnl(), BigDecimal::add);
            }
        }
        return equity;
    }
}
