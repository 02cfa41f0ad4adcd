package dev.botlink.sandbox.lib.talib;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.CoreAnnotated;
import com.tictactec.ta.lib.meta.CoreMetaData;
import com.tictactec.ta.lib.meta.annotation.FuncInfo;
import com.tictactec.ta.lib.meta.annotation.InputParameterInfo;
import com.tictactec.ta.lib.meta.annotation.InputParameterType;
import com.tictactec.ta.lib.meta.annotation.IntegerList;
import com.tictactec.ta.lib.meta.annotation.IntegerRange;
import com.tictactec.ta.lib.meta.annotation.OptInputParameterType;
import com.tictactec.ta.lib.meta.annotation.OutputParameterType;
import com.tictactec.ta.lib.meta.annotation.RealList;
import com.tictactec.ta.lib.meta.annotation.RealRange;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the table of TA-Lib functions from the metadata TA-Lib's Java port carries in annotations, naming inputs
 * and options the way TA-Lib's Python wrapper does (it derives them from the same metadata).
 */
final class TalibRegistry {

    /** Price components in the order TA-Lib's Python wrapper lists them. */
    private static final String[] PRICE_NAMES = {"open", "high", "low", "close", "volume", "openinterest"};

    private TalibRegistry() {}

    static Map<String, TalibFunction> load() {
        Map<String, Method> methods = annotatedMethods();
        Map<String, TalibFunction> functions = new TreeMap<>();
        try {
            CoreMetaData.forEachFunc(meta -> {
                TalibFunction function =
                        describe(meta, methods.get(meta.getFuncInfo().name()));
                functions.put(function.name(), function);
            });
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read TA-Lib's function metadata", e);
        }
        return Collections.unmodifiableMap(functions);
    }

    private static Map<String, Method> annotatedMethods() {
        Map<String, Method> methods = new TreeMap<>();
        for (Method method : CoreAnnotated.class.getDeclaredMethods()) {
            FuncInfo info = method.getAnnotation(FuncInfo.class);
            if (info != null) {
                methods.put(info.name(), method);
            }
        }
        return methods;
    }

    private static TalibFunction describe(CoreMetaData meta, Method annotated) throws NoSuchMethodException {
        FuncInfo info = meta.getFuncInfo();
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < info.nbInput(); i++) {
            inputs.addAll(inputNames(meta.getInputParameterInfo(i)));
        }
        List<TalibOption> options = new ArrayList<>();
        for (int i = 0; i < info.nbOptInput(); i++) {
            options.add(option(meta, i));
        }
        List<String> outputs = new ArrayList<>();
        List<Boolean> integerOutputs = new ArrayList<>();
        for (int i = 0; i < info.nbOutput(); i++) {
            outputs.add(outputName(meta.getOutputParameterInfo(i).paramName()));
            integerOutputs.add(meta.getOutputParameterInfo(i).type() == OutputParameterType.TA_Output_Integer);
        }
        Method function = Core.class.getMethod(annotated.getName(), annotated.getParameterTypes());
        Method lookback = Core.class.getMethod(
                annotated.getName() + "Lookback",
                Arrays.copyOfRange(
                        annotated.getParameterTypes(), 2 + inputs.size(), 2 + inputs.size() + options.size()));
        if (function.getParameterCount() != 2 + inputs.size() + options.size() + 2 + outputs.size()) {
            throw new IllegalStateException("Unexpected TA-Lib signature for " + info.name());
        }
        return new TalibFunction(
                info.name(),
                info.group(),
                List.copyOf(inputs),
                List.copyOf(options),
                List.copyOf(outputs),
                List.copyOf(integerOutputs),
                function,
                lookback);
    }

    private static boolean isPrice(InputParameterInfo input) {
        return input.type() == InputParameterType.TA_Input_Price;
    }

    /** "inReal" is "real", "inReal0" "real0", "inPeriods" "periods", a price input its components. */
    private static List<String> inputNames(InputParameterInfo input) {
        if (!isPrice(input)) {
            return List.of(lowerWithout("in", input.paramName()));
        }
        List<String> names = new ArrayList<>();
        for (int bit = 0; bit < PRICE_NAMES.length; bit++) {
            if ((input.flags() & (1 << bit)) != 0) {
                names.add(PRICE_NAMES[bit]);
            }
        }
        return names;
    }

    private static TalibOption option(CoreMetaData meta, int index) {
        String name = lowerWithout("optIn", meta.getOptInputParameterInfo(index).paramName());
        OptInputParameterType type = meta.getOptInputParameterInfo(index).type();
        return switch (type) {
            case TA_OptInput_IntegerRange -> {
                IntegerRange range = meta.getOptInputIntegerRange(index);
                yield new TalibOption(name, true, range.defaultValue(), range.min(), range.max(), List.of());
            }
            case TA_OptInput_RealRange -> {
                RealRange range = meta.getOptInputRealRange(index);
                yield new TalibOption(name, false, range.defaultValue(), range.min(), range.max(), List.of());
            }
            case TA_OptInput_IntegerList -> {
                IntegerList list = meta.getOptInputIntegerList(index);
                List<Double> allowed =
                        Arrays.stream(list.value()).asDoubleStream().boxed().toList();
                yield new TalibOption(name, true, list.defaultValue(), min(allowed), max(allowed), allowed);
            }
            case TA_OptInput_RealList -> {
                RealList list = meta.getOptInputRealList(index);
                List<Double> allowed = Arrays.stream(list.value()).boxed().toList();
                yield new TalibOption(name, false, list.defaultValue(), min(allowed), max(allowed), allowed);
            }
        };
    }

    /** "outMACDSignal" is "macdsignal"; "outRealUpperBand" is "upperband"; "outReal" stays "real". */
    private static String outputName(String paramName) {
        String name = paramName.substring("out".length());
        if (name.startsWith("Real") && name.length() > "Real".length()) {
            name = name.substring("Real".length());
        }
        return name.toLowerCase(Locale.ROOT);
    }

    private static String lowerWithout(String prefix, String paramName) {
        return paramName.substring(prefix.length()).toLowerCase(Locale.ROOT);
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
