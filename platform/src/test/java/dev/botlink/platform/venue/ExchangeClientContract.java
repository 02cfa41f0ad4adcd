package dev.botlink.platform.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.botlink.platform.marketdata.CandleLevel;
import dev.botlink.platform.venue.ExchangeCommand.AmendOrder;
import dev.botlink.platform.venue.ExchangeCommand.CancelOrders;
import dev.botlink.platform.venue.ExchangeCommand.CreateLimitOrder;
import dev.botlink.platform.venue.ExchangeCommand.FetchCandles;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link ExchangeClient} contract every adapter runs (paper now, live adapters later): extend it and supply a
 * fresh client on an account without open orders, a symbol, and a price and size that rest without filling.
 */
public abstract class ExchangeClientContract {

    private ExchangeClient client;

    /** A client on a clean account, with market data for {@link #symbol()} flowing. */
    protected abstract ExchangeClient newClient();

    protected abstract String symbol();

    /** A buy price on the tick grid, far enough below the market to rest for the test's duration. */
    protected abstract BigDecimal restingBuyPrice();

    /** A valid order size (a multiple of the lot) the account can afford. */
    protected abstract BigDecimal orderSize();

    /** A price on the tick grid between {@link #restingBuyPrice()} and the market. */
    protected abstract BigDecimal betterRestingBuyPrice();

    @BeforeEach
    void newClientPerTest() {
        client = newClient();
    }

    @Test
    void resultsHaveTheLinkShapeWithRateLimits() {
        VenueResult<List<Balance>> balances = client.fetchBalances();
        assertThat(balances.toLink()).containsOnlyKeys("src", "venue", "data", "error", "rate_limits");
        assertThat(balances.src()).isEqualTo(client.src());
        assertThat(balances.venue()).isEqualTo(client.venue());
        assertThat(balances.error()).isNull();
        assertThat(balances.data()).isNotEmpty();
        assertThat(balances.rateLimits()).isNotNull();
    }

    @Test
    void refusalsAreResultsWithStableCodesNotExceptions() {
        VenueResult<OrderState> unknown = client.createLimitOrder(
                new CreateLimitOrder("NO-SUCH-SYMBOL", Side.BUY, orderSize(), restingBuyPrice(), false, null));
        assertThat(unknown.error().code()).isEqualTo(Rejection.UNKNOWN_SYMBOL.code());
        assertThat(unknown.error().type()).isEqualTo("api_error");
        assertThat(unknown.error().message()).contains("NO-SUCH-SYMBOL");
        assertThat(unknown.rateLimits()).isNotNull();
        VenueResult<List<OrderState>> cancel = client.cancelOrders(new CancelOrders("no-such-order", null));
        assertThat(cancel.error().code()).isEqualTo(Rejection.UNKNOWN_ORDER.code());
    }

    @Test
    void aRestingOrderCanBeListedAmendedAndCancelledOnce() {
        OrderState order = data(client.createLimitOrder(
                new CreateLimitOrder(symbol(), Side.BUY, orderSize(), restingBuyPrice(), false, "contract")));
        assertThat(order.remainSize()).isEqualByComparingTo(orderSize());
        assertThat(order.orderType()).isEqualTo(OrderType.LIMIT);
        assertThat(data(client.fetchOpenOrders()))
                .extracting(OrderState::orderId)
                .contains(order.orderId());

        OrderState amended = data(client.amendOrder(new AmendOrder(order.orderId(), null, betterRestingBuyPrice())));
        assertThat(amended.orderPrice()).isEqualByComparingTo(betterRestingBuyPrice());

        List<OrderState> cancelled = data(client.cancelOrders(new CancelOrders(order.orderId(), null)));
        assertThat(cancelled).singleElement().satisfies(state -> {
            assertThat(state.status()).isEqualTo(OrderStatus.CANCELED);
            assertThat(state.remainSize()).isEqualByComparingTo("0");
        });
        assertThat(client.cancelOrders(new CancelOrders(order.orderId(), null)).error())
                .as("cancelling a finished order again is not an error")
                .isNull();
        assertThat(data(client.fetchOpenOrders()))
                .extracting(OrderState::orderId)
                .doesNotContain(order.orderId());
    }

    @Test
    void cancelBySymbolAndCancelAll() {
        for (int i = 0; i < 3; i++) {
            data(client.createLimitOrder(
                    new CreateLimitOrder(symbol(), Side.BUY, orderSize(), restingBuyPrice(), false, null)));
        }
        assertThat(data(client.cancelOrders(new CancelOrders(null, symbol())))).hasSize(3);
        data(client.createLimitOrder(
                new CreateLimitOrder(symbol(), Side.BUY, orderSize(), restingBuyPrice(), false, null)));
        assertThat(data(client.cancelOrders(CancelOrders.all()))).hasSize(1);
        assertThat(data(client.fetchOpenOrders())).isEmpty();
    }

    @Test
    void orderUpdatesStreamToSubscribers() throws Exception {
        List<VenueEvent> events = new CopyOnWriteArrayList<>();
        try (AutoCloseable subscription = client.subscribe(events::add)) {
            OrderState order = data(client.createLimitOrder(
                    new CreateLimitOrder(symbol(), Side.BUY, orderSize(), restingBuyPrice(), false, null)));
            data(client.cancelOrders(new CancelOrders(order.orderId(), null)));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(events)
                    .filteredOn(VenueEvent.OrderUpdated.class::isInstance)
                    .map(event -> ((VenueEvent.OrderUpdated) event).order().status())
                    .containsSubsequence(OrderStatus.NEW, OrderStatus.CANCELED));
            assertThat(events.getFirst().src()).isEqualTo(client.src());
        }
    }

    @Test
    void candlesComeOldestFirst() {
        List<dev.botlink.platform.marketdata.Candle> candles =
                data(client.fetchCandles(new FetchCandles(symbol(), CandleLevel.M1, null)));
        for (int i = 1; i < candles.size(); i++) {
            assertThat(candles.get(i).time()).isGreaterThan(candles.get(i - 1).time());
        }
    }

    private static <T> T data(VenueResult<T> result) {
        assertThat(result.error()).as("error").isNull();
        return result.data();
    }
}
