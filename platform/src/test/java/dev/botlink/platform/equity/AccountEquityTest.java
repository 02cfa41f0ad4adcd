package dev.botlink.platform.equity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.botlink.platform.venue.Balance;
import dev.botlink.platform.venue.PositionState;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountEquityTest {

    @Test
    void addsOpenPositionsUnrealisedPnlToTheBalanceOfTheirSettlementCurrency() {
        var equity = AccountEquity.byCurrency(
                List.of(new Balance("XBT", new BigDecimal("1.00000000")), new Balance("USDT", new BigDecimal("500"))),
                List.of(
                        position("XBTUSD", "100", "-0.00012", "XBT"),
                        position("ETHUSD", "-3", "0.00002", "XBT"),
                        position("SOLUSDT", "10", "12.5", "USDT")));

        assertThat(equity).containsOnlyKeys("USDT", "XBT");
        assertThat(equity.get("XBT")).isEqualByComparingTo("0.99990000");
        assertThat(equity.get("USDT")).isEqualByComparingTo("512.5");
    }

    @Test
    void aFlatPositionAddsNothingAndAPositionInAnotherCurrencyGetsItsOwnLine() {
        var equity = AccountEquity.byCurrency(
                List.of(new Balance("XBT", new BigDecimal("0.5"))),
                List.of(position("XBTUSD", "0", "0.3", "XBT"), position("ETHUSDT", "2", "-4", "USDT")));

        assertThat(equity.get("XBT")).isEqualByComparingTo("0.5");
        assertThat(equity.get("USDT")).isEqualByComparingTo("-4");
    }

    private static PositionState position(String sym, String size, String unrealised, String currency) {
        return new PositionState(
                sym,
                new BigDecimal(size),
                BigDecimal.ONE,
                BigDecimal.ONE,
                null,
                new BigDecimal(unrealised),
                BigDecimal.ZERO,
                currency,
                0L);
    }
}
