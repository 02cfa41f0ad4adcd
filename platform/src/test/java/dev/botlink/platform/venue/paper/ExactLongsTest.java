package dev.botlink.platform.venue.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ExactLongs rounds exactly as BigDecimal would, also when the product does not fit a long. */
class ExactLongsTest {

    @ParameterizedTest(name = "{0}·{1}/{2} {3}")
    @CsvSource({
        "5, 1, 2, HALF_EVEN",
        "7, 1, 2, HALF_EVEN",
        "-5, 1, 2, HALF_EVEN",
        "-7, 1, 2, HALF_EVEN",
        "10, 1, 4, HALF_EVEN",
        "-10, 1, 4, FLOOR",
        "-10, 1, 4, CEILING",
        "10, 1, -4, FLOOR",
        "10, 1, 4, CEILING",
        "9, 1, 4, HALF_UP",
        "-9, 1, 4, DOWN",
        "9223372036854775807, 3, 7, HALF_EVEN",
        "-9223372036854775807, 3, 7, HALF_EVEN",
        "4611686018427387904, 6, 4, CEILING",
        "200000000000000, 100000000, 100000000000, FLOOR"
    })
    void mulDivMatchesBigDecimal(long a, long b, long d, RoundingMode mode) {
        BigDecimal exact = new BigDecimal(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)))
                .divide(BigDecimal.valueOf(d), 0, mode);
        assertThat(ExactLongs.mulDiv(a, b, d, mode)).isEqualTo(exact.longValueExact());
    }

    @ParameterizedTest(name = "{0}/{1} {2}")
    @CsvSource({"25, 10, HALF_EVEN", "35, 10, HALF_EVEN", "-25, 10, HALF_EVEN", "-26, 10, HALF_EVEN", "1, 3, UP"})
    void divideMatchesBigDecimal(long n, long d, RoundingMode mode) {
        assertThat(ExactLongs.divide(n, d, mode))
                .isEqualTo(BigDecimal.valueOf(n)
                        .divide(BigDecimal.valueOf(d), 0, mode)
                        .longValueExact());
    }

    @org.junit.jupiter.api.Test
    void aQuotientBeyondALongThrowsInsteadOfWrapping() {
        assertThatThrownBy(() -> ExactLongs.mulDiv(Long.MAX_VALUE, 4, 2, RoundingMode.DOWN))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> ExactLongs.divide(1, 3, RoundingMode.UNNECESSARY))
                .isInstanceOf(ArithmeticException.class);
    }
}
