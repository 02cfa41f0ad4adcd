package dev.botlink.marketplace.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderReconcilerTest {
    private final IntentIds ids = new IntentIds("t");

    @Test
    void ordersAlreadyRightProduceNoIntents() {
        var open = List.of(open("a", Side.BUY, "99", "1"), open("b", Side.SELL, "101", "1"));
        var desired = List.of(want(Side.BUY, "99", "1"), want(Side.SELL, "101", "1"));

        assertThat(new OrderReconciler(true).reconcile(desired, open, ids)).isEmpty();
    }

    @Test
    void partiallyFilledOrdersAreKeptAndLargerOnesAmendedDown() {
        var open = List.of(open("a", Side.BUY, "99", "0.4"), open("b", Side.BUY, "98", "3"));
        var desired = List.of(want(Side.BUY, "99", "1"), want(Side.BUY, "98", "1"));

        assertThat(new OrderReconciler(true).reconcile(desired, open, ids))
                .containsExactly(new OrderIntent.Amend("t-1", "b", new BigDecimal("98"), new BigDecimal("1")));
    }

    @Test
    void movedOrdersAreAmendedAndSurplusCancelledBeforePlacing() {
        var open = List.of(
                open("a", Side.BUY, "97", "1"), open("b", Side.BUY, "96", "1"), open("c", Side.SELL, "105", "1"));
        var desired = List.of(want(Side.BUY, "98", "1"), want(Side.SELL, "101", "1"), want(Side.SELL, "102", "1"));

        assertThat(new OrderReconciler(true).reconcile(desired, open, ids))
                .containsExactly(
                        new OrderIntent.Cancel("t-2", "a"),
                        new OrderIntent.Amend("t-1", "b", new BigDecimal("98"), BigDecimal.ONE),
                        new OrderIntent.Amend("t-3", "c", new BigDecimal("101"), BigDecimal.ONE),
                        new OrderIntent.PlaceLimit("t-4", Side.SELL, new BigDecimal("102"), BigDecimal.ONE));
    }

    @Test
    void withoutAmendsMovedOrdersAreCancelledAndPlacedAgain() {
        var open = List.of(open("a", Side.BUY, "97", "1"));
        var desired = List.of(want(Side.BUY, "98", "1"));

        assertThat(new OrderReconciler(false).reconcile(desired, open, ids))
                .containsExactly(
                        new OrderIntent.Cancel("t-1", "a"),
                        new OrderIntent.PlaceLimit("t-2", Side.BUY, new BigDecimal("98"), BigDecimal.ONE));
    }

    @Test
    void duplicatesAtOnePriceAreCancelled() {
        var open = List.of(open("a", Side.SELL, "101", "1"), open("b", Side.SELL, "101", "1"));
        var desired = List.of(want(Side.SELL, "101", "1"));

        assertThat(new OrderReconciler(true).reconcile(desired, open, ids))
                .containsExactly(new OrderIntent.Cancel("t-1", "b"));
    }

    private static OpenOrder open(String id, Side side, String price, String size) {
        return new OpenOrder(id, side, new BigDecimal(price), new BigDecimal(size));
    }

    private static DesiredOrder want(Side side, String price, String size) {
        return new DesiredOrder(side, new BigDecimal(price), new BigDecimal(size));
    }
}
