package dev.botlink.sandbox.lib.pandas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.botlink.sandbox.lib.GuestPython;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Botlink's pandas in GraalPy, against values worked out by hand from pandas' definitions. */
class PandasTest {

    private static final double NAN = Double.NaN;
    private static GuestPython python;

    @BeforeAll
    static void start() {
        python = GuestPython.shared();
        python.exec("import numpy as np\nimport pandas as pd\nprices = pd.Series([10.0, 11, 12, 11.5, 13])");
    }

    @Test
    void fillsMissingValuesForwardAndBackward() {
        python.exec("gaps = pd.Series([np.nan, 1.0, np.nan, np.nan, 4.0, np.nan])");
        assertThat(python.doubles("gaps.ffill()")).containsExactly(NAN, 1, 1, 1, 4, 4);
        assertThat(python.doubles("gaps.bfill()")).containsExactly(1, 1, 4, 4, 4, NAN);
        assertThat(python.doubles("gaps.fillna(0)")).containsExactly(0, 1, 0, 0, 4, 0);
        assertThat(python.doubles("gaps.ffill(limit=1)")).containsExactly(NAN, 1, 1, NAN, 4, 4);
        assertThat(python.doubles("pd.Series([1.0, None, 3.0]).ffill().values")).containsExactly(1, 1, 3);
    }

    @Test
    void rollingWindowsFollowPandasDefinitions() {
        assertThat(python.doubles("prices.rolling(3).mean()")).containsExactly(NAN, NAN, 11, 11.5, 12.5 - 1.0 / 3);
        assertThat(python.doubles("prices.rolling(3).sum()")).containsExactly(NAN, NAN, 33, 34.5, 36.5);
        assertThat(python.doubles("prices.rolling(3).max()")).containsExactly(NAN, NAN, 12, 12, 13);
        assertThat(python.doubles("prices.rolling(3, min_periods=1).min()")).containsExactly(10, 10, 10, 11, 11.5);
        double[] std = python.doubles("prices.rolling(3).std()");
        assertThat(std[2]).isCloseTo(1.0, within(1e-12));
        assertThat(std[3]).isCloseTo(0.5, within(1e-12));
        assertThat(std[4]).isCloseTo(Math.sqrt(variance(12, 11.5, 13)), within(1e-12));
        assertThat(python.doubles("pd.Series([2.0] * 4).rolling(2).std()")).containsExactly(NAN, 0, 0, 0);
        assertThat(python.doubles("prices.expanding().mean()")).containsExactly(10, 10.5, 11, 11.125, 11.5);
    }

    @Test
    void exponentialMeansMatchPandasWeights() {
        // span=3 is alpha=0.5: adjusted weights 1, 0.5 give (11 + 0.5 * 10) / 1.5 first.
        double[] adjusted = python.doubles("prices.ewm(span=3).mean()");
        assertThat(adjusted[0]).isEqualTo(10);
        assertThat(adjusted[1]).isCloseTo(16.0 / 1.5, within(1e-12));
        assertThat(adjusted[2]).isCloseTo((12 + 0.5 * 11 + 0.25 * 10) / 1.75, within(1e-12));
        assertThat(python.doubles("prices.ewm(span=3, adjust=False).mean()"))
                .containsExactly(10, 10.5, 11.25, 11.375, 12.1875);
        assertThat(python.doubles("prices.ewm(alpha=0.5, adjust=False).mean()"))
                .containsExactly(10, 10.5, 11.25, 11.375, 12.1875);
    }

    @Test
    void exponentialVarianceIsBiasCorrectedLikePandas() {
        // Weights 0.25, 0.5, 1 on 10, 11, 12: weighted variance 0.928571/1.75, times 1.75^2 / (1.75^2 - 1.3125).
        double[] variance = python.doubles("prices.ewm(span=3).var()");
        assertThat(variance[0]).isNaN();
        assertThat(variance[1]).isCloseTo(0.5, within(1e-12));
        assertThat(variance[2]).isCloseTo(13.0 / 14, within(1e-12));
        assertThat(python.number("prices.ewm(span=3).std().iloc[1]")).isCloseTo(Math.sqrt(0.5), within(1e-12));
    }

    @Test
    void shiftsAndChanges() {
        assertThat(python.doubles("prices.shift(1)")).containsExactly(NAN, 10, 11, 12, 11.5);
        assertThat(python.doubles("prices.shift(-1)")).containsExactly(11, 12, 11.5, 13, NAN);
        assertThat(python.doubles("prices.diff()")).containsExactly(NAN, 1, 1, -0.5, 1.5);
        double[] change = python.doubles("prices.pct_change()");
        assertThat(change[1]).isCloseTo(0.1, within(1e-15));
        assertThat(change[3]).isCloseTo(-0.5 / 12, within(1e-15));
    }

    @Test
    void accessArithmeticAndReductions() {
        assertThat(python.number("prices.iloc[-1]")).isEqualTo(13);
        assertThat(python.doubles("prices.iloc[1:3]")).containsExactly(11, 12);
        assertThat(python.number("prices[2]")).isEqualTo(12);
        assertThat(python.eval("isinstance(prices.values, np.ndarray)").asBoolean())
                .isTrue();
        assertThat(python.doubles("prices.astype(int)")).containsExactly(10, 11, 12, 11, 13);
        assertThat(python.doubles("prices * 2 + 1")).containsExactly(21, 23, 25, 24, 27);
        assertThat(python.doubles("prices[prices > 11.5]")).containsExactly(12, 13);
        assertThat(python.doubles("prices - prices.shift(1)")).containsExactly(NAN, 1, 1, -0.5, 1.5);
        assertThat(python.number("prices.mean()")).isEqualTo(11.5);
        assertThat(python.number("prices.std()")).isCloseTo(Math.sqrt(5.0 / 4), within(1e-15));
        assertThat(python.number("pd.Series([1.0, np.nan, 3.0]).mean()")).isEqualTo(2.0);
        assertThat(python.number("pd.Series([1.0, np.nan, 3.0]).sum()")).isEqualTo(4.0);
        assertThat(python.doubles("np.log(pd.Series([1.0, np.e]))")).containsExactly(0, 1);
        assertThat(python.str("pd.Series([1.0, np.nan])")).isEqualTo("0    1.0\n1    NaN\ndtype: float64");
    }

    @Test
    void dataFrameFromCandlesWithDates() {
        python.exec("""
                candles = [{'time': 1700000000000, 'close': '101.5'}, {'time': 1700000060000, 'close': '102'}]
                frame = pd.DataFrame(candles)
                frame['time'] = pd.to_datetime(frame['time'], unit='ms')
                """);
        assertThat(python.doubles("frame['close'].astype(float).values")).containsExactly(101.5, 102);
        assertThat(python.str("frame.shape")).isEqualTo("(2, 2)");
        assertThat(python.str("frame['time'].iloc[1]")).isEqualTo("2023-11-14 22:14:20");
        assertThat(python.doubles("frame.astype({'close': float})['close']")).containsExactly(101.5, 102);
    }

    @Test
    void unavailableFeaturesFailWithAMessageNamingThem() {
        assertThat(python.error("pd.read_csv('prices.csv')")).contains("pandas.read_csv is not available on Botlink");
        assertThat(python.error("pd.MultiIndex")).contains("pandas.MultiIndex");
        assertThat(python.error("prices.str")).contains("Series.str");
    }

    private static double variance(double... values) {
        double mean = 0;
        for (double v : values) {
            mean += v / values.length;
        }
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return sum / (values.length - 1);
    }
}
