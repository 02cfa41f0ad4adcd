package dev.botlink.marketplace.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SignalParserTest {

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of(Map.of("size", 0.5), new TargetPosition("bitmex", "XBTUSD", new BigDecimal("0.5"))),
                Arguments.of(Map.of("size", -1), new TargetPosition("bitmex", "XBTUSD", new BigDecimal("-1"))),
                Arguments.of(Map.of("size", 0.1f), new TargetPosition("bitmex", "XBTUSD", new BigDecimal("0.1"))),
                Arguments.of(Map.of("mid", 30000), new GridAnchor("bitmex", "XBTUSD", new BigDecimal("30000"))),
                Arguments.of(Map.of("quote", 30000.5), FairValue.of("bitmex", "XBTUSD", new BigDecimal("30000.5"))),
                Arguments.of(
                        Map.of("quote", List.of(29990, 30010.0)),
                        new FairValue("bitmex", "XBTUSD", new BigDecimal("29990"), new BigDecimal("30010.0"))),
                Arguments.of(
                        Map.of("bid", 29990L, "ask", new BigDecimal("30010")),
                        new FairValue("bitmex", "XBTUSD", new BigDecimal("29990"), new BigDecimal("30010"))));
    }

    @ParameterizedTest
    @MethodSource("valid")
    void parsesEachKindOfSignal(Map<String, ?> fields, Signal expected) {
        assertThat(SignalParser.parse("bitmex", "XBTUSD", fields)).isEqualTo(expected);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of(Map.of("size", Double.NaN), "size= is NaN: give a finite number"),
                Arguments.of(Map.of("size", Double.POSITIVE_INFINITY), "size= is Infinity: give a finite number"),
                Arguments.of(Map.of("size", 1.5), "size=1.5 is out of range: use a fraction between -1 and 1"),
                Arguments.of(Map.of("size", "0.5"), "size= must be a number, got text 0.5"),
                Arguments.of(Map.of("size", true), "size= must be a number, got boolean true"),
                Arguments.of(nullValue("mid"), "mid= has no value (None)"),
                Arguments.of(Map.of("mid", -5), "mid=-5 must be a positive price"),
                Arguments.of(Map.of("mid", 0), "mid=0 must be a positive price"),
                Arguments.of(
                        Map.of("quote", List.of(30010, 29990)),
                        "bid=30010 is above ask=29990: give [bid, ask] with bid <= ask"),
                Arguments.of(
                        Map.of("quote", List.of(1, 2, 3)),
                        "quote= takes one price or a [bid, ask] pair, got a list of 3"),
                Arguments.of(Map.of("bid", 30000), "bid= needs both bid= and ask=, or use quote="),
                Arguments.of(
                        Map.of("size", 1, "mid", 3),
                        "signal mixes [mid, size]: give one kind per call, use size=, mid=, quote= or bid= with ask="),
                Arguments.of(
                        Map.of("price", 1), "unknown signal field 'price': use size=, mid=, quote= or bid= with ask="),
                Arguments.of(Map.of(), "signal has no value: use size=, mid=, quote= or bid= with ask="));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void rejectsBadSignalsNamingTheProblem(Map<String, ?> fields, String message) {
        assertThatThrownBy(() -> SignalParser.parse("bitmex", "XBTUSD", fields))
                .isInstanceOf(InvalidSignalException.class)
                .hasMessage(message);
    }

    @Test
    void rejectsAMissingRoute() {
        assertThatThrownBy(() -> SignalParser.parse("", "XBTUSD", Map.of("size", 1)))
                .hasMessage("signal source (src) is missing, e.g. 'bitmex'");
        assertThatThrownBy(() -> SignalParser.parse("bitmex", null, Map.of("size", 1)))
                .hasMessage("signal symbol (sym) is missing, e.g. 'XBTUSD'");
    }

    @Test
    void fairValueExposesItsMidAndHalfWidth() {
        FairValue pair =
                (FairValue) SignalParser.parse("woo", "PERP_BTC_USDT", Map.of("quote", Arrays.asList(99, 100)));

        assertThat(pair.mid()).isEqualByComparingTo("99.5");
        assertThat(pair.halfWidth()).isEqualByComparingTo("0.5");
    }

    private static Map<String, Object> nullValue(String name) {
        Map<String, Object> fields = new HashMap<>();
        fields.put(name, null);
        return fields;
    }
}
