package dev.botlink.marketplace.grid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.botlink.marketplace.execution.BotStatus;
import dev.botlink.marketplace.execution.Decision;
import dev.botlink.marketplace.execution.ExecutionSettings;
import dev.botlink.marketplace.execution.Instrument;
import dev.botlink.marketplace.execution.OpenOrder;
import dev.botlink.marketplace.execution.OrderIntent;
import dev.botlink.marketplace.execution.Side;
import dev.botlink.marketplace.execution.VenueError;
import dev.botlink.marketplace.signal.GridAnchor;
import dev.botlink.marketplace.testing.BotRun;
import dev.botlink.marketplace.testing.ScriptedVenue;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GridBotTest {
    private static final Instrument XBTUSD = new Instrument("XBTUSD", new BigDecimal("0.5"), BigDecimal.ONE);

    /** A grid, a start position and a path, and the rungs resting at the end ("B99" = buy at 99). */
    record Case(
            String name, GridMode mode, String start, List<String> path, String endPosition, List<String> endRungs) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> paths() {
        return Stream.of(
                new Case(
                        "neutral: three rungs each side",
                        GridMode.NEUTRAL,
                        "0",
                        List.of("100"),
                        "0",
                        List.of("B97.0", "B98.0", "B99.0", "S101.0", "S102.0", "S103.0")),
                new Case(
                        "long: buys only while flat",
                        GridMode.LONG,
                        "0",
                        List.of("100"),
                        "0",
                        List.of("B97.0", "B98.0", "B99.0")),
                new Case(
                        "short: sells only while flat",
                        GridMode.SHORT,
                        "0",
                        List.of("100"),
                        "0",
                        List.of("S101.0", "S102.0", "S103.0")),
                new Case(
                        "long: a dip fills a rung, which is re-placed with a sell above",
                        GridMode.LONG,
                        "0",
                        List.of("100", "99", "100"),
                        "1",
                        List.of("B97.0", "B98.0", "B99.0", "S101.0")),
                new Case(
                        "long: selling back the inventory",
                        GridMode.LONG,
                        "0",
                        List.of("100", "99", "100", "101", "100"),
                        "0",
                        List.of("B97.0", "B98.0", "B99.0")),
                new Case(
                        "short: a rally fills a sell, a buy-back rung appears",
                        GridMode.SHORT,
                        "0",
                        List.of("100", "101.5", "100"),
                        "-1",
                        List.of("B99.0", "S101.0", "S102.0", "S103.0")),
                new Case(
                        "neutral: inventory limit stops the buys",
                        GridMode.NEUTRAL,
                        "0",
                        List.of("100", "97", "97", "97", "98"),
                        "4",
                        List.of("S101.0", "S102.0", "S103.0")),
                new Case(
                        "long: an inherited position above the limit gets no buys",
                        GridMode.LONG,
                        "6",
                        List.of("100"),
                        "6",
                        List.of("S101.0", "S102.0", "S103.0")),
                new Case(
                        "short: buys back at most the short, sells up to the limit",
                        GridMode.SHORT,
                        "-2",
                        List.of("100"),
                        "-2",
                        List.of("B98.0", "B99.0", "S101.0", "S102.0")));
    }

    @ParameterizedTest
    @MethodSource("paths")
    void restsTheExpectedRungsAfterThePath(Case c) {
        ScriptedVenue venue = new ScriptedVenue(XBTUSD, new BigDecimal("100000"))
                .holding(new BigDecimal(c.start()), new BigDecimal("100"));
        GridBot bot = bot(c.mode(), BigDecimal.ZERO);
        bot.onSignal(anchor("100"));
        BotRun run = new BotRun(bot, venue, XBTUSD);

        run.path(c.path().toArray(String[]::new));

        assertThat(venue.position()).isEqualByComparingTo(c.endPosition());
        assertThat(rungs(venue.openOrders())).containsExactlyInAnyOrderElementsOf(c.endRungs());
    }

    @Test
    void aFilledRungIsReplacedWithoutTouchingTheOthers() {
        ScriptedVenue venue = new ScriptedVenue(XBTUSD, new BigDecimal("100000"));
        GridBot bot = bot(GridMode.NEUTRAL, BigDecimal.ZERO);
        bot.onSignal(anchor("100"));
        BotRun run = new BotRun(bot, venue, XBTUSD);
        run.step("100");

        Decision afterFill = run.step("99");

        assertThat(afterFill.intents()).singleElement().isInstanceOfSatisfying(OrderIntent.PlaceLimit.class, place -> {
            assertThat(place.side()).isEqualTo(Side.BUY);
            assertThat(place.price()).isEqualByComparingTo("99");
        });
    }

    @Test
    void aPartiallyFilledRungKeepsItsPlace() {
        ScriptedVenue venue = new ScriptedVenue(XBTUSD, new BigDecimal("100000")).restingFillLimit(BigDecimal.ONE);
        GridParameters parameters = new GridParameters(
                GridMode.LONG, 2, new BigDecimal("0.01"), new BigDecimal("3"), BigDecimal.TEN, BigDecimal.ZERO);
        GridBot bot = new GridBot("grid", parameters, ExecutionSettings.DEFAULTS);
        bot.onSignal(anchor("100"));
        BotRun run = new BotRun(bot, venue, XBTUSD);
        run.step("100");

        Decision afterPartialFill = run.step("99");

        assertThat(venue.position()).isEqualByComparingTo("1");
        assertThat(afterPartialFill.intents())
                .as("2 of 3 left at 99: kept, not re-sized")
                .isEmpty();
        assertThat(rungs(venue.openOrders())).containsExactlyInAnyOrder("B99.0", "B98.0");
    }

    @Test
    void smallAnchorMovesKeepTheGridAndLargeOnesRecentreIt() {
        ScriptedVenue venue = new ScriptedVenue(XBTUSD, new BigDecimal("100000"));
        GridBot bot = bot(GridMode.NEUTRAL, new BigDecimal("0.02"));
        bot.onSignal(anchor("100"));
        BotRun run = new BotRun(bot, venue, XBTUSD);
        run.step("100");

        bot.onSignal(anchor("101.5"));
        assertThat(run.step("100").intents()).as("1.5% < 2% threshold").isEmpty();
        assertThat(bot.centre()).isEqualByComparingTo("100");

        bot.onSignal(anchor("102"));
        Decision recentred = run.step("100");
        assertThat(recentred.notes()).contains("re-centred from 100 to 102");
        // New buy rungs 99.5 and 98.5 (100.98 -> 100.5 would cross the 100.5 ask): two amends, one cancel.
        assertThat(recentred.intents())
                .filteredOn(OrderIntent.Cancel.class::isInstance)
                .hasSize(1);
        assertThat(recentred.intents())
                .filteredOn(OrderIntent.Amend.class::isInstance)
                .hasSize(5);
        assertThat(rungs(venue.openOrders())).containsExactlyInAnyOrder("B98.5", "B99.5", "S103.5", "S104.5", "S105.5");
    }

    @Test
    void withoutAmendsAMovedGridIsCancelledAndPlacedAgain() {
        ScriptedVenue venue = new ScriptedVenue(XBTUSD, new BigDecimal("100000"));
        GridParameters parameters = new GridParameters(
                GridMode.LONG, 2, new BigDecimal("0.01"), BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ZERO);
        ExecutionSettings noAmends = new ExecutionSettings(false, 10_000, 1_000, 60_000, 5);
        GridBot bot = new GridBot("grid", parameters, noAmends);
        bot.onSignal(anchor("100"));
        BotRun run = new BotRun(bot, venue, XBTUSD);
        run.step("100");

        bot.onSignal(anchor("99"));
        Decision moved = run.step("100");

        // New rungs 98.01 -> 98.0 (already resting: kept) and 97.02 -> 97.0; the rung at 99 goes.
        assertThat(moved.intents()).hasSize(2);
        assertThat(moved.intents().get(0)).isInstanceOf(OrderIntent.Cancel.class);
        assertThat(moved.intents().get(1)).isInstanceOf(OrderIntent.PlaceLimit.class);
        assertThat(rungs(venue.openOrders())).containsExactlyInAnyOrder("B98.0", "B97.0");
    }

    @Test
    void theSamePathGivesTheSameIntents() {
        List<List<OrderIntent>> runs = Stream.of(1, 2)
                .map(attempt -> {
                    ScriptedVenue venue =
                            new ScriptedVenue(XBTUSD, new BigDecimal("100000")).rejectNext(1, VenueError.RATE_LIMITED);
                    GridBot bot = bot(GridMode.NEUTRAL, new BigDecimal("0.005"));
                    bot.onSignal(anchor("100"));
                    BotRun run = new BotRun(bot, venue, XBTUSD);
                    run.path("100", "99", "98.5", "100", "101.5", "103", "100");
                    bot.onSignal(anchor("101"));
                    run.path("101", "99", "102");
                    return run.intents();
                })
                .toList();

        assertThat(runs.get(0)).isNotEmpty().isEqualTo(runs.get(1));
    }

    @Test
    void roundsBuyRungsDownAndSellRungsUpToTheTick() {
        ScriptedVenue venue = new ScriptedVenue(XBTUSD, new BigDecimal("100000"));
        GridBot bot = bot(GridMode.NEUTRAL, BigDecimal.ZERO);
        bot.onSignal(anchor("100.3"));
        BotRun run = new BotRun(bot, venue, XBTUSD);

        run.step("100.5");

        // 100.3 × 0.99 = 99.297 -> 99.0; 100.3 × 1.01 = 101.303 -> 101.5
        assertThat(rungs(venue.openOrders())).contains("B99.0", "S101.5");
    }

    @Test
    void holdsBackRungsThatWouldCrossTheBook() {
        ScriptedVenue venue = new ScriptedVenue(XBTUSD, new BigDecimal("100000"));
        GridBot bot = bot(GridMode.NEUTRAL, BigDecimal.ZERO);
        bot.onSignal(anchor("100"));
        BotRun run = new BotRun(bot, venue, XBTUSD);

        run.step("98");

        // Best ask 98.5: the rung at 99 would take liquidity, so it waits; 98 improves the bid and rests.
        assertThat(rungs(venue.openOrders())).containsExactlyInAnyOrder("B97.0", "B98.0", "S101.0", "S102.0", "S103.0");
    }

    @Test
    void aRejectedRungIsRetriedAfterTheBackOff() {
        ScriptedVenue venue = new ScriptedVenue(XBTUSD, new BigDecimal("100000")).rejectNext(1, VenueError.UNAVAILABLE);
        GridBot bot = bot(GridMode.LONG, BigDecimal.ZERO);
        bot.onSignal(anchor("100"));
        BotRun run = new BotRun(bot, venue, XBTUSD);

        List<Decision> decisions = run.path("100", "100", "100", "100");

        assertThat(decisions.get(0).intents()).hasSize(3);
        assertThat(decisions.get(1).status()).isEqualTo(BotStatus.ACTIVE);
        assertThat(decisions.get(1).intents()).as("the one rejected rung, once").hasSize(1);
        assertThat(decisions.get(2).intents()).isEmpty();
        assertThat(rungs(venue.openOrders())).containsExactlyInAnyOrder("B97.0", "B98.0", "B99.0");
    }

    private static GridBot bot(GridMode mode, BigDecimal recenterThreshold) {
        GridParameters parameters = new GridParameters(
                mode, 3, new BigDecimal("0.01"), BigDecimal.ONE, new BigDecimal("4"), recenterThreshold);
        return new GridBot("grid", parameters, ExecutionSettings.DEFAULTS);
    }

    private static GridAnchor anchor(String mid) {
        return new GridAnchor("bitmex", "XBTUSD", new BigDecimal(mid));
    }

    private static List<String> rungs(List<OpenOrder> orders) {
        return orders.stream()
                .map(o -> (o.side() == Side.BUY ? "B" : "S")
                        + o.price().setScale(1).toPlainString())
                .toList();
    }
}
