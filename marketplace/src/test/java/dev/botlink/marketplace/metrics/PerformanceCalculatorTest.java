package dev.botlink.marketplace.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.botlink.marketplace.execution.Side;
import dev.botlink.marketplace.testing.Prices;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PerformanceCalculatorTest {
    private static final long DAY = 86_400_000L;

    @Test
    void realizedProfitUsesAverageCostAndCountsWinsAndLosses() {
        List<Fill> fills = List.of(
                fill(0, Side.BUY, "100", "2", "1"),
                fill(1, Side.SELL, "110", "1", "1"),
                fill(2, Side.SELL, "95", "1", "0"));

        PerformanceReport report = PerformanceCalculator.compute(fills, flatEquity(3), 365);

        // -1 opening fee, +10 − 1 on the first close, −5 on the second.
        assertThat(report.realizedPnl()).isEqualByComparingTo("3");
        assertThat(report.fees()).isEqualByComparingTo("2");
        assertThat(report.winningTrades()).isEqualTo(1);
        assertThat(report.losingTrades()).isEqualTo(1);
        assertThat(report.winRate()).hasValue(0.5);
        assertThat(report.tradeCount()).isEqualTo(3);
    }

    @Test
    void shortsAndFlipsThroughZeroRealizeBothWays() {
        List<Fill> fills = List.of(
                fill(0, Side.BUY, "100", "1", "0"),
                fill(1, Side.SELL, "110", "3", "0"),
                fill(2, Side.BUY, "100", "2", "0"));

        PerformanceReport report = PerformanceCalculator.compute(fills, flatEquity(3), 365);

        assertThat(report.realizedPnl()).isEqualByComparingTo("30");
        assertThat(report.winningTrades()).isEqualTo(2);
    }

    @Test
    void closedTradesMarkEachExitWithItsProfit() {
        List<Fill> fills = List.of(
                fill(0, Side.BUY, "100", "1", "0"),
                fill(1, Side.BUY, "110", "1", "0"),
                fill(2, Side.SELL, "120", "3", "1"),
                fill(3, Side.BUY, "100", "1", "0"));

        assertThat(PerformanceCalculator.closedTrades(fills))
                .containsExactly(
                        new ClosedTrade(
                                2,
                                Side.BUY,
                                new BigDecimal("2"),
                                new BigDecimal("105"),
                                new BigDecimal("120"),
                                new BigDecimal("29")),
                        new ClosedTrade(
                                3,
                                Side.SELL,
                                new BigDecimal("1"),
                                new BigDecimal("120"),
                                new BigDecimal("100"),
                                new BigDecimal("20")));
    }

    @Test
    void returnRatiosAndDrawdownOfAShortCurve() {
        List<EquityPoint> equity = List.of(point(0, "100"), point(1, "110"), point(2, "99"), point(3, "121"));

        PerformanceReport report = PerformanceCalculator.compute(List.of(), equity, 252);

        assertThat(report.netPnl()).isEqualByComparingTo("21");
        assertThat(report.totalReturn()).isCloseTo(0.21, within(1e-12));
        assertThat(report.maxDrawdown()).isCloseTo(0.1, within(1e-12));
        // Reference values from Python's statistics.stdev over the same returns.
        assertThat(report.sharpe().orElseThrow()).isCloseTo(7.228765761341866, within(1e-9));
        assertThat(report.sortino().orElseThrow()).isCloseTo(20.36700308869265, within(1e-9));
    }

    @Test
    void buyAndHoldOfRealApplePricesMatchesAReferenceComputation() {
        List<BigDecimal> closes = Prices.appleCloses2013();
        BigDecimal shares = BigDecimal.TEN;
        BigDecimal cash = new BigDecimal("10000").subtract(shares.multiply(closes.getFirst()));
        List<EquityPoint> equity = IntStream.range(0, closes.size())
                .mapToObj(i -> new EquityPoint(i * DAY, cash.add(shares.multiply(closes.get(i)))))
                .toList();
        long lastDay = (closes.size() - 1) * DAY;
        List<Fill> fills = List.of(
                new Fill(0, Side.BUY, closes.getFirst(), shares, BigDecimal.ZERO),
                new Fill(lastDay, Side.SELL, closes.getLast(), shares, BigDecimal.ZERO));

        PerformanceReport report = PerformanceCalculator.compute(fills, equity, 252);

        // Reference: a plain Python computation over the same CSV.
        assertThat(report.realizedPnl()).isEqualByComparingTo("119.90");
        assertThat(report.netPnl()).isEqualByComparingTo("119.90");
        assertThat(report.totalReturn()).isCloseTo(0.01199, within(1e-9));
        assertThat(report.maxDrawdown()).isCloseTo(0.1585, within(1e-9));
        assertThat(report.sharpe().orElseThrow()).isCloseTo(0.15536066367876614, within(1e-9));
        assertThat(report.sortino().orElseThrow()).isCloseTo(0.20574257743706528, within(1e-9));
        assertThat(report.exposure()).isEqualTo(1.0);
        assertThat(report.winRate()).hasValue(1.0);
    }

    @Test
    void exposureIsTheShareOfTimeWithAPosition() {
        List<EquityPoint> equity = List.of(point(0, "100"), point(100, "100"));
        List<Fill> fills = List.of(fill(20, Side.BUY, "10", "1", "0"), fill(70, Side.SELL, "10", "1", "0"));

        assertThat(PerformanceCalculator.compute(fills, equity, 365).exposure()).isEqualTo(0.5);
    }

    @Test
    void undefinedRatiosAreEmptyNotZero() {
        PerformanceReport report = PerformanceCalculator.compute(List.of(), List.of(point(0, "100")), 365);

        assertThat(report.sharpe()).isEmpty();
        assertThat(report.sortino()).isEmpty();
        assertThat(report.winRate()).isEmpty();
        assertThat(report.maxDrawdown()).isZero();
        assertThat(report.exposure()).isZero();
    }

    @Test
    void rejectsFillsOutOfTimeOrder() {
        List<Fill> fills =
                new ArrayList<>(List.of(fill(5, Side.BUY, "1", "1", "0"), fill(3, Side.SELL, "1", "1", "0")));

        assertThatThrownBy(() -> PerformanceCalculator.compute(fills, flatEquity(6), 365))
                .hasMessage("fills must be in time order: element 1 at 3 ms comes before 5 ms");
        assertThatThrownBy(() -> PerformanceCalculator.compute(List.of(), List.of(), 365))
                .hasMessage("at least one equity point is needed");
    }

    private static Fill fill(long time, Side side, String price, String size, String fee) {
        return new Fill(time, side, new BigDecimal(price), new BigDecimal(size), new BigDecimal(fee));
    }

    private static EquityPoint point(long time, String equity) {
        return new EquityPoint(time, new BigDecimal(equity));
    }

    private static List<EquityPoint> flatEquity(int points) {
        return IntStream.range(0, points).mapToObj(i -> point(i, "1000")).toList();
    }
}
