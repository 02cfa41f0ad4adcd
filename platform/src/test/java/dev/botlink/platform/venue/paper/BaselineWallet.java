package dev.botlink.platform.venue.paper;

import dev.botlink.platform.venue.Balance;
import dev.botlink.platform.venue.Instrument;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An account's paper balances (one per settlement currency) and positions. Every change goes through
 * {@link #book}, which keeps the ledger identity {@code balance = deposited + realised PnL - fees} per currency.
 */
final class BaselineWallet {

    /** What booking one fill did to the wallet. */
    record Booking(BigDecimal fee, BigDecimal realisedPnl) {}

    private final Map<String, BigDecimal> balances = new LinkedHashMap<>();
    private final Map<String, BigDecimal> deposited = new LinkedHashMap<>();
    private final Map<String, BigDecimal> realised = new LinkedHashMap<>();
    private final Map<String, BigDecimal> fees = new LinkedHashMap<>();
    private final Map<String, BaselinePosition> positions = new LinkedHashMap<>();

    /** Empties the wallet (positions included) and deposits {@code startingBalances}. */
    void reset(Map<String, BigDecimal> startingBalances) {
        balances.clear();
        deposited.clear();
        realised.clear();
        fees.clear();
        positions.clear();
        startingBalances.forEach((currency, amount) -> {
            balances.put(currency, amount);
            deposited.put(currency, amount);
            realised.put(currency, BigDecimal.ZERO);
            fees.put(currency, BigDecimal.ZERO);
        });
    }

    /** Restores a persisted ledger entry (see the persistence adapter). */
    void restore(
            String currency,
            BigDecimal balance,
            BigDecimal depositedAmount,
            BigDecimal realisedPnl,
            BigDecimal feesPaid) {
        balances.put(currency, balance);
        deposited.put(currency, depositedAmount);
        realised.put(currency, realisedPnl);
        fees.put(currency, feesPaid);
    }

    BaselinePosition position(Instrument instrument) {
        return positions.computeIfAbsent(instrument.symbol(), symbol -> new BaselinePosition(instrument));
    }

    List<BaselinePosition> positions() {
        return new ArrayList<>(positions.values());
    }

    /** Books a fill of {@code signedUnits} at {@code price}, paying {@code feeRate} of its value (negative: rebate). */
    Booking book(Instrument instrument, long signedUnits, BigDecimal price, BigDecimal feeRate) {
        String currency = instrument.settleCurrency();
        BigDecimal fee =
                instrument.settle(instrument.value(signedUnits, price).abs().multiply(feeRate));
        BigDecimal pnl = position(instrument).apply(signedUnits, price);
        balances.merge(currency, pnl.subtract(fee), BigDecimal::add);
        deposited.putIfAbsent(currency, BigDecimal.ZERO);
        realised.merge(currency, pnl, BigDecimal::add);
        fees.merge(currency, fee, BigDecimal::add);
        return new Booking(fee, pnl);
    }

    /** Balance plus unrealised PnL minus position margin, in {@code currency}. */
    BigDecimal freeMargin(String currency) {
        BigDecimal free = balances.getOrDefault(currency, BigDecimal.ZERO);
        for (BaselinePosition position : positions.values()) {
            if (position.instrument.settleCurrency().equals(currency)) {
                free = free.add(position.unrealisedPnl()).subtract(position.margin());
            }
        }
        return free;
    }

    List<Balance> balances() {
        List<Balance> list = new ArrayList<>();
        balances.forEach((currency, amount) -> list.add(new Balance(currency, amount)));
        return list;
    }

    BigDecimal balance(String currency) {
        return balances.getOrDefault(currency, BigDecimal.ZERO);
    }

    BigDecimal deposited(String currency) {
        return deposited.getOrDefault(currency, BigDecimal.ZERO);
    }

    BigDecimal realised(String currency) {
        return realised.getOrDefault(currency, BigDecimal.ZERO);
    }

    BigDecimal fees(String currency) {
        return fees.getOrDefault(currency, BigDecimal.ZERO);
    }

    /** Checks the ledger identity per currency and that positions' realised PnL sums to the ledger's. */
    void validate() {
        for (String currency : balances.keySet()) {
            BigDecimal expected = deposited(currency).add(realised(currency)).subtract(fees(currency));
            BaselineRestingOrders.check(
                    balance(currency).compareTo(expected) == 0,
                    currency + " balance " + balance(currency) + " != deposited + realised - fees " + expected);
            BigDecimal fromPositions = positions.values().stream()
                    .filter(position -> position.instrument.settleCurrency().equals(currency))
                    .map(position -> position.realisedPnl)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BaselineRestingOrders.check(
                    fromPositions.compareTo(realised(currency)) == 0,
                    currency + " realised PnL of positions " + fromPositions + " != ledger " + realised(currency));
        }
        for (BaselinePosition position : positions.values()) {
            BaselineRestingOrders.check(
                    (position.units == 0) == (position.entryValue.signum() == 0),
                    position.instrument.symbol() + " entry value out of step with its size");
        }
    }
}
