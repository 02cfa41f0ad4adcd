package dev.botlink.sandbox.lib.talib;

import static org.assertj.core.api.Assertions.assertThat;

import com.tictactec.ta.lib.MAType;
import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.meta.CoreMetaData;
import com.tictactec.ta.lib.meta.annotation.InputParameterType;
import com.tictactec.ta.lib.meta.annotation.OptInputParameterType;
import com.tictactec.ta.lib.meta.annotation.OutputParameterType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every TA-Lib function through {@link Talib#compute}, on real BTC bars with TA-Lib's defaults: the output has the
 * input's length, the leading NaN (0 for integer outputs) count is TA-Lib's lookback, and every value equals what
 * TA-Lib's own metadata-driven call path ({@link CoreMetaData#callFunc}) computes, which checks the input order,
 * option names and defaults of the registry.
 */
class TalibAllFunctionsTest {

    private static final BtcBars BARS = BtcBars.aggregate(Duration.ofMinutes(5));

    static Stream<String> functions() {
        return Talib.functions().stream();
    }

    @Test
    void coversEveryGroupTheIssueAsksFor() {
        assertThat(Talib.functions()).hasSize(158);
        Map<String, List<String>> groups = Talib.functionGroups();
        assertThat(groups.get("Overlap Studies")).hasSize(17);
        assertThat(groups.get("Momentum Indicators")).hasSize(30);
        assertThat(groups.get("Volume Indicators")).containsExactly("AD", "ADOSC", "OBV");
        assertThat(groups.get("Statistic Functions")).hasSize(9);
        assertThat(groups.get("Pattern Recognition")).hasSize(61);
    }

    @ParameterizedTest
    @MethodSource("functions")
    void matchesTalibsOwnCallWithDefaults(String name) throws Exception {
        TalibFunction function = Talib.function(name).orElseThrow();
        List<double[]> inputs = function.inputs().stream().map(BARS::input).toList();

        List<double[]> outputs = Talib.compute(name, inputs, Map.of());

        Reference reference = reference(name);
        assertThat(outputs).hasSize(reference.values().size());
        for (int o = 0; o < outputs.size(); o++) {
            double[] output = outputs.get(o);
            boolean integer = function.integerOutputs().get(o);
            assertThat(output).hasSize(BARS.size());
            for (int i = 0; i < reference.begin(); i++) {
                assertSame(output[i], integer ? 0.0 : Double.NaN, name + " output " + o + " lookback value " + i);
            }
            double[] expected = reference.values().get(o);
            for (int i = 0; i < reference.count(); i++) {
                assertSame(output[reference.begin() + i], expected[i], name + " output " + o + " value " + i);
            }
            assertThat(reference.begin() + reference.count()).isEqualTo(BARS.size());
        }
    }

    private static void assertSame(double actual, double expected, String description) {
        if (!(Double.isNaN(actual) && Double.isNaN(expected))) {
            assertThat(actual).as(description).isEqualTo(expected);
        }
    }

    /**
     * Works around two bugs of TA-Lib 0.4.0's CoreMetaData: it leaves the options array null for functions without
     * options, and stores moving-average types as Integer where the function takes a MAType.
     */
    private static void patchOptions(CoreMetaData meta, int count) throws ReflectiveOperationException {
        var field = CoreMetaData.class.getDeclaredField("callOptInputParams");
        field.setAccessible(true);
        Object[] options = (Object[]) field.get(meta);
        if (options == null) {
            field.set(meta, new Object[count]);
            return;
        }
        for (int i = 0; i < count; i++) {
            if (meta.getOptInputParameterInfo(i).type() == OptInputParameterType.TA_OptInput_IntegerList) {
                options[i] = MAType.values()[(Integer) options[i]];
            }
        }
    }

    private record Reference(int begin, int count, List<double[]> values) {}

    /** Runs name through TA-Lib's CoreMetaData with its defaults, the path TA-Lib itself documents. */
    private static Reference reference(String name) throws Exception {
        CoreMetaData meta = CoreMetaData.getInstance(name);
        var info = meta.getFuncInfo();
        int n = BARS.size();
        for (int i = 0; i < info.nbInput(); i++) {
            var input = meta.getInputParameterInfo(i);
            if (input.type() == InputParameterType.TA_Input_Price) {
                meta.setInputParamPrice(
                        i, BARS.open(), BARS.high(), BARS.low(), BARS.close(), BARS.volume(), new double[n]);
            } else {
                meta.setInputParamReal(
                        i,
                        BARS.input(
                                input.paramName().equals("inPeriods")
                                        ? "periods"
                                        : input.paramName().equals("inReal1") ? "real1" : "real"));
            }
        }
        for (int i = 0; i < info.nbOptInput(); i++) {
            OptInputParameterType type = meta.getOptInputParameterInfo(i).type();
            switch (type) {
                case TA_OptInput_IntegerRange ->
                    meta.setOptInputParamInteger(
                            i, meta.getOptInputIntegerRange(i).defaultValue());
                case TA_OptInput_IntegerList ->
                    meta.setOptInputParamInteger(
                            i, meta.getOptInputIntegerList(i).defaultValue());
                case TA_OptInput_RealRange ->
                    meta.setOptInputParamReal(i, meta.getOptInputRealRange(i).defaultValue());
                case TA_OptInput_RealList ->
                    meta.setOptInputParamReal(i, meta.getOptInputRealList(i).defaultValue());
            }
        }
        patchOptions(meta, info.nbOptInput());
        List<Object> buffers = new ArrayList<>();
        for (int i = 0; i < info.nbOutput(); i++) {
            if (meta.getOutputParameterInfo(i).type() == OutputParameterType.TA_Output_Integer) {
                int[] buffer = new int[n];
                meta.setOutputParamInteger(i, buffer);
                buffers.add(buffer);
            } else {
                double[] buffer = new double[n];
                meta.setOutputParamReal(i, buffer);
                buffers.add(buffer);
            }
        }
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        meta.callFunc(0, n - 1, begin, count);
        assertThat(begin.value).as("%s begins at its lookback", name).isEqualTo(meta.getLookback());
        List<double[]> values = new ArrayList<>();
        for (Object buffer : buffers) {
            values.add(
                    buffer instanceof int[] ints
                            ? Arrays.stream(ints).asDoubleStream().toArray()
                            : (double[]) buffer);
        }
        return new Reference(begin.value, count.value, values);
    }
}
