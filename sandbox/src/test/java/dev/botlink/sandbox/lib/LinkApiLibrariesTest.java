package dev.botlink.sandbox.lib;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every library name that real ProfitView scripts use (the survey in LINK-API.md, "Libraries imported") exists,
 * and the ones Botlink cannot offer fail with a message naming them.
 */
class LinkApiLibrariesTest {

    private static GuestPython python;

    @BeforeAll
    static void start() {
        python = GuestPython.shared();
        python.exec(
                "import numpy as np\nimport pandas as pd\nimport talib\nimport scipy\nfrom scipy import interpolate");
    }

    @Test
    void numpyNamesScriptsUseExist() {
        for (String name : List.of(
                "array",
                "nan",
                "isnan",
                "append",
                "round",
                "min",
                "max",
                "mean",
                "clip",
                "exp",
                "sqrt",
                "log",
                "roll",
                "std",
                "linspace",
                "greater",
                "float64",
                "asarray",
                "tanh",
                "ndarray")) {
            assertThat(python.eval("hasattr(np, '" + name + "')").asBoolean())
                    .as("np.%s", name)
                    .isTrue();
        }
    }

    @Test
    void pandasTalibAndScipyNamesScriptsUseExist() {
        for (String expression : List.of(
                "pd.Series",
                "pd.Series.ffill",
                "pd.to_datetime",
                "pd.DataFrame",
                "pd.DataFrame.astype",
                "talib.MACD",
                "talib.RSI",
                "talib.STDDEV",
                "talib.ATR",
                "talib.SMA",
                "talib.BBANDS",
                "interpolate.CubicSpline",
                "interpolate.interp1d",
                "scipy.interpolate.CubicSpline")) {
            assertThat(python.eval("callable(" + expression + ")").asBoolean())
                    .as(expression)
                    .isTrue();
        }
        assertThat(python.error("pd.read_csv('bars.csv')")).contains("read_csv").contains("no file system");
    }
}
