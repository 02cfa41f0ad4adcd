package dev.botlink.marketplace.position;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.botlink.marketplace.execution.BotStatus;
import dev.botlink.marketplace.execution.ExecutionSettings;
import dev.botlink.marketplace.execution.Instrument;
import dev.botlink.marketplace.execution.OrderIntent;
import dev.botlink.marketplace.execution.Side;
import dev.botlink.marketplace.execution.VenueError;
import dev.botlink.marketplace.signal.GridAnchor;
import dev.botlink.marketplace.signal.InvalidSignalException;
import dev.botlink.marketplace.signal.TargetPosition;
import dev.botlink.marketplace.testing.BotRun;
import dev.botlink.marketplace.testing.ScriptedVenue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PositionBotTest {
    private static final Instrument XBTUSD = new Instrument("XBTUSD", new BigDecimal("0.5"), BigDecimal.ONE);

    /** One scripted path: a signal, prices stepped through, and where the position must end. */
    record Case(
            String name,
            OrderType orderType,
            String signalSize,
            String startPosition,
            List<String> path,
            String expectedPosition,
            List<String> expectedOrderSizes) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> paths() {
        List<String> flat = List.of("100", "100", "100", "100", "100");
        List<String> dipping = List.of("100", "99.5", "99", "98.5", "98", "97.5");
        List<String> rising = List.of("100", "100.5", "101", "101.5", "102", "102.5");
        return Stream.of(
                new Case(
                        "market: flat to full long in steps of 4",
                        OrderType.MARKET,
                        "1",
                        "0",
                        flat,
                        "10",
                        List.of("4", "4", "2")),
                new Case("market: flat to half short", OrderType.MARKET, "-0.5", "0", flat, "-5", List.of("4", "1")),
                new Case(
                        "market: long to short crosses zero",
                        OrderType.MARKET,
                        "-1",
                        "6",
                        flat,
                        "-10",
                        List.of("4", "4", "4", "4")),
                new Case(
                        "market: target rounds towards zero to the lot",
                        OrderType.MARKET,
                        "0.55",
                        "0",
                        flat,
                        "5",
                        List.of("4", "1")),
                new Case("market: already at target sends nothing", OrderType.MARKET, "0.3", "3", flat, "3", List.of()),
                new Case("market: flatten on size=0", OrderType.MARKET, "0", "-7", flat, "0", List.of("4", "3")),
                new Case(
                        "limit: buys rest at the bid and fill as price dips",
                        OrderType.LIMIT,
                        "1",
                        "0",
                        dipping,
                        "10",
                        List.of("4", "4", "2")),
                new Case(
                        "limit: sells rest at the ask and fill as price rises",
                        OrderType.LIMIT,
                        "-0.8",
                        "0",
                        rising,
                        "-8",
                        List.of("4", "4")));
    }

    @ParameterizedTest
    @MethodSource("paths")
    void reachesTheTargetAlongTheScriptedPath(Case c) {
        ScriptedVenue venue = new ScriptedVenue(XBTUSD, new BigDecimal("1000000"))
                .holding(new BigDecimal(c.startPosition()), new BigDecimal("100"));
        PositionBot bot = bot(c.orderType(), Optional.empty(), Optional.empty());
        bot.onSignal(new TargetPosition("bitmex", "XBTUSD", new BigDecimal(c.signalSize())));
        BotRun run = new BotRun(bot, venue, XBTUSD);

        run.path(c.path().toArray(String[]::new));

        assertThat(venue.position()).isEqualByComparingTo(c.expectedPosition());
        assertThat(venue.fills())
                .extracting(fill -> fill.size().toPlainString())
                .containsExactlyElementsOf(c.expectedOrderSizes());
        assertThat(venue.openOrders()).isEmpty();
    }

    @Test
    void limitOrderKeepsItsPlaceWhileRightAndFollowsTheTouch() {
        ScriptedVenue venue = new ScriptedVenue(XBTUSD, new BigDecimal("1000000"));
        PositionBot bot = bot(OrderType.LIMIT, Optional.empty(), Optional.empty());
        bot.onSignal(new TargetPosition("bitmex", "XBTUSD", new BigDecimal("0.2")));
        BotRun run = new BotRun(bot, venue, XBTUSD);

        assertThat(run.step("100").intents())
                .singleElement()
                .isInstanceOfSatisfying(OrderIntent.PlaceLimit.class, place -> {
                    assertThat(place.side()).isEqualTo(Side.BUY);
                    assertThat(place.price()).isEqualByComparingTo("99.5");
                    assertThat(place.size()).isEqualByComparingTo("2");
                });
        assertThat(run.step("100").intents())
                .as("order already right: left alone")
                .isEmpty();
        assertThat(run.step("101").intents())
                .singleElement()
                .isInstanceOfSatisfying(OrderIntent.Amend.class, amend -> assertThat(amend.price())
                        .isEqualByComparingTo("100.5"));
    }

    @Test
    void partiallyFilledMarketOrderIsCompletedByTheNextOrder() {
        ScriptedVenue venue = new ScriptedVenue(XBTUSD, new BigDecimal("1000000")).marketLiquidity(new BigDecimal("3"));
        PositionBot bot = bot(OrderType.MARKET, Optional.empty(), Optional.empty());
        bot.onSignal(new TargetPosition("bitmex", "XBTUSD", BigDecimal.ONE));
        BotRun run = new BotRun(bot, venue, XBTUSD);

        run.path("100", "100", "100", "100", "100");

        assertThat(venue.fills()).extracting(fill -> fill.size().intValue()).containsExactly(3, 3, 3, 1);
        assertThat(venue.position()).isEqualByComparingTo("10");
    }

    @Test
    void stopLossFlattensAndStaysFlatUntilTheNextSignal() {
        ScriptedVenue venue =
                new ScriptedVenue(XBTUSD, new BigDecimal("1000000")).holding(BigDecimal.TEN, new BigDecimal("100"));
        PositionBot bot = bot(OrderType.LIMIT, Optional.of(new BigDecimal("0.02")), Optional.empty());
        bot.onSignal(new TargetPosition("bitmex", "XBTUSD", BigDecimal.ONE));
        BotRun run = new BotRun(bot, venue, XBTUSD);

        assertThat(run.step("98.5").intents()).as("-1.5%: holds").isEmpty();
        var stop = run.step("98");
        assertThat(stop.notes()).anySatisfy(note -> assertThat(note).startsWith("stop-loss"));
        assertThat(stop.intents()).singleElement().isInstanceOf(OrderIntent.PlaceMarket.class);
        assertThat(venue.position()).isZero();
        assertThat(run.path("98", "99", "100"))
                .allSatisfy(d -> assertThat(d.intents()).isEmpty());

        bot.onSignal(new TargetPosition("bitmex", "XBTUSD", new BigDecimal("0.3")));
        assertThat(run.step("100").intents()).singleElement().isInstanceOf(OrderIntent.PlaceLimit.class);
    }

    @Test
    void takeProfitOnAShortFlattensWithABuy() {
        ScriptedVenue venue = new ScriptedVenue(XBTUSD, new BigDecimal("1000000"))
                .holding(new BigDecimal("-4"), new BigDecimal("100"));
        PositionBot bot =
                bot(OrderType.LIMIT, Optional.of(new BigDecimal("0.05")), Optional.of(new BigDecimal("0.03")));
        bot.onSignal(new TargetPosition("bitmex", "XBTUSD", new BigDecimal("-0.4")));
        BotRun run = new BotRun(bot, venue, XBTUSD);

        run.path("99", "98", "97");

        assertThat(venue.fills()).singleElement().satisfies(fill -> {
            assertThat(fill.side()).isEqualTo(Side.BUY);
            assertThat(fill.size()).isEqualByComparingTo("4");
        });
        assertThat(venue.position()).isZero();
    }

    @Test
    void rejectionsBackOffThenRetryWithoutAStorm() {
        ScriptedVenue venue =
                new ScriptedVenue(XBTUSD, new BigDecimal("1000000")).rejectNext(2, VenueError.RATE_LIMITED);
        PositionBot bot = bot(OrderType.MARKET, Optional.empty(), Optional.empty());
        bot.onSignal(new TargetPosition("bitmex", "XBTUSD", new BigDecimal("0.4")));
        BotRun run = new BotRun(bot, venue, XBTUSD);

        var decisions = run.path("100", "100", "100", "100", "100", "100", "100");

        // Failure 1 at t=0 pauses 1 s, failure 2 at t=1 s pauses 2 s: the third attempt comes at t=3 s.
        assertThat(decisions)
                .extracting(d -> d.status())
                .containsExactly(
                        BotStatus.ACTIVE,
                        BotStatus.ACTIVE,
                        BotStatus.BACKING_OFF,
                        BotStatus.ACTIVE,
                        BotStatus.ACTIVE,
                        BotStatus.ACTIVE,
                        BotStatus.ACTIVE);
        assertThat(run.intents()).hasSize(3);
        assertThat(venue.position()).isEqualByComparingTo("4");
    }

    @Test
    void repeatedFailuresHaltTheBotUntilANewSignal() {
        ScriptedVenue venue =
                new ScriptedVenue(XBTUSD, new BigDecimal("1000000")).rejectNext(1_000, VenueError.INSUFFICIENT_BALANCE);
        PositionBot bot = bot(OrderType.MARKET, Optional.empty(), Optional.empty());
        bot.onSignal(new TargetPosition("bitmex", "XBTUSD", BigDecimal.ONE));
        BotRun run = new BotRun(bot, venue, XBTUSD);

        for (int i = 0; i < 200; i++) {
            run.step("100");
        }

        assertThat(run.intents()).as("5 attempts, then silence").hasSize(5);
        assertThat(run.decisions().getLast().status()).isEqualTo(BotStatus.HALTED);

        bot.onSignal(new TargetPosition("bitmex", "XBTUSD", BigDecimal.ONE));
        assertThat(run.step("100").intents()).hasSize(1);
    }

    @Test
    void aScriptSignallingEverySecondCannotDriveAStormAtAFailingVenue() {
        ScriptedVenue venue =
                new ScriptedVenue(XBTUSD, new BigDecimal("1000000")).rejectNext(10_000, VenueError.UNAVAILABLE);
        PositionBot bot = bot(OrderType.MARKET, Optional.empty(), Optional.empty());
        BotRun run = new BotRun(bot, venue, XBTUSD);

        for (int second = 0; second < 300; second++) {
            bot.onSignal(new TargetPosition("bitmex", "XBTUSD", BigDecimal.ONE));
            run.step("100");
        }

        // Per cycle: attempts at +0, +1, +3, +7, +15 s, then a 60 s halt: 4 cycles in 300 s.
        assertThat(run.intents()).hasSize(20);
    }

    @Test
    void lostResultsBlockNewOrdersUntilTheTimeout() {
        ScriptedVenue venue = new ScriptedVenue(XBTUSD, new BigDecimal("1000000"));
        PositionBot bot = bot(OrderType.LIMIT, Optional.empty(), Optional.empty());
        bot.onSignal(new TargetPosition("bitmex", "XBTUSD", BigDecimal.ONE));
        BotRun run = new BotRun(bot, venue, XBTUSD).deliverResults(false);

        assertThat(run.step("100").intents()).hasSize(1);
        for (int i = 0; i < 9; i++) {
            assertThat(run.step("101").status()).isEqualTo(BotStatus.AWAITING_VENUE);
        }
        assertThat(run.step("101").status())
                .as("10 s timeout counts as a failure")
                .isEqualTo(BotStatus.BACKING_OFF);
        run.deliverResults(true);
        assertThat(run.step("101").intents()).singleElement().isInstanceOf(OrderIntent.Amend.class);
    }

    @Test
    void rejectsSignalsOfAnotherKindNamingTheProblem() {
        PositionBot bot = bot(OrderType.MARKET, Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> bot.onSignal(new GridAnchor("bitmex", "XBTUSD", new BigDecimal("30000"))))
                .isInstanceOf(InvalidSignalException.class)
                .hasMessage("Position bots take size= signals, got mid=");
    }

    @Test
    void ignoresASignalForAnotherSymbol() {
        PositionBot bot = bot(OrderType.MARKET, Optional.empty(), Optional.empty());
        bot.onSignal(new TargetPosition("bitmex", "ETHUSD", BigDecimal.ONE));
        BotRun run = new BotRun(bot, new ScriptedVenue(XBTUSD, BigDecimal.TEN), XBTUSD);

        var decision = run.step("100");

        assertThat(decision.status()).isEqualTo(BotStatus.WAITING_FOR_SIGNAL);
        assertThat(decision.notes()).containsExactly("ignored the size= signal for ETHUSD: this bot trades XBTUSD");
        assertThatThrownBy(() -> bot.onSignal(new TargetPosition("bitmex", "ETHUSD", BigDecimal.ONE)))
                .hasMessage("this bot trades XBTUSD, got a signal for ETHUSD");
    }

    @Test
    void waitsForAFirstSignal() {
        PositionBot bot = bot(OrderType.MARKET, Optional.empty(), Optional.empty());
        BotRun run = new BotRun(bot, new ScriptedVenue(XBTUSD, BigDecimal.TEN), XBTUSD);

        assertThat(run.step("100").status()).isEqualTo(BotStatus.WAITING_FOR_SIGNAL);
        assertThat(run.intents()).isEmpty();
    }

    private static PositionBot bot(OrderType type, Optional<BigDecimal> stopLoss, Optional<BigDecimal> takeProfit) {
        var parameters = new PositionParameters(BigDecimal.TEN, type, new BigDecimal("4"), stopLoss, takeProfit);
        return new PositionBot("pos", parameters, ExecutionSettings.DEFAULTS);
    }
}
