package dev.botlink.platform.venue.paper;

import dev.botlink.platform.venue.Balance;
import dev.botlink.platform.venue.Instrument;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An account's paper balances (one per settlement currency) and positions, in whole units of each currency's
 * smallest unit (satoshis, micro-USDT). Every change goes through {@link #book}, which keeps the ledger identity
 * {@code balance = deposited + realised PnL - fees} per currency.
 */
final class PaperWallet {

    /** One currency's ledger, in whole units of {@code 10^-scale}. */
    static final class Ledger {
        final int scale;
        long balance;
        long deposited;
        long realised;
        long fees;

        Ledger(int scale) {
            this.scale = scale;
        }

        BigDecimal decimal(long amount) {
            return BigDecimal.valueOf(amount, scale);
        }

        long units(BigDecimal amount) {
            return amount.setScale(scale).unscaledValue().longValueExact();
        }
    }

    private final Map<String, Integer> scales = new HashMap<>();
    private final Map<String, Ledger> ledgers = new LinkedHashMap<>();
    private final Map<String, PaperPosition> positions = new LinkedHashMap<>();

    /** A wallet for the settlement currencies of {@code instruments} (their precision fixes each ledger's unit). */
    PaperWallet(Collection<Instrument> instruments) {
        for (Instrument instrument : instruments) {
            scales.putIfAbsent(instrument.settleCurrency(), instrument.settleScale());
        }
    }

    /**
     * Empties the wallet (positions included) and deposits {@code startingBalances}.
     *
     * @throws ArithmeticException if an amount has more decimals than its currency
     */
    void reset(Map<String, BigDecimal> startingBalances) {
        ledgers.clear();
        positions.clear();
        startingBalances.forEach((currency, amount) -> {
            Ledger ledger = ledger(currency);
            ledger.balance = ledger.units(amount);
            ledger.deposited = ledger.balance;
        });
    }

    /** Restores a persisted ledger entry (see the persistence adapter). */
    void restore(
            String currency,
            BigDecimal balance,
            BigDecimal depositedAmount,
            BigDecimal realisedPnl,
            BigDecimal feesPaid) {
        Ledger ledger = ledger(currency);
        ledger.balance = ledger.units(balance);
        ledger.deposited = ledger.units(depositedAmount);
        ledger.realised = ledger.units(realisedPnl);
        ledger.fees = ledger.units(feesPaid);
    }

    PaperPosition position(Instrument instrument) {
        PaperPosition position = positions.get(instrument.symbol());
        if (position == null) {
            position = new PaperPosition(instrument);
            positions.put(instrument.symbol(), position);
        }
        return position;
    }

    List<PaperPosition> positions() {
        return new ArrayList<>(positions.values());
    }

    /**
     * Books a fill of {@code signedUnits} at {@code ticks} to {@code position}, paying {@code feeRate} (at
     * {@link ContractMath#RATE_SCALE}) of its value; returns the fee in whole settlement units.
     */
    long book(PaperPosition position, long signedUnits, long ticks, long feeRate) {
        ContractMath math = position.math;
        long fee = feeRate == 0 ? 0 : math.settledShare(Math.abs(math.value(signedUnits, ticks)), feeRate);
        long pnl = position.apply(signedUnits, ticks);
        Ledger ledger = ledger(position.instrument.settleCurrency());
        ledger.balance += pnl - fee;
        ledger.realised += pnl;
        ledger.fees += fee;
        return fee;
    }

    /** Balance plus unrealised PnL minus position margin, in whole units of {@code currency}. */
    long freeMargin(String currency) {
        Ledger ledger = ledgers.get(currency);
        long free = ledger == null ? 0 : ledger.balance;
        for (PaperPosition position : positions.values()) {
            if (position.units != 0 && position.instrument.settleCurrency().equals(currency)) {
                free += position.unrealisedPnl() - position.margin();
            }
        }
        return free;
    }

    /** Balance plus the unrealised PnL of open positions at their marks, in {@code currency} (0 if not held). */
    BigDecimal equity(String currency) {
        Ledger ledger = ledgers.get(currency);
        if (ledger == null) {
            return BigDecimal.ZERO;
        }
        long total = ledger.balance;
        for (PaperPosition position : positions.values()) {
            if (position.units != 0 && position.instrument.settleCurrency().equals(currency)) {
                total += position.unrealisedPnl();
            }
        }
        return ledger.decimal(total);
    }

    List<Balance> balances() {
        List<Balance> list = new ArrayList<>();
        ledgers.forEach((currency, ledger) -> list.add(new Balance(currency, ledger.decimal(ledger.balance))));
        return list;
    }

    Map<String, Ledger> ledgers() {
        return ledgers;
    }

    BigDecimal balance(String currency) {
        Ledger ledger = ledgers.get(currency);
        return ledger == null ? BigDecimal.ZERO : ledger.decimal(ledger.balance);
    }

    /** Checks the ledger identity per currency and that positions' realised PnL sums to the ledger's. */
    void validate() {
        ledgers.forEach((currency, ledger) -> {
            long expected = ledger.deposited + ledger.realised - ledger.fees;
            RestingOrders.check(
                    ledger.balance == expected,
                    currency + " balance " + ledger.balance + " != deposited + realised - fees " + expected);
            long fromPositions = positions.values().stream()
                    .filter(position -> position.instrument.settleCurrency().equals(currency))
                    .mapToLong(position -> position.realisedPnl)
                    .sum();
            RestingOrders.check(
                    fromPositions == ledger.realised,
                    currency + " realised PnL of positions " + fromPositions + " != ledger " + ledger.realised);
        });
        for (PaperPosition position : positions.values()) {
            RestingOrders.check(
                    (position.units == 0) == (position.entryValue == 0),
                    position.instrument.symbol() + " entry value out of step with its size");
        }
    }

    private Ledger ledger(String currency) {
        Ledger ledger = ledgers.get(currency);
        if (ledger == null) {
            Integer scale = scales.get(currency);
            if (scale == null) {
                throw new IllegalArgumentException("no instrument of this wallet settles in " + currency);
            }
            ledger = new Ledger(scale);
            ledgers.put(currency, ledger);
        }
        return ledger;
    }
}
