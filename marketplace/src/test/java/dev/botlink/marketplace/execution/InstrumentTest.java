package dev.botlink.marketplace.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InstrumentTest {
    private final Instrument xbt = new Instrument("XBTUSD", new BigDecimal("0.5"), new BigDecimal("100"));

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({"30000.74, BUY, 30000.5", "30000.74, SELL, 30001.0", "30000.5, BUY, 30000.5", "30000.5, SELL, 30000.5"})
    void bidsRoundDownAndAsksUpToTheTick(String price, Side side, String rounded) {
        assertThat(xbt.roundPrice(new BigDecimal(price), side)).isEqualByComparingTo(rounded);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"250, 200", "99, 0", "-250, -200", "300, 300"})
    void sizesRoundTowardsZeroToTheLot(String size, String rounded) {
        assertThat(xbt.roundSizeDown(new BigDecimal(size))).isEqualByComparingTo(rounded);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"0 | 1 | tickSize must be positive, got 0", "1 | -1 | lotSize must be positive, got -1"})
    void rejectsNonPositiveSteps(String tick, String lot, String message) {
        assertThatThrownBy(() -> new Instrument("X", new BigDecimal(tick), new BigDecimal(lot)))
                .hasMessage(message);
    }
}
