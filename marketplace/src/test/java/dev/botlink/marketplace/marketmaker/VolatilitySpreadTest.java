package dev.botlink.marketplace.marketmaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.botlink.marketplace.testing.Prices;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class VolatilitySpreadTest {
    private final VolatilitySpread spread = new VolatilitySpread(MarketMakerParameters.DEFAULTS);

    @Test
    void widthMatchesAnIndependentComputationOverRealCloses() {
        List<BigDecimal> closes = Prices.appleCloses2013();

        for (int end = 20; end <= closes.size(); end++) {
            List<BigDecimal> window = closes.subList(0, end);
            double expected = bollingerWidth(window.subList(end - 20, end));

            assertThat(spread.width(window))
                    .hasValueSatisfying(width -> assertThat(width.doubleValue()).isCloseTo(expected, within(1e-12)));
        }
    }

    @Test
    void multiplierFollowsTheReferenceFormulaAndItsCap() {
        List<BigDecimal> closes = Prices.appleCloses2013();
        int capped = 0;
        int widened = 0;
        for (int end = 20; end <= closes.size(); end++) {
            List<BigDecimal> window = closes.subList(0, end);
            double width = bollingerWidth(window.subList(end - 20, end));
            double expected = Math.min(3.0, 1.0 + Math.max(0, (width - 0.01) / 0.01) * 0.5);

            assertThat(spread.multiplier(window).doubleValue()).isCloseTo(expected, within(1e-12));
            capped += expected == 3.0 ? 1 : 0;
            widened += expected > 1.0 && expected < 3.0 ? 1 : 0;
        }
        assertThat(capped).as("2013 had weeks volatile enough to hit the cap").isPositive();
        assertThat(widened).isPositive();
    }

    @Test
    void withoutEnoughClosesTheSpreadIsNotWidened() {
        List<BigDecimal> nineteen = Prices.appleCloses2013().subList(0, 19);

        assertThat(spread.width(nineteen)).isEmpty();
        assertThat(spread.multiplier(nineteen)).isEqualByComparingTo("1");
    }

    /** (upper − lower) / middle with population σ and 2 deviations, in doubles. */
    private static double bollingerWidth(List<BigDecimal> window) {
        double mean =
                window.stream().mapToDouble(BigDecimal::doubleValue).average().orElseThrow();
        double variance = window.stream()
                .mapToDouble(close -> Math.pow(close.doubleValue() - mean, 2))
                .average()
                .orElseThrow();
        return 4 * Math.sqrt(variance) / mean;
    }
}
