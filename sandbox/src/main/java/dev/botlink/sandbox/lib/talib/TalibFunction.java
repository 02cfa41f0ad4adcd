package dev.botlink.sandbox.lib.talib;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MAType;
import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.RetCode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One TA-Lib function as TA-Lib's Python wrapper exposes it: its inputs, keyword options and outputs, and how to
 * run it on TA-Lib's Java port. Immutable and safe to share between threads.
 *
 * @param name TA-Lib's name ("RSI")
 * @param group TA-Lib's group ("Momentum Indicators")
 * @param inputs the input arrays in the Python wrapper's order ("high", "low", "close")
 * @param options the keyword options in the Python wrapper's order
 * @param outputs the outputs in order ("macd", "macdsignal", "macdhist")
 * @param integerOutputs per output, whether TA-Lib returns integers (patterns, indexes): their lookback is 0, not NaN
 * @param function the TA-Lib Java port's method computing it (on {@link Core})
 * @param lookback the TA-Lib Java port's method giving its lookback for the options
 */
public record TalibFunction(
        String name,
        String group,
        List<String> inputs,
        List<TalibOption> options,
        List<String> outputs,
        List<Boolean> integerOutputs,
        Method function,
        Method lookback) {

    /** Longest input accepted, so one call cannot exhaust a worker's heap. */
    public static final int MAX_LENGTH = 1_000_000;

    private static final Core CORE = new Core();

    List<double[]> compute(List<double[]> arrays, Map<String, Double> given) {
        int length = checkInputs(arrays);
        Object[] optionArgs = optionArguments(given == null ? Map.of() : given);
        int begin = firstCompleteIndex(arrays, length);
        int lookback = (Integer) invoke(lookback(), optionArgs);
        List<double[]> results = blankOutputs(length, begin + Math.max(lookback, 0));
        Object[] buffers = outputBuffers(length - begin);
        MInteger outBegin = new MInteger();
        MInteger outCount = new MInteger();
        List<Object> args = new ArrayList<>();
        args.add(0);
        args.add(length - begin - 1);
        arrays.forEach(array -> args.add(Arrays.copyOfRange(array, begin, length)));
        args.addAll(Arrays.asList(optionArgs));
        args.add(outBegin);
        args.add(outCount);
        args.addAll(Arrays.asList(buffers));
        RetCode code = (RetCode) invoke(function(), args.toArray());
        if (code != RetCode.Success) {
            throw new IllegalArgumentException(name + " failed in TA-Lib: " + code);
        }
        copyResults(buffers, results, begin + outBegin.value, outCount.value);
        return results;
    }

    private int checkInputs(List<double[]> arrays) {
        if (arrays == null || arrays.size() != inputs.size() || arrays.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException(name + " takes " + inputs.size() + " input array(s) " + inputs + ", got "
                    + (arrays == null ? 0 : arrays.size()));
        }
        int length = arrays.getFirst().length;
        for (int i = 1; i < arrays.size(); i++) {
            if (arrays.get(i).length != length) {
                throw new IllegalArgumentException(name + ": input array lengths are different (" + inputs.getFirst()
                        + " has " + length + ", " + inputs.get(i) + " has " + arrays.get(i).length + ")");
            }
        }
        if (length > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    name + ": inputs hold " + length + " values, more than the " + MAX_LENGTH + " allowed");
        }
        return length;
    }

    private Object[] optionArguments(Map<String, Double> given) {
        for (String key : given.keySet()) {
            if (options.stream().noneMatch(option -> option.name().equals(key))) {
                throw new IllegalArgumentException(name + " has no option '" + key + "'; its options are "
                        + options.stream().map(TalibOption::name).toList());
            }
        }
        Object[] values = new Object[options.size()];
        for (int i = 0; i < values.length; i++) {
            TalibOption option = options.get(i);
            Double value = given.get(option.name());
            double checked = value == null ? option.defaultValue() : option.validate(name, value);
            values[i] = argument(function.getParameterTypes()[2 + inputs.size() + i], checked);
        }
        return values;
    }

    /** TA-Lib's Java port takes moving-average types as an enum, the Python wrapper as their ordinal. */
    private static Object argument(Class<?> type, double value) {
        if (type == MAType.class) {
            return MAType.values()[(int) value];
        }
        return type == int.class ? (Object) (int) value : (Object) value;
    }

    /** The index where every input has a value, as TA-Lib's Python wrapper skips leading NaN. */
    private int firstCompleteIndex(List<double[]> arrays, int length) {
        for (int i = 0; i < length; i++) {
            final int index = i;
            if (arrays.stream().noneMatch(array -> Double.isNaN(array[index]))) {
                return i;
            }
        }
        throw new IllegalArgumentException(name + ": inputs are all NaN");
    }

    private List<double[]> blankOutputs(int length, int leading) {
        List<double[]> results = new ArrayList<>();
        for (boolean integer : integerOutputs) {
            double[] result = new double[length];
            Arrays.fill(result, 0, Math.min(leading, length), integer ? 0.0 : Double.NaN);
            results.add(result);
        }
        return results;
    }

    private Object[] outputBuffers(int length) {
        return integerOutputs.stream()
                .map(integer -> integer ? (Object) new int[length] : (Object) new double[length])
                .toArray();
    }

    private static void copyResults(Object[] buffers, List<double[]> results, int offset, int count) {
        for (int o = 0; o < buffers.length; o++) {
            double[] result = results.get(o);
            for (int i = 0; i < count; i++) {
                result[offset + i] = buffers[o] instanceof int[] ints ? ints[i] : ((double[]) buffers[o])[i];
            }
        }
    }

    private Object invoke(Method method, Object[] args) {
        try {
            return method.invoke(CORE, args);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("TA-Lib method " + method.getName() + " is not accessible", e);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(name + " failed in TA-Lib: " + e.getCause(), e.getCause());
        }
    }
}
