package dev.botlink.marketplace.parameter;

/**
 * What a bot's creator chose for one parameter.
 *
 * @param value the value (text, number or boolean), or null to keep the schema default
 * @param hidden the "Private" flag: the value applies but users of the listed bot neither see nor change it
 */
public record ParameterSetting(Object value, boolean hidden) {

    /** A visible value. */
    public static ParameterSetting of(Object value) {
        return new ParameterSetting(value, false);
    }

    /** A value only the creator sees. */
    public static ParameterSetting hidden(Object value) {
        return new ParameterSetting(value, true);
    }
}
