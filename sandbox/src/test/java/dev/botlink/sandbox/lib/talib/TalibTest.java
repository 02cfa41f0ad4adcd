package dev.botlink.sandbox.lib.talib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract of {@link Talib#compute}: Python-wrapper names, defaults, NaN conventions and errors. */
class TalibTest {

    private static final double[] ONE_TO_TEN = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

    @Test
    void smaHasLeadingNanForItsLookback() {
        double[] sma = Talib.compute("SMA", List.of(ONE_TO_TEN), Map.of("timeperiod", 3.0))
                .getFirst();

        assertThat(sma).hasSize(10);
        assertThat(sma[0]).isNaN();
        assertThat(sma[1]).isNaN();
        assertThat(sma[2]).isEqualTo(2.0);
        assertThat(sma[9]).isEqualTo(9.0);
    }

    @Test
    void defaultsAreTalibsDefaults() {
        double[] prices = new double[40];
        for (int i = 0; i < prices.length; i++) {
            prices[i] = i + 1;
        }

        double[] sma = Talib.compute("SMA", List.of(prices), null).getFirst();

        assertThat(sma[28]).isNaN();
        assertThat(sma[29]).isEqualTo(15.5);
    }

    @Test
    void leadingNanInInputsShiftTheOutputLikeThePythonWrapper() {
        double[] prices = {Double.NaN, Double.NaN, 1, 2, 3, 4};

        double[] sma =
                Talib.compute("SMA", List.of(prices), Map.of("timeperiod", 2.0)).getFirst();

        assertThat(sma).startsWith(Double.NaN, Double.NaN, Double.NaN);
        assertThat(sma[3]).isEqualTo(1.5);
        assertThat(sma[5]).isEqualTo(3.5);
    }

    @Test
    void multipleOutputsComeInTalibsOrder() {
        List<double[]> bands =
                Talib.compute("BBANDS", List.of(new double[] {1, 2, 3, 4, 5}), Map.of("nbdevup", 1.0, "nbdevdn", 2.0));

        double sd = Math.sqrt(2.0);
        assertThat(bands).hasSize(3);
        assertThat(bands.get(0)[4]).isCloseTo(3 + sd, within(1e-12));
        assertThat(bands.get(1)[4]).isEqualTo(3.0);
        assertThat(bands.get(2)[4]).isCloseTo(3 - 2 * sd, within(1e-12));
    }

    @Test
    void integerOutputsStartWithZeroNotNan() {
        double[] index = Talib.compute("MAXINDEX", List.of(new double[] {5, 1, 2, 9, 3}), Map.of("timeperiod", 2.0))
                .getFirst();

        assertThat(index).containsExactly(0, 0, 2, 3, 3);
    }

    @Test
    void errorsNameTheProblem() {
        assertThatThrownBy(() -> Talib.compute("NOPE", List.of(ONE_TO_TEN), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown TA-Lib function 'NOPE'");
        assertThatThrownBy(() -> Talib.compute("rsi", List.of(ONE_TO_TEN), null))
                .hasMessageContaining("RSI");
        assertThatThrownBy(() -> Talib.compute("SMA", List.of(ONE_TO_TEN), Map.of("period", 3.0)))
                .hasMessageContaining("SMA has no option 'period'; its options are [timeperiod]");
        assertThatThrownBy(() -> Talib.compute("ATR", List.of(ONE_TO_TEN), null))
                .hasMessageContaining("ATR takes 3 input array(s) [high, low, close], got 1");
        assertThatThrownBy(() -> Talib.compute("BETA", List.of(ONE_TO_TEN, new double[3]), null))
                .hasMessageContaining("input array lengths are different");
        assertThatThrownBy(() -> Talib.compute("SMA", List.of(ONE_TO_TEN), Map.of("timeperiod", 1.0)))
                .hasMessageContaining("timeperiod must be between 2 and 100000, got 1");
        assertThatThrownBy(() -> Talib.compute("SMA", List.of(ONE_TO_TEN), Map.of("timeperiod", 2.5)))
                .hasMessageContaining("timeperiod must be a whole number");
        assertThatThrownBy(() -> Talib.compute("MA", List.of(ONE_TO_TEN), Map.of("matype", 9.0)))
                .hasMessageContaining("matype must be one of");
        assertThatThrownBy(() -> Talib.compute("SMA", List.of(new double[] {Double.NaN}), null))
                .hasMessageContaining("inputs are all NaN");
    }

    @Test
    void listsFunctionsAndGroupsLikeThePythonWrapper() {
        assertThat(Talib.functions()).contains("MACD", "RSI", "STDDEV", "ATR", "SMA", "EMA", "BBANDS", "CDLDOJI");
        assertThat(Talib.functionGroups())
                .containsKeys(
                        "Overlap Studies",
                        "Momentum Indicators",
                        "Volume Indicators",
                        "Volatility Indicators",
                        "Statistic Functions");
        assertThat(Talib.functionGroups().get("Volatility Indicators")).containsExactly("ATR", "NATR", "TRANGE");
        TalibFunction macd = Talib.function("MACD").orElseThrow();
        assertThat(macd.inputs()).containsExactly("real");
        assertThat(macd.options())
                .extracting(TalibOption::name)
                .containsExactly("fastperiod", "slowperiod", "signalperiod");
        assertThat(macd.outputs()).containsExactly("macd", "macdsignal", "macdhist");
        assertThat(Talib.function("OBV").orElseThrow().inputs()).containsExactly("real", "volume");
        assertThat(Talib.function("STOCH").orElseThrow().options())
                .extracting(TalibOption::name)
                .containsExactly("fastk_period", "slowk_period", "slowk_matype", "slowd_period", "slowd_matype");
    }
}
