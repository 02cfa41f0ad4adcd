package dev.botlink.platform.venue.paper;

import static dev.botlink.platform.venue.paper.PaperDesk.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.botlink.platform.venue.ExchangeCommand.AmendOrder;
import dev.botlink.platform.venue.ExchangeCommand.CancelOrders;
import dev.botlink.platform.venue.Fill;
import dev.botlink.platform.venue.OrderState;
import dev.botlink.platform.venue.OrderStatus;
import dev.botlink.platform.venue.PositionState;
import dev.botlink.platform.venue.Rejection;
import dev.botlink.platform.venue.Side;
import dev.botlink.platform.venue.VenueEvent;
import dev.botlink.platform.venue.VenueResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven matching scenarios on a scripted market: each row is a story a trader would check, ending with the
 * engine's invariant check of books, reserved margin and wallet ledger.
 */
class PaperMatchingScenariosTest {

    private static final String USDT_PERP = "XBTUSDT";

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenario(String name, Consumer<PaperDesk> story) {
        PaperDesk desk = PaperDesk.bitmex();
        desk.market.quote(USDT_PERP, "50000", "5000", "50000.5", "1000");
        story.accept(desk);
        desk.client.validateInternalState();
    }

    static Stream<Arguments> scenarios() {
        return Stream.of(
                row("a limit buy below the ask rests without filling", desk -> {
                    OrderState order = ok(desk.limit(USDT_PERP, Side.BUY, "1000", "49990"));
                    assertThat(order.status()).isEqualTo(OrderStatus.NEW);
                    assertThat(order.remainSize()).isEqualByComparingTo("1000");
                    assertThat(ok(desk.client.fetchOpenOrders()))
                            .extracting(OrderState::orderId)
                            .containsExactly(order.orderId());
                    assertThat(desk.fills()).isEmpty();
                }),
                row("a market buy within the top of book fills at the ask and pays the taker fee", desk -> {
                    OrderState order = ok(desk.market(USDT_PERP, Side.BUY, "1000"));
                    assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
                    assertThat(order.orderPrice()).isEqualByComparingTo("50000.5");
                    assertThat(order.remainSize()).isEqualByComparingTo("0");
                    Fill fill = desk.fills().getFirst().fill();
                    assertThat(fill.maker()).isFalse();
                    // 1000 contracts x 0.000001 XBT x 50000.5 = 50.0005 USDT; 0.075% of it, to micro-USDT
                    assertThat(fill.fee()).isEqualByComparingTo("0.037500");
                    assertThat(desk.balance("USDT")).isEqualByComparingTo("99999.962500");
                }),
                row("a market buy larger than the top of book walks the book and slips", desk -> {
                    OrderState order = ok(desk.market(USDT_PERP, Side.BUY, "3000"));
                    assertThat(desk.fills())
                            .extracting(filled -> filled.fill().fillPrice().toPlainString())
                            .containsExactly("50000.5", "50001", "50001.5");
                    assertThat(order.orderPrice()).isEqualByComparingTo("50001");
                    assertThat(desk.position(USDT_PERP).posSize()).isEqualByComparingTo("3000");
                }),
                row("a crossing limit buy takes up to its price and rests the remainder", desk -> {
                    OrderState order = ok(desk.limit(USDT_PERP, Side.BUY, "3000", "50001"));
                    assertThat(desk.fills())
                            .extracting(filled -> filled.fill().fillPrice().toPlainString())
                            .containsExactly("50000.5", "50001");
                    assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
                    assertThat(order.remainSize()).isEqualByComparingTo("1000");
                }),
                row("a trade through a resting buy fills it completely as maker", desk -> {
                    OrderState order = ok(desk.limit(USDT_PERP, Side.BUY, "2000", "49990"));
                    desk.market.trade(USDT_PERP, Side.SELL, "49989.5", "1");
                    Fill fill = desk.fills().getFirst().fill();
                    assertThat(fill.orderId()).isEqualTo(order.orderId());
                    assertThat(fill.fillPrice()).isEqualByComparingTo("49990");
                    assertThat(fill.fillSize()).isEqualByComparingTo("2000");
                    assertThat(fill.maker()).isTrue();
                    // 2000 x 0.000001 x 49990 = 99.98 USDT; 0.02% maker fee
                    assertThat(fill.fee()).isEqualByComparingTo("0.019996");
                    assertThat(ok(desk.client.fetchOpenOrders())).isEmpty();
                }),
                row("trades at the order's price first eat the queue ahead, then fill it partially", desk -> {
                    OrderState order = ok(desk.limit(USDT_PERP, Side.BUY, "1000", "50000"));
                    desk.market.trade(USDT_PERP, Side.SELL, "50000", "3000");
                    assertThat(desk.fills()).isEmpty();
                    desk.market.trade(USDT_PERP, Side.SELL, "50000", "2500");
                    assertThat(desk.fills()).singleElement().satisfies(filled -> assertThat(
                                    filled.fill().fillSize())
                            .isEqualByComparingTo("500"));
                    assertThat(open(desk, order).status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
                    assertThat(open(desk, order).remainSize()).isEqualByComparingTo("500");
                    desk.market.trade(USDT_PERP, Side.BUY, "50000", "5000");
                    assertThat(desk.fills())
                            .as("a buyer's trade does not hit resting bids")
                            .hasSize(1);
                    desk.market.trade(USDT_PERP, Side.SELL, "49999.5", "1");
                    assertThat(desk.fills()).hasSize(2);
                    assertThat(desk.position(USDT_PERP).posSize()).isEqualByComparingTo("1000");
                }),
                row("a quote moving onto a resting sell fills it at its price as maker", desk -> {
                    ok(desk.limit(USDT_PERP, Side.SELL, "1000", "50010"));
                    desk.market.quote(USDT_PERP, "50010", "4000", "50010.5", "4000");
                    Fill fill = desk.fills().getFirst().fill();
                    assertThat(fill.fillPrice()).isEqualByComparingTo("50010");
                    assertThat(fill.maker()).isTrue();
                    assertThat(desk.position(USDT_PERP).posSize()).isEqualByComparingTo("-1000");
                }),
                row("a post-only order that would cross is rejected; one that rests is accepted", desk -> {
                    VenueResult<OrderState> crossing = desk.postOnly(USDT_PERP, Side.BUY, "1000", "50000.5");
                    assertThat(crossing.error().code()).isEqualTo(Rejection.POST_ONLY_WOULD_CROSS.code());
                    assertThat(crossing.error().stage()).isEqualTo("matching");
                    assertThat(crossing.error().message()).contains("below the ask 50000.5");
                    assertThat(ok(desk.postOnly(USDT_PERP, Side.BUY, "1000", "50000"))
                                    .postOnly())
                            .isTrue();
                    assertThat(desk.fills()).isEmpty();
                }),
                row("amending the size down keeps queue priority", desk -> {
                    OrderState order = ok(desk.limit(USDT_PERP, Side.BUY, "2000", "50000"));
                    desk.market.trade(USDT_PERP, Side.SELL, "50000", "4000");
                    ok(desk.client.amendOrder(new AmendOrder(order.orderId(), new BigDecimal("1000"), null)));
                    desk.market.trade(USDT_PERP, Side.SELL, "50000", "1500");
                    assertThat(desk.fills()).singleElement().satisfies(filled -> assertThat(
                                    filled.fill().fillSize())
                            .isEqualByComparingTo("500"));
                }),
                row("amending the price loses queue priority", desk -> {
                    OrderState order = ok(desk.limit(USDT_PERP, Side.BUY, "1000", "50000"));
                    desk.market.trade(USDT_PERP, Side.SELL, "50000", "5000");
                    OrderState amended = ok(
                            desk.client.amendOrder(new AmendOrder(order.orderId(), null, new BigDecimal("49999.5"))));
                    assertThat(amended.orderPrice()).isEqualByComparingTo("49999.5");
                    assertThat(amended.time()).isEqualTo(desk.clock.millis());
                    desk.market.trade(USDT_PERP, Side.SELL, "49999.5", "5000");
                    assertThat(desk.fills())
                            .as("5000 bid at 50000 and 5000 at 49999.5 are ahead")
                            .isEmpty();
                    desk.market.trade(USDT_PERP, Side.SELL, "49999.5", "6000");
                    assertThat(desk.fills()).hasSize(1);
                }),
                row("amending below the filled size is refused", desk -> {
                    OrderState order = ok(desk.limit(USDT_PERP, Side.BUY, "2000", "50000"));
                    desk.market.trade(USDT_PERP, Side.SELL, "50000", "6000");
                    VenueResult<OrderState> amended =
                            desk.client.amendOrder(new AmendOrder(order.orderId(), new BigDecimal("1000"), null));
                    assertThat(amended.error().code()).isEqualTo(Rejection.AMEND_BELOW_FILLED.code());
                }),
                row("cancel by id, by symbol and all", desk -> {
                    OrderState first = ok(desk.limit(USDT_PERP, Side.BUY, "1000", "49000"));
                    ok(desk.limit(USDT_PERP, Side.SELL, "1000", "51000"));
                    ok(desk.limit("XBTUSD", Side.BUY, "100", "40000"));
                    ok(desk.limit("XBTUSD", Side.BUY, "100", "40000.5"));
                    List<OrderState> byId = ok(desk.client.cancelOrders(new CancelOrders(first.orderId(), null)));
                    assertThat(byId).singleElement().satisfies(order -> {
                        assertThat(order.status()).isEqualTo(OrderStatus.CANCELED);
                        assertThat(order.remainSize()).isEqualByComparingTo("0");
                    });
                    assertThat(ok(desk.client.cancelOrders(new CancelOrders(first.orderId(), null))))
                            .as("cancelling again returns the final state, no error")
                            .hasSize(1);
                    assertThat(ok(desk.client.cancelOrders(new CancelOrders(null, "XBTUSD"))))
                            .hasSize(2);
                    assertThat(ok(desk.client.cancelOrders(CancelOrders.all()))).hasSize(1);
                    assertThat(ok(desk.client.fetchOpenOrders())).isEmpty();
                    assertThat(desk.client
                                    .cancelOrders(new CancelOrders("nope", null))
                                    .error()
                                    .code())
                            .isEqualTo(Rejection.UNKNOWN_ORDER.code());
                }),
                row("round trip on the inverse XBTUSD realises PnL in XBT and pays fees in XBT", desk -> {
                    BigDecimal start = desk.balance("XBT");
                    desk.market.quote("XBTUSD", "49999.5", "100000", "50000", "100000");
                    ok(desk.market("XBTUSD", Side.BUY, "1000"));
                    desk.market.quote("XBTUSD", "55000", "100000", "55000.5", "100000");
                    PositionState open = desk.position("XBTUSD");
                    assertThat(open.entryPrice()).isEqualByComparingTo("50000");
                    // 1000 x (1/50000 - 1/55000.25) marked at the mid
                    assertThat(open.unrealisedPnl()).isEqualByComparingTo("0.00181826");
                    ok(desk.market("XBTUSD", Side.SELL, "1000"));
                    // 1000 x (1/50000 - 1/55000) = 0.00181818; fees 0.075% of 0.02 and of 0.01818182
                    assertThat(desk.balance("XBT"))
                            .isEqualByComparingTo(start.add(new BigDecimal("0.00181818"))
                                    .subtract(new BigDecimal("0.000015"))
                                    .subtract(new BigDecimal("0.00001364")));
                    assertThat(desk.position("XBTUSD")).isNull();
                }),
                row("a long is liquidated when the mark reaches its liquidation price", desk -> {
                    ok(desk.market(USDT_PERP, Side.BUY, "1000"));
                    PositionState position = desk.position(USDT_PERP);
                    // 10x initial, 0.5% maintenance: 50000.5 x (1 - 0.1 + 0.005) = 45250.45, up to the tick
                    assertThat(position.liqPrice()).isEqualByComparingTo("45250.5");
                    ok(desk.limit(USDT_PERP, Side.BUY, "1000", "45000"));
                    desk.market.quote(USDT_PERP, "45300", "1000", "45300.5", "1000");
                    assertThat(desk.position(USDT_PERP)).isNotNull();
                    desk.market.quote(USDT_PERP, "45100", "1000", "45100.5", "1000");
                    assertThat(desk.position(USDT_PERP)).isNull();
                    Fill liquidation = desk.fills().getLast().fill();
                    assertThat(liquidation.liquidation()).isTrue();
                    assertThat(liquidation.fillPrice()).isEqualByComparingTo("45250.5");
                    assertThat(ok(desk.client.fetchOpenOrders()))
                            .as("liquidation cancels open orders")
                            .isEmpty();
                    // lost 1000 x 0.000001 x 4750 = 4.75 USDT plus the taker fee
                    assertThat(desk.balance("USDT")).isEqualByComparingTo("99995.212500");
                }),
                row("an order beyond the free margin is refused at the risk stage", desk -> {
                    VenueResult<OrderState> result = desk.limit(USDT_PERP, Side.BUY, "25000000", "49000");
                    assertThat(result.error().code()).isEqualTo(Rejection.INSUFFICIENT_MARGIN.code());
                    assertThat(result.error().stage()).isEqualTo("risk");
                    ok(desk.limit(USDT_PERP, Side.BUY, "15000000", "49000"));
                    assertThat(desk.limit(USDT_PERP, Side.BUY, "10000000", "49000")
                                    .error()
                                    .code())
                            .as("resting orders reserve margin")
                            .isEqualTo(Rejection.INSUFFICIENT_MARGIN.code());
                }),
                row("off-tick, off-lot, unknown symbol and non-positive sizes are refused at validation", desk -> {
                    assertThat(desk.limit(USDT_PERP, Side.BUY, "1000", "49999.3")
                                    .error()
                                    .message())
                            .contains("tick size 0.5")
                            .contains("49999 or 49999.5");
                    assertThat(desk.limit(USDT_PERP, Side.BUY, "1500", "49999")
                                    .error()
                                    .code())
                            .isEqualTo(Rejection.OFF_LOT.code());
                    assertThat(desk.limit("DOGGUSD", Side.BUY, "1000", "1")
                                    .error()
                                    .message())
                            .contains("The symbol 'DOGGUSD' does not exist");
                    assertThat(desk.market(USDT_PERP, Side.SELL, "-1000")
                                    .error()
                                    .code())
                            .isEqualTo(Rejection.NOT_POSITIVE.code());
                }),
                row("a market order needs a quote first", desk -> {
                    assertThat(desk.market("SOLUSDT", Side.BUY, "1000").error().code())
                            .isEqualTo(Rejection.NO_MARKET_DATA.code());
                }),
                row("every change streams order, fill and position updates in the seed's shapes", desk -> {
                    ok(desk.market(USDT_PERP, Side.SELL, "1000"));
                    assertThat(desk.events)
                            .extracting(VenueEvent::callback)
                            .containsSubsequence("fill_update", "order_update", "position_update");
                    VenueEvent.OrderFilled fill = desk.fills().getFirst();
                    assertThat(fill.data())
                            .containsKeys(
                                    "venue",
                                    "side",
                                    "fill_price",
                                    "fill_size",
                                    "order_type",
                                    "time",
                                    "order_id",
                                    "trade_id",
                                    "info");
                    assertThat(fill.data().get("venue")).isEqualTo("BitMEX");
                    assertThat(desk.events(VenueEvent.PositionUpdated.class)
                                    .getLast()
                                    .data())
                            .containsEntry("pos_size", -1000.0)
                            .containsKeys("mark_price", "entry_price", "liq_price", "time");
                    assertThat(desk.events(VenueEvent.OrderUpdated.class)
                                    .getLast()
                                    .data())
                            .containsEntry("remain_size", 0.0)
                            .containsKeys("order_price", "order_size", "order_type", "order_id");
                }),
                row("mark moves stream position updates with the new unrealised PnL, at most one a second", desk -> {
                    ok(desk.market(USDT_PERP, Side.BUY, "1000"));
                    int afterFill =
                            desk.events(VenueEvent.PositionUpdated.class).size();
                    desk.clock.advance(1000);
                    desk.market.quote(USDT_PERP, "51000", "5000", "51000.5", "1000");
                    List<VenueEvent.PositionUpdated> updates = desk.events(VenueEvent.PositionUpdated.class);
                    assertThat(updates).hasSize(afterFill + 1);
                    // 1000 x 0.000001 x (51000.25 - 50000.5) = 0.99975 USDT
                    assertThat(updates.getLast().position().unrealisedPnl()).isEqualByComparingTo("0.99975");
                    assertThat(updates.getLast().data()).containsEntry("mark_price", 51000.25);
                    desk.clock.advance(500);
                    desk.market.quote(USDT_PERP, "52000", "5000", "52000.5", "1000");
                    assertThat(desk.events(VenueEvent.PositionUpdated.class))
                            .as("throttled: half a second after the last one")
                            .hasSize(afterFill + 1);
                    desk.clock.advance(500);
                    desk.market.quote(USDT_PERP, "52000", "5000", "52000.5", "1000");
                    assertThat(desk.events(VenueEvent.PositionUpdated.class))
                            .as("an unchanged mark sends nothing")
                            .hasSize(afterFill + 1);
                    desk.market.quote(USDT_PERP, "52500", "5000", "52500.5", "1000");
                    assertThat(desk.events(VenueEvent.PositionUpdated.class)
                                    .getLast()
                                    .position()
                                    .unrealisedPnl())
                            .isEqualByComparingTo("2.49975");
                }),
                row("a flat account gets no position updates from mark moves", desk -> {
                    desk.clock.advance(5000);
                    desk.market.quote(USDT_PERP, "51000", "5000", "51000.5", "1000");
                    assertThat(desk.events(VenueEvent.PositionUpdated.class)).isEmpty();
                }),
                row("a reset wallet starts again at 100,000 USD", desk -> {
                    ok(desk.market(USDT_PERP, Side.BUY, "1000"));
                    ok(desk.limit(USDT_PERP, Side.BUY, "1000", "40000"));
                    ok(desk.client.resetWallet());
                    assertThat(desk.balance("USDT")).isEqualByComparingTo("100000");
                    assertThat(desk.position(USDT_PERP)).isNull();
                    assertThat(ok(desk.client.fetchOpenOrders())).isEmpty();
                }));
    }

    private static OrderState open(PaperDesk desk, OrderState order) {
        return ok(desk.client.fetchOpenOrders()).stream()
                .filter(candidate -> candidate.orderId().equals(order.orderId()))
                .findFirst()
                .orElseThrow();
    }

    private static Arguments row(String name, Consumer<PaperDesk> story) {
        return Arguments.of(name, story);
    }
}
