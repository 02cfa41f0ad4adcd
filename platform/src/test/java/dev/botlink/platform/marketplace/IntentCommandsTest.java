package dev.botlink.platform.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.botlink.marketplace.execution.OrderIntent;
import dev.botlink.marketplace.execution.Side;
import dev.botlink.marketplace.execution.VenueError;
import dev.botlink.marketplace.execution.VenueResult;
import dev.botlink.platform.venue.OrderState;
import dev.botlink.platform.venue.OrderStatus;
import dev.botlink.platform.venue.paper.PaperDesk;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one mapping of the domain's order intents to the exchange port, run against a real paper venue. */
class IntentCommandsTest {

    private static final String SYM = "XBTUSDT";
    private static final String TAG = "marketplace-7";
    private PaperDesk desk;

    @BeforeEach
    void market() {
        desk = PaperDesk.bitmex();
        desk.market.quote(SYM, "50000", "5000", "50000.5", "1000");
    }

    @Test
    void aLimitIntentRestsTaggedAndIsAccepted() {
        var outcome = send(new OrderIntent.PlaceLimit("i1", Side.BUY, new BigDecimal("49990"), new BigDecimal("1000")));
        assertThat(outcome.result()).isEqualTo(new VenueResult.Accepted("i1"));
        OrderState order = outcome.orders().getFirst();
        assertThat(order.text()).isEqualTo(TAG);
        assertThat(order.status()).isEqualTo(OrderStatus.NEW);
        assertThat(order.orderPrice()).isEqualByComparingTo("49990");
    }

    @Test
    void aMarketIntentFillsAndIsAccepted() {
        var outcome = send(new OrderIntent.PlaceMarket("i2", Side.SELL, new BigDecimal("1000")));
        assertThat(outcome.result()).isEqualTo(new VenueResult.Accepted("i2"));
        assertThat(outcome.orders().getFirst().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(outcome.orders().getFirst().orderPrice()).isEqualByComparingTo("50000");
    }

    @Test
    void anAmendSetsTheNewRemainingSizeAsTheVenuesTotal() {
        OrderState resting = send(new OrderIntent.PlaceLimit(
                        "i3", Side.BUY, new BigDecimal("49990"), new BigDecimal("3000")))
                .orders()
                .getFirst();
        var outcome = IntentCommands.send(
                desk.client,
                SYM,
                TAG,
                new OrderIntent.Amend("i4", resting.orderId(), new BigDecimal("49980"), new BigDecimal("2000")),
                Map.of(resting.orderId(), resting));
        assertThat(outcome.result()).isEqualTo(new VenueResult.Accepted("i4"));
        assertThat(outcome.orders().getFirst().remainSize()).isEqualByComparingTo("2000");
        assertThat(outcome.orders().getFirst().orderPrice()).isEqualByComparingTo("49980");
    }

    @Test
    void venueRefusalsBecomeTheDomainsErrors() {
        assertThat(send(new OrderIntent.Cancel("i5", "no-such-order")).result())
                .isInstanceOfSatisfying(VenueResult.Rejected.class, rejected -> assertThat(rejected.error())
                        .isEqualTo(VenueError.ORDER_NOT_FOUND));
        assertThat(send(new OrderIntent.Amend("i6", "gone", BigDecimal.TEN, BigDecimal.ONE))
                        .result())
                .isInstanceOfSatisfying(VenueResult.Rejected.class, rejected -> assertThat(rejected.error())
                        .isEqualTo(VenueError.ORDER_NOT_FOUND));
        assertThat(send(new OrderIntent.PlaceLimit("i7", Side.BUY, new BigDecimal("49990.3"), new BigDecimal("1000")))
                        .result())
                .isInstanceOfSatisfying(VenueResult.Rejected.class, rejected -> {
                    assertThat(rejected.error()).isEqualTo(VenueError.INVALID_ORDER);
                    assertThat(rejected.message()).isNotBlank();
                });
    }

    @ParameterizedTest
    @CsvSource({
        "insufficient_margin, INSUFFICIENT_BALANCE",
        "rate_limited, RATE_LIMITED",
        "unknown_order, ORDER_NOT_FOUND",
        "order_not_open, ORDER_NOT_FOUND",
        "no_market_data, UNAVAILABLE",
        "off_lot, INVALID_ORDER",
        "post_only_would_cross, INVALID_ORDER",
        "unknown_endpoint, OTHER",
        "something_new, OTHER"
    })
    void everyRejectionCodeMapsToADomainError(String code, VenueError expected) {
        assertThat(IntentCommands.errorOf(code)).isEqualTo(expected);
    }

    private IntentCommands.Outcome send(OrderIntent intent) {
        return IntentCommands.send(desk.client, SYM, TAG, intent, Map.of());
    }
}
