package dev.botlink.marketplace.execution;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * This bot's account on one instrument when it is evaluated.
 *
 * <p>Contract for the platform: the state reflects every fill the venue reported before the evaluation,
 * and {@code openOrders} lists every order of this bot the venue has accepted and not yet filled or
 * cancelled.
 *
 * @param position signed position size: positive long, negative short, zero flat
 * @param entryPrice average entry price of the position; empty when flat
 * @param openOrders this bot's resting orders, at most {@link #MAX_OPEN_ORDERS}
 * @param availableBalance quote currency the bot may still commit to new orders
 */
public record AccountState(
        BigDecimal position, Optional<BigDecimal> entryPrice, List<OpenOrder> openOrders, BigDecimal availableBalance) {

    /** More resting orders than any bot type here places; more means the state is not this bot's. */
    public static final int MAX_OPEN_ORDERS = 500;

    public AccountState {
        Objects.requireNonNull(position, "position is missing");
        Objects.requireNonNull(entryPrice, "entryPrice is missing (use Optional.empty() when flat)");
        entryPrice.ifPresent(price -> Decimals.positive(price, "entryPrice"));
        if (position.signum() != 0 && entryPrice.isEmpty()) {
            throw new IllegalArgumentException(
                    "entryPrice is required while a position of " + position.toPlainString() + " is open");
        }
        openOrders = List.copyOf(openOrders);
        if (openOrders.size() > MAX_OPEN_ORDERS) {
            throw new IllegalArgumentException(
                    openOrders.size() + " open orders given, at most " + MAX_OPEN_ORDERS + " allowed");
        }
        Decimals.nonNegative(availableBalance, "availableBalance");
    }

    /** A flat account with no orders. */
    public static AccountState flat(BigDecimal availableBalance) {
        return new AccountState(BigDecimal.ZERO, Optional.empty(), List.of(), availableBalance);
    }
}
