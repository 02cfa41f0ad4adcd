package dev.botlink.sandbox.lib.numpy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.botlink.sandbox.lib.GuestPython;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Botlink's numpy in GraalPy, against values worked out by hand from NumPy's definitions. */
class NumpyTest {

    private static GuestPython python;

    @BeforeAll
    static void start() {
        python = GuestPython.shared();
        python.exec("import numpy as np");
    }

    @Test
    void arraysPrintLikeNumpy() {
        assertThat(python.str("np.array([1.0, 2.5, np.nan, 4])")).isEqualTo("[1.  2.5 nan 4. ]");
        assertThat(python.eval("repr(np.array([[1, 2], [3, 4]]) * 1.0)").asString())
                .isEqualTo("array([[1., 2.],\n       [3., 4.]])");
        assertThat(python.str("np.array([1/3, 2/3, 1.0])")).isEqualTo("[0.33333333 0.66666667 1.        ]");
        assertThat(python.str("np.array([True, False])")).isEqualTo("[ True False]");
        assertThat(python.str("np.arange(5)")).isEqualTo("[0 1 2 3 4]");
    }

    @Test
    void arithmeticBroadcastsScalarsRowsAndSameShapes() {
        assertThat(python.doubles("np.array([1, 2, 3]) + 1.5")).containsExactly(2.5, 3.5, 4.5);
        assertThat(python.doubles("2 ** np.array([1, 2, 3])")).containsExactly(2, 4, 8);
        assertThat(python.doubles("(np.array([[1, 2], [3, 4]]) * np.array([10, 100])).ravel()"))
                .containsExactly(10, 200, 30, 400);
        assertThat(python.doubles("np.array([1.0, -1.0, 0.0]) / 0"))
                .containsExactly(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN);
        assertThat(python.str("(np.array([1, 5, 3]) > 2).tolist()")).isEqualTo("[False, True, True]");
        assertThat(python.str("np.greater([1, 5], [2, 2]).tolist()")).isEqualTo("[False, True]");
    }

    @Test
    void indexingSlicesMasksAndIntegerArrays() {
        python.exec("idx = np.arange(10) * 1.0");
        assertThat(python.doubles("idx[2:5]")).containsExactly(2, 3, 4);
        assertThat(python.doubles("idx[idx > 6]")).containsExactly(7, 8, 9);
        assertThat(python.doubles("idx[[0, -1]]")).containsExactly(0, 9);
        assertThat(python.number("idx[-1]")).isEqualTo(9);
        python.exec("idx[idx > 6] = 0; idx[0] = 42");
        assertThat(python.doubles("idx")).containsExactly(42, 1, 2, 3, 4, 5, 6, 0, 0, 0);
        python.exec("grid = np.array([[1, 2, 3], [4, 5, 6]])");
        assertThat(python.doubles("grid[:, 1]")).containsExactly(2, 5);
        assertThat(python.doubles("grid[1]")).containsExactly(4, 5, 6);
        assertThat(python.number("grid[1, 2]")).isEqualTo(6);
        assertThat(python.str("grid.shape")).isEqualTo("(2, 3)");
        assertThat(python.doubles("grid.T.ravel()")).containsExactly(1, 4, 2, 5, 3, 6);
        assertThat(python.error("grid[5]")).contains("index 5 is out of bounds for axis 0 with size 2");
    }

    @Test
    void reductionsUseNumpysPairwiseSummation() {
        // NumPy's pairwise sum gives exactly 1.0 here where a plain loop gives 0.9999999999999999.
        assertThat(python.number("np.sum(np.full(10, 0.1))")).isEqualTo(1.0);
        assertThat(python.number("sum([0.1] * 10)")).isEqualTo(0.9999999999999999);
        assertThat(python.number("np.mean([1, 2, 3, 4])")).isEqualTo(2.5);
        assertThat(python.number("np.std([1, 2, 3, 4])")).isCloseTo(Math.sqrt(1.25), within(1e-15));
        assertThat(python.number("np.std([1, 2, 3, 4], ddof=1)")).isCloseTo(Math.sqrt(5.0 / 3), within(1e-15));
        assertThat(python.number("np.var([1.0, 2.0, 3.0, 4.0])")).isEqualTo(1.25);
        assertThat(python.number("np.mean([1.0, np.nan])")).isNaN();
        assertThat(python.number("np.nanmean([1.0, np.nan, 3.0])")).isEqualTo(2.0);
        assertThat(python.number("np.max([1.0, np.nan, 3.0])")).isNaN();
        assertThat(python.number("np.min([4, 2, 8])")).isEqualTo(2);
        assertThat(python.number("np.argmax([1, 9, 3])")).isEqualTo(1);
        assertThat(python.number("np.percentile([1, 2, 3, 4, 5], 30)")).isCloseTo(2.2, within(1e-15));
        assertThat(python.number("np.median([3, 1, 2, 4])")).isEqualTo(2.5);
        assertThat(python.doubles("np.array([[1, 2, 3], [4, 5, 6]]).sum(axis=0)"))
                .containsExactly(5, 7, 9);
        assertThat(python.doubles("np.array([[1, 2, 3], [4, 5, 6]]).mean(axis=1)"))
                .containsExactly(2, 5);
        assertThat(python.doubles("np.cumsum([1, 2, 3])")).containsExactly(1, 3, 6);
        assertThat(python.doubles("np.diff([1, 4, 9, 16])")).containsExactly(3, 5, 7);
        assertThat(python.error("np.max(np.array([]))")).contains("zero-size array to reduction operation maximum");
    }

    @Test
    void creationFunctionsFollowNumpysFormulas() {
        assertThat(python.doubles("np.linspace(0, 1, 5)")).containsExactly(0, 0.25, 0.5, 0.75, 1);
        assertThat(python.doubles("np.arange(0, 1, 0.1)")).hasSize(10);
        assertThat(python.number("np.arange(0, 1, 0.1)[3]")).isEqualTo(0.30000000000000004);
        assertThat(python.doubles("np.zeros(3)")).containsExactly(0, 0, 0);
        assertThat(python.doubles("np.ones((2, 2)).ravel()")).containsExactly(1, 1, 1, 1);
        assertThat(python.doubles("np.full(2, 7.5)")).containsExactly(7.5, 7.5);
        assertThat(python.doubles("np.append([1, 2], [3.5])")).containsExactly(1, 2, 3.5);
        assertThat(python.doubles("np.roll([1, 2, 3, 4], 1)")).containsExactly(4, 1, 2, 3);
        assertThat(python.doubles("np.where(np.array([1, 5, 2]) > 1, 1.0, 0.0)"))
                .containsExactly(0, 1, 1);
        assertThat(python.doubles("np.asarray([1, 2]).astype(np.float64)")).containsExactly(1, 2);
        assertThat(python.str("np.array([1, 2]).dtype")).isEqualTo("int64");
        assertThat(python.eval("np.array([1.5]).dtype == np.float64").asBoolean())
                .isTrue();
        assertThat(python.eval("isinstance(np.array([1]), np.ndarray)").asBoolean())
                .isTrue();
    }

    @Test
    void mathFunctionsGiveNanAndInfInsteadOfExceptions() {
        assertThat(python.doubles("np.sqrt([4.0, -1.0])")).containsExactly(2, Double.NaN);
        assertThat(python.doubles("np.log([1.0, 0.0, -1.0])")).containsExactly(0, Double.NEGATIVE_INFINITY, Double.NaN);
        assertThat(python.number("np.exp(1000)")).isInfinite();
        assertThat(python.number("np.tanh(0.5)")).isEqualTo(Math.tanh(0.5));
        assertThat(python.doubles("np.clip(np.array([1.0, 5.0, 10.0]), 2, 8)")).containsExactly(2, 5, 8);
        assertThat(python.eval("bool(np.isnan(np.nan))").asBoolean()).isTrue();
        assertThat(python.doubles("np.isnan(np.array([1.0, np.nan])).astype(float)"))
                .containsExactly(0, 1);
        // NumPy rounds half to even after scaling.
        assertThat(python.doubles("np.round(np.array([0.5, 1.5, 2.5, -0.4]))")).containsExactly(0, 2, 2, -0.0);
        assertThat(python.number("np.round(3.14159, 2)")).isEqualTo(3.14);
        assertThat(python.number("np.interp(2.5, [1, 2, 3], [10, 20, 30])")).isEqualTo(25);
        assertThat(python.number("np.dot([1, 2], [3, 4])")).isEqualTo(11);
    }

    @Test
    void inPlaceOperatorsWriteIntoTheArrayLikeNumpy() {
        python.exec("shared = np.zeros(3)\nalias = shared\nalias += 1\nalias *= np.array([1.0, 2.0, 3.0])");
        assertThat(python.doubles("shared")).containsExactly(1, 2, 3);
        assertThat(python.error("counts = np.arange(3)\ncounts += 1.5")).contains("Cannot cast ufunc output");
    }

    @Test
    void seededRandomStreamsAreNumpysLegacyStreams() {
        // Widely published outputs of real NumPy's np.random after np.random.seed(0) and seed(42).
        python.exec("np.random.seed(0)");
        assertThat(python.doubles("np.random.rand(4)"))
                .containsExactly(0.5488135039273248, 0.7151893663724195, 0.6027633760716439, 0.5448831829968969);
        python.exec("np.random.seed(0)");
        assertThat(python.doubles("np.random.randn(2)")).containsExactly(1.764052345967664, 0.4001572083672233);
        python.exec("np.random.seed(0)");
        assertThat(python.doubles("np.random.randint(0, 10, 5)")).containsExactly(5, 0, 3, 3, 7);
        python.exec("np.random.seed(42)");
        assertThat(python.doubles("np.random.randint(0, 10, 5)")).containsExactly(6, 3, 7, 4, 6);
        python.exec("np.random.seed(0)");
        assertThat(python.doubles("np.random.permutation(10)")).containsExactly(2, 8, 4, 9, 1, 6, 7, 3, 0, 5);
        assertThat(python.error("np.random.default_rng(1)")).contains("default_rng");
    }

    @Test
    void polynomialFitsRecoverExactPolynomials() {
        assertThat(python.doubles("np.polyfit([0, 1, 2, 3], [1, 3, 5, 7], 1)"))
                .usingComparatorWithPrecision(1e-12)
                .containsExactly(2, 1);
        assertThat(python.doubles("np.polyfit([0, 1, 2, 3], [0, 1, 4, 9], 2)"))
                .usingComparatorWithPrecision(1e-12)
                .containsExactly(1, 0, 0);
        assertThat(python.doubles("np.polyval([2, 1], [0, 1, 2])")).containsExactly(1, 3, 5);
    }

    @Test
    void missingNamesFailWithAMessageNamingThem() {
        assertThat(python.error("np.float32")).contains("numpy.float32").contains("Botlink's numpy subset");
        assertThat(python.error("np.array([1.0]).searchsorted(1)")).contains("searchsorted");
        assertThat(python.error("np.array(['a', 'b'])")).contains("numbers only");
    }
}
