package dev.botlink.sandbox.lib.talib;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * TA-Lib for bots, computed by TA-Lib's Java port ({@code com.tictactec:ta-lib}) with the conventions of TA-Lib's
 * Python wrapper, so a bot's {@code talib.RSI(closes)} gets the numbers it gets on CPython.
 *
 * <p>Thread-safe: functions hold no state between calls.
 */
public final class Talib {

    private static final Map<String, TalibFunction> FUNCTIONS = TalibRegistry.load();

    private Talib() {}

    /**
     * Runs one TA-Lib function.
     *
     * @param function TA-Lib's name as in Python ("RSI", "MACD", "BBANDS")
     * @param inputs the input arrays in the Python wrapper's order (high, low, close for ATR); not modified
     * @param options keyword options by their Python names (timeperiod, nbdevup, matype...); absent ones take
     *     TA-Lib's defaults; may be null
     * @return one array per output, each as long as the inputs. As in the Python wrapper, leading values are skipped
     *     until every input has a value, and the first (skipped + lookback) outputs are NaN (0 for integer outputs
     *     such as patterns and indexes)
     * @throws IllegalArgumentException naming the problem: unknown function or option, wrong number of inputs,
     *     mismatched lengths, an option out of TA-Lib's range, inputs that are all NaN, more than
     *     {@link TalibFunction#MAX_LENGTH} values
     */
    public static List<double[]> compute(String function, List<double[]> inputs, Map<String, Double> options) {
        return spec(function).compute(inputs, options);
    }

    /** The description of one function, empty when TA-Lib has no function by that name. */
    public static Optional<TalibFunction> function(String name) {
        return Optional.ofNullable(FUNCTIONS.get(name));
    }

    /** Every supported function name, sorted, as {@code talib.get_functions()} lists them. */
    public static List<String> functions() {
        return List.copyOf(FUNCTIONS.keySet());
    }

    /** Function names by TA-Lib group ("Overlap Studies", "Momentum Indicators"...), as {@code get_function_groups()}. */
    public static Map<String, List<String>> functionGroups() {
        Map<String, List<String>> groups = new TreeMap<>();
        FUNCTIONS.values().forEach(f -> groups.computeIfAbsent(f.group(), g -> new ArrayList<>())
                .add(f.name()));
        Map<String, List<String>> result = new LinkedHashMap<>();
        groups.forEach((group, names) -> result.put(group, List.copyOf(names)));
        return result;
    }

    private static TalibFunction spec(String name) {
        if (name == null) {
            throw new IllegalArgumentException("A TA-Lib function name is required");
        }
        TalibFunction function = FUNCTIONS.get(name);
        if (function != null) {
            return function;
        }
        String hint = FUNCTIONS.containsKey(name.toUpperCase(Locale.ROOT))
                ? " (TA-Lib names are upper case: " + name.toUpperCase(Locale.ROOT) + ")"
                : "; talib.get_functions() lists the " + FUNCTIONS.size() + " available";
        throw new IllegalArgumentException("Unknown TA-Lib function '" + name + "'" + hint);
    }
}
