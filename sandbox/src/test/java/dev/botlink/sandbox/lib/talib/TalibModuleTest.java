package dev.botlink.sandbox.lib.talib;

import static org.assertj.core.api.Assertions.assertThat;

import dev.botlink.sandbox.lib.GuestPython;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The guest's {@code talib} module in GraalPy over {@code _botlink.talib}: TA-Lib's Python signatures, defaults and
 * return types, on real BTC bars, for every function, and a script written as ProfitView bots write them.
 */
class TalibModuleTest {

    private static final BtcBars BARS = BtcBars.aggregate(Duration.ofHours(1));
    private static GuestPython python;

    @BeforeAll
    static void start() {
        python = GuestPython.shared();
        for (String column : List.of("open", "high", "low", "close", "volume")) {
            python.putList("btc_" + column, BARS.input(column));
        }
        python.exec("""
                import numpy as np
                import pandas as pd
                import talib
                btc = {name: np.array(globals()['btc_' + name]) for name in ('open', 'high', 'low', 'close', 'volume')}
                btc['real'] = btc['real0'] = btc['close']
                btc['real1'] = btc['open']
                btc['periods'] = np.array([5.0 + i % 20 for i in range(len(btc['close']))])
                """);
    }

    @Test
    void everyFunctionRunsWithItsPythonSignatureAndDefaults() {
        Value results = python.eval("""
                {name: [o.tolist() for o in (lambda r: r if isinstance(r, tuple) else (r,))(
                        getattr(talib, name)(*[btc[i] for i in talib._FUNCTIONS[name][1]]))]
                 for name in talib.get_functions()}
                """);
        assertThat(python.number("len(talib.get_functions())")).isEqualTo(158);
        for (String name : Talib.functions()) {
            TalibFunction function = Talib.function(name).orElseThrow();
            List<double[]> expected = Talib.compute(
                    name, function.inputs().stream().map(BARS::input).toList(), Map.of());
            Value outputs = results.getHashValue(name);
            assertThat(outputs.getArraySize()).as(name).isEqualTo(expected.size());
            for (int o = 0; o < expected.size(); o++) {
                Value output = outputs.getArrayElement(o);
                assertThat(output.getArraySize()).isEqualTo(BARS.size());
                for (int i = 0; i < BARS.size(); i++) {
                    double actual = output.getArrayElement(i).asDouble();
                    double wanted = expected.get(o)[i];
                    if (!(Double.isNaN(actual) && Double.isNaN(wanted))) {
                        assertThat(actual)
                                .as("%s output %d value %d", name, o, i)
                                .isEqualTo(wanted);
                    }
                }
            }
        }
    }

    @Test
    void signaturesAndReturnTypesAreTalibs() {
        assertThat(python.str("talib.MACD.__signature__"))
                .isEqualTo("(real, fastperiod=12, slowperiod=26, signalperiod=9)");
        assertThat(python.str("talib.BBANDS.__signature__"))
                .isEqualTo("(real, timeperiod=5, nbdevup=2.0, nbdevdn=2.0, matype=0)");
        assertThat(python.str("talib.ATR.__signature__")).isEqualTo("(high, low, close, timeperiod=14)");
        assertThat(python.eval("type(talib.MACD(btc['close'])).__name__").asString())
                .isEqualTo("tuple");
        assertThat(python.eval("len(talib.MACD(btc['close']))").asInt()).isEqualTo(3);
        assertThat(python.str("talib.RSI(btc['close']).dtype")).isEqualTo("float64");
        assertThat(python.str("talib.CDLDOJI(btc['open'], btc['high'], btc['low'], btc['close']).dtype"))
                .isEqualTo("int64");
        assertThat(python.doubles("talib.RSI(btc['close'], 5)"))
                .isEqualTo(python.doubles("talib.RSI(btc['close'], timeperiod=5)"));
        assertThat(python.eval("np.isnan(talib.SMA(btc['close'], timeperiod=10)[:9]).all()")
                        .asBoolean())
                .isTrue();
        assertThat(python.eval("talib.MA_Type.EMA").asInt()).isEqualTo(1);
        assertThat(python.eval("'Volatility Indicators' in talib.get_function_groups()")
                        .asBoolean())
                .isTrue();
        assertThat(python.str("list(talib.get_function_groups())[:2]"))
                .isEqualTo("['Cycle Indicators', 'Math Operators']");
    }

    @Test
    void seriesInSeriesOutWithTheSameIndex() {
        python.exec("closes = pd.Series(btc['close'][:50], index=list(range(100, 150)))\nrsi = talib.RSI(closes)");
        assertThat(python.str("type(rsi).__name__")).isEqualTo("Series");
        assertThat(python.eval("rsi.index.tolist() == list(range(100, 150))").asBoolean())
                .isTrue();
        assertThat(python.doubles("rsi")).isEqualTo(python.doubles("talib.RSI(btc['close'][:50])"));
        assertThat(python.doubles("talib.SMA([1, 2, 3, 4], 2)")).containsExactly(Double.NaN, 1.5, 2.5, 3.5);
    }

    @Test
    void errorsAreClearAndNameTheProblem() {
        assertThat(python.error("talib.RSI(btc['close'], period=14)"))
                .contains("RSI(real, timeperiod=14)")
                .contains("period");
        assertThat(python.error("talib.SMA(btc['close'], timeperiod=1)"))
                .contains("timeperiod must be between 2 and 100000");
        assertThat(python.error("talib.SMA(np.array([np.nan, np.nan]))")).contains("inputs are all NaN");
        assertThat(python.error("talib.ATR(btc['high'], btc['low'][:10], btc['close'])"))
                .contains("lengths are different");
        assertThat(python.error("talib.SUPERTREND")).contains("talib").contains("SUPERTREND");
        assertThat(python.error("import talib.abstract")).contains("talib.abstract is not available on Botlink");
        assertThat(python.error("talib.RSI('close')")).contains("RSI: real must be an array of prices");
    }

    @Test
    void aPastedProfitViewStyleScriptRuns() {
        python.exec("""
                from scipy.interpolate import CubicSpline
                closes = np.array(btc_close[-120:])
                macd, signal, hist = talib.MACD(closes, fastperiod=12, slowperiod=26, signalperiod=9)
                rsi = talib.RSI(closes, timeperiod=14)[-1]
                upper, middle, lower = talib.BBANDS(closes, timeperiod=20, nbdevup=2, nbdevdn=2, matype=0)
                atr = talib.ATR(np.array(btc_high[-120:]), np.array(btc_low[-120:]), closes, timeperiod=14)
                volatility = talib.STDDEV(closes, timeperiod=20, nbdev=1)[-1] / np.mean(closes[-20:])
                smooth = pd.Series(closes).ffill().rolling(10).mean().values
                spline = CubicSpline(np.arange(10), closes[-10:])
                signal_up = bool(hist[-1] > 0 and rsi < 70 and closes[-1] < upper[-1])
                """);
        assertThat(python.number("rsi")).isBetween(0.0, 100.0);
        assertThat(python.number("middle[-1]"))
                .isEqualTo(python.number("np.mean(closes[-20:])"), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(python.number("atr[-1]")).isPositive();
        assertThat(python.number("volatility")).isPositive();
        assertThat(python.number("spline(9.0)"))
                .isEqualTo(python.number("closes[-1]"), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(python.eval("np.isnan(smooth[:9]).all() and not np.isnan(smooth[9])")
                        .asBoolean())
                .isTrue();
    }
}
