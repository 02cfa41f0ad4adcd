package dev.botlink.marketplace.marketmaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.botlink.marketplace.execution.BotStatus;
import dev.botlink.marketplace.execution.Decision;
import dev.botlink.marketplace.execution.ExecutionSettings;
import dev.botlink.marketplace.execution.Instrument;
import dev.botlink.marketplace.execution.OpenOrder;
import dev.botlink.marketplace.execution.OrderIntent;
import dev.botlink.marketplace.execution.Side;
import dev.botlink.marketplace.execution.VenueError;
import dev.botlink.marketplace.signal.FairValue;
import dev.botlink.marketplace.signal.InvalidSignalException;
import dev.botlink.marketplace.signal.TargetPosition;
import dev.botlink.marketplace.testing.BotRun;
import dev.botlink.marketplace.testing.Prices;
import dev.botlink.marketplace.testing.ScriptedVenue;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MarketMakerBotTest {
    private static final Instrument BTCUSD = new Instrument("BTC-USD", new BigDecimal("0.5"), new BigDecimal("0.001"));
    private static final BigDecimal RICH = new BigDecimal("1000000");

    /** Quotes expected for a position, fair value and cash: "" means that side is not quoted. */
    record Case(
            String name,
            String position,
            String cash,
            List<BigDecimal> closes,
            String bid,
            String bidSize,
            String ask,
            String askSize) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> quotes() {
        List<BigDecimal> calm = Collections.nCopies(20, new BigDecimal("30000"));
        List<BigDecimal> wild = Stream.iterate(0, i -> i + 1)
                .limit(20)
                .map(i -> new BigDecimal(i % 2 == 0 ? "27000" : "33000"))
                .toList();
        return Stream.of(
                // Half-spread 0.15% of 30000 = 45; size 500 / 30000 = 0.01666 -> 0.016 lots.
                new Case(
                        "flat: symmetric around the fair value",
                        "0",
                        "1000000",
                        List.of(),
                        "29955.0",
                        "0.016",
                        "30045.0",
                        "0.016"),
                new Case(
                        "calm closes: width 0, no widening",
                        "0",
                        "1000000",
                        calm,
                        "29955.0",
                        "0.016",
                        "30045.0",
                        "0.016"),
                // Width 2 × 2 × 3000 / 30000 = 0.4 -> multiplier 1 + 0.5 × 39 = 20.5, capped at 3: h = 135.
                new Case(
                        "volatile closes: spread capped at 3×",
                        "0",
                        "1000000",
                        wild,
                        "29865.0",
                        "0.016",
                        "30135.0",
                        "0.016"),
                // skew 0.5, lean 0.25: bid 30000 − 45 × 1.25 = 29943.75 -> 29943.5; ask 30000 + 45 × 0.75 -> 30034.0
                new Case(
                        "long half: bid lower, ask tighter",
                        "0.5",
                        "1000000",
                        List.of(),
                        "29943.5",
                        "0.016",
                        "30034.0",
                        "0.016"),
                new Case(
                        "short half: ask higher, bid tighter",
                        "-0.5",
                        "1000000",
                        List.of(),
                        "29966.0",
                        "0.016",
                        "30056.5",
                        "0.016"),
                new Case(
                        "long 0.99: bid only up to the inventory limit",
                        "0.99",
                        "1000000",
                        List.of(),
                        "29932.5",
                        "0.01",
                        "30023.0",
                        "0.016"),
                new Case("at max inventory: no bid", "1", "1000000", List.of(), "", "", "30022.5", "0.016"),
                new Case("at max short: no ask", "-1", "1000000", List.of(), "29977.5", "0.016", "", ""),
                // 300 × 0.9 = 270 of budget at 29955 = 0.00901 -> 0.009
                new Case("cash reserve limits the bid", "0", "300", List.of(), "29955.0", "0.009", "30045.0", "0.016"),
                new Case("no cash: asks only", "0", "20", List.of(), "", "", "30045.0", "0.016"));
    }

    @ParameterizedTest
    @MethodSource("quotes")
    void quotesAroundTheFairValue(Case c) {
        ScriptedVenue venue = new ScriptedVenue(BTCUSD, new BigDecimal(c.cash()))
                .holding(new BigDecimal(c.position()), new BigDecimal("30000"));
        MarketMakerBot bot = bot(MarketMakerParameters.DEFAULTS);
        bot.onSignal(FairValue.of("woo", "BTC-USD", new BigDecimal("30000")));
        BotRun run = new BotRun(bot, venue, BTCUSD);

        run.step(run.market(new BigDecimal("30000"), c.closes()));

        assertThat(side(venue.openOrders(), Side.BUY)).isEqualTo(c.bid().isEmpty() ? "" : c.bid() + "x" + c.bidSize());
        assertThat(side(venue.openOrders(), Side.SELL)).isEqualTo(c.ask().isEmpty() ? "" : c.ask() + "x" + c.askSize());
    }

    @Test
    void aSideLeftUnquotedIsReportedOnceNotAtEveryRefresh() {
        ScriptedVenue venue = new ScriptedVenue(BTCUSD, RICH).holding(BigDecimal.ONE, new BigDecimal("30000"));
        MarketMakerBot bot = bot(MarketMakerParameters.DEFAULTS);
        bot.onSignal(FairValue.of("woo", "BTC-USD", new BigDecimal("30000")));
        BotRun run = new BotRun(bot, venue, BTCUSD);

        List<Decision> decisions = run.path("30000", "30000", "30000");

        assertThat(decisions.get(0).notes())
                .containsExactly(
                        "BUY quote size 0 is below one lot (0.001) after inventory and cash limits: not quoted");
        assertThat(decisions.get(1).notes()).isEmpty();
        assertThat(decisions.get(2).notes()).isEmpty();
    }

    @Test
    void aBidAskSignalSetsTheNarrowestSpread() {
        ScriptedVenue venue = new ScriptedVenue(BTCUSD, RICH);
        MarketMakerBot bot = bot(MarketMakerParameters.DEFAULTS);
        bot.onSignal(new FairValue("woo", "BTC-USD", new BigDecimal("29900"), new BigDecimal("30100")));

        new BotRun(bot, venue, BTCUSD).step("30000");

        assertThat(side(venue.openOrders(), Side.BUY)).isEqualTo("29900.0x0.016");
        assertThat(side(venue.openOrders(), Side.SELL)).isEqualTo("30100.0x0.016");
    }

    @Test
    void neverQuotesThroughTheBook() {
        ScriptedVenue venue = new ScriptedVenue(BTCUSD, RICH);
        MarketMakerBot bot = bot(MarketMakerParameters.DEFAULTS);
        bot.onSignal(FairValue.of("woo", "BTC-USD", new BigDecimal("31000")));

        new BotRun(bot, venue, BTCUSD).step("30000");

        assertThat(side(venue.openOrders(), Side.BUY)).startsWith("30000.0x").as("best ask 30000.5 minus a tick");
        assertThat(side(venue.openOrders(), Side.SELL)).startsWith("31046.5x");
    }

    @Test
    void refreshesOnTheIntervalAndLeavesRightQuotesAlone() {
        ScriptedVenue venue = new ScriptedVenue(BTCUSD, RICH);
        MarketMakerBot bot = bot(withInterval(5_000));
        bot.onSignal(FairValue.of("woo", "BTC-USD", new BigDecimal("30000")));
        BotRun run = new BotRun(bot, venue, BTCUSD);

        assertThat(run.step("30000").intents()).hasSize(2);
        assertThat(run.step("29950").intents())
                .as("bid filled, but the next refresh is at 5 s")
                .isEmpty();
        assertThat(venue.position()).isEqualByComparingTo("0.016");
        run.path("30000", "30000", "30000");
        Decision refresh = run.step("30000");

        // Skew 0.016: bid 30000 − 45 × 1.008 = 29954.64 -> 29954.5 is placed; the ask still rounds up to
        // 30045.0, so it keeps its place.
        assertThat(refresh.intents()).singleElement().isInstanceOfSatisfying(OrderIntent.PlaceLimit.class, place -> {
            assertThat(place.side()).isEqualTo(Side.BUY);
            assertThat(place.price()).isEqualByComparingTo("29954.5");
        });
        assertThat(run.advance(5_000).step("30000").intents())
                .as("same inputs: quotes kept")
                .isEmpty();

        bot.onSignal(FairValue.of("woo", "BTC-USD", new BigDecimal("30100")));
        assertThat(run.step("30000").intents())
                .as("a new signal re-quotes at once")
                .hasSize(2)
                .allMatch(OrderIntent.Amend.class::isInstance);
    }

    @Test
    void rateLimitsBackOffInsteadOfStorming() {
        ScriptedVenue venue = new ScriptedVenue(BTCUSD, RICH).rejectNext(2, VenueError.RATE_LIMITED);
        MarketMakerBot bot = bot(MarketMakerParameters.DEFAULTS);
        bot.onSignal(FairValue.of("woo", "BTC-USD", new BigDecimal("30000")));
        BotRun run = new BotRun(bot, venue, BTCUSD);

        List<Decision> decisions = run.path("30000", "30000", "30000", "30000");

        assertThat(decisions)
                .extracting(Decision::status)
                .containsExactly(BotStatus.ACTIVE, BotStatus.BACKING_OFF, BotStatus.ACTIVE, BotStatus.ACTIVE);
        assertThat(run.intents()).hasSize(4);
        assertThat(venue.openOrders()).hasSize(2);
    }

    @Test
    void haltsAndCancelsItsQuotesOnceAfterRepeatedFailures() {
        ScriptedVenue venue = new ScriptedVenue(BTCUSD, RICH);
        MarketMakerBot bot = bot(MarketMakerParameters.DEFAULTS);
        bot.onSignal(FairValue.of("woo", "BTC-USD", new BigDecimal("30000")));
        BotRun run = new BotRun(bot, venue, BTCUSD);
        run.step("30000");
        venue.rejectNext(1_000, VenueError.UNAVAILABLE);

        run.step("29950");
        for (int i = 0; i < 60; i++) {
            run.step("30000");
        }

        List<Decision> sending =
                run.decisions().stream().filter(d -> !d.intents().isEmpty()).toList();
        assertThat(sending)
                .as("quotes, 5 failed re-quotes, one batch of cancels")
                .hasSize(7);
        assertThat(sending.getLast().intents()).allMatch(OrderIntent.Cancel.class::isInstance);
        assertThat(sending.getLast().status()).isEqualTo(BotStatus.HALTED);
        assertThat(run.decisions().getLast().status()).isEqualTo(BotStatus.HALTED);
    }

    @Test
    void aPartlyFilledBidIsToppedUpAtTheNextRefresh() {
        ScriptedVenue venue = new ScriptedVenue(BTCUSD, RICH).restingFillLimit(new BigDecimal("0.005"));
        MarketMakerBot bot = bot(MarketMakerParameters.DEFAULTS);
        bot.onSignal(FairValue.of("woo", "BTC-USD", new BigDecimal("30000")));
        BotRun run = new BotRun(bot, venue, BTCUSD);
        run.step("30000");

        Decision afterPartialFill = run.step("29955");

        // Long 0.005: bid 30000 − 45 × 1.0025 = 29954.89 -> 29954.5, back to full size; the ask is unchanged.
        assertThat(venue.position()).isEqualByComparingTo("0.005");
        assertThat(afterPartialFill.intents()).singleElement().isInstanceOf(OrderIntent.Amend.class);
        assertThat(side(venue.openOrders(), Side.BUY)).isEqualTo("29954.5x0.016");
        assertThat(side(venue.openOrders(), Side.SELL)).isEqualTo("30045.0x0.016");
    }

    @Test
    void staysWithinInventoryAndCashOverAYearOfRealPrices() {
        Instrument aapl = new Instrument("AAPL", new BigDecimal("0.01"), new BigDecimal("0.001"));
        List<BigDecimal> closes = Prices.appleCloses2013();
        var parameters = MarketMakerParameters.DEFAULTS;
        ScriptedVenue venue = new ScriptedVenue(aapl, new BigDecimal("2000"));
        MarketMakerBot bot = bot(parameters);
        BotRun run = new BotRun(bot, venue, aapl);

        for (int day = 1; day < closes.size(); day++) {
            bot.onSignal(FairValue.of("nasdaq", "AAPL", closes.get(day - 1)));
            Decision decision = run.step(run.market(closes.get(day), closes.subList(0, day)));

            assertThat(decision.intents()).hasSizeLessThanOrEqualTo(4);
            assertThat(venue.position().abs()).isLessThanOrEqualTo(parameters.maxInventory());
            assertThat(venue.account().availableBalance()).isPositive();
            List<OpenOrder> open = venue.openOrders();
            BigDecimal highestBid = open.stream()
                    .filter(o -> o.side() == Side.BUY)
                    .map(OpenOrder::price)
                    .reduce(BigDecimal.ZERO, BigDecimal::max);
            assertThat(open.stream().filter(o -> o.side() == Side.SELL))
                    .allMatch(ask -> ask.price().compareTo(highestBid) > 0);
        }
        assertThat(venue.fills())
                .as("a year of daily moves fills both sides many times")
                .hasSizeGreaterThan(50);
        assertThat(venue.fills()).extracting(ScriptedVenue.Fill::side).contains(Side.BUY, Side.SELL);
    }

    @Test
    void rejectsPositionSignals() {
        MarketMakerBot bot = bot(MarketMakerParameters.DEFAULTS);

        assertThatThrownBy(() -> bot.onSignal(new TargetPosition("woo", "BTC-USD", BigDecimal.ONE)))
                .isInstanceOf(InvalidSignalException.class)
                .hasMessage("Market Maker bots take quote= or bid=/ask= signals, got size=");
    }

    private static MarketMakerBot bot(MarketMakerParameters parameters) {
        return new MarketMakerBot("mm", parameters, ExecutionSettings.DEFAULTS);
    }

    private static MarketMakerParameters withInterval(long millis) {
        var d = MarketMakerParameters.DEFAULTS;
        return new MarketMakerParameters(
                d.halfSpread(),
                millis,
                d.maxInventory(),
                d.minCashRatio(),
                d.quoteNotional(),
                d.bollingerPeriod(),
                d.bollingerDeviations(),
                d.volatilityBaseline(),
                d.volatilitySensitivity(),
                d.maxSpreadMultiplier(),
                d.skewFactor());
    }

    /** The one order on a side as "price x size", or "" when there is none. */
    private static String side(List<OpenOrder> orders, Side side) {
        List<String> quotes = orders.stream()
                .filter(o -> o.side() == side)
                .map(o -> o.price().setScale(1).toPlainString() + "x"
                        + o.remainingSize().stripTrailingZeros().toPlainString())
                .toList();
        assertThat(quotes).hasSizeLessThanOrEqualTo(1);
        return quotes.isEmpty() ? "" : quotes.getFirst();
    }
}
