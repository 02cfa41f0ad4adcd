package dev.botlink.platform.marketplace;

import dev.botlink.marketplace.BotType;
import dev.botlink.marketplace.parameter.BotParameters;
import dev.botlink.marketplace.parameter.ParameterSetting;
import dev.botlink.marketplace.parameter.ParameterSpec;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A listing's parameters: per name the author's value, the default deployers start from (the value unless the
 * author gave another) and the private flag. Private parameters run with the author's value everywhere and are never
 * shown to or changed by anyone else. Values are kept validated and typed, decimals as exact text.
 */
record ListedParameters(Map<String, Entry> entries) {

    /** One parameter as stored: {@code value}, {@code default} and {@code private}. */
    record Entry(Object value, Object defaultValue, boolean hidden) {}

    ListedParameters {
        entries = Map.copyOf(entries);
    }

    /**
     * The author's parameters validated against the bot type: values, defaults (each validated like a value) and
     * private flags. Parameters the author leaves out take the type's defaults.
     *
     * @throws dev.botlink.marketplace.parameter.InvalidParametersException naming every problem
     */
    static ListedParameters validate(BotType type, Map<String, Entry> given) {
        Map<String, ParameterSetting> values = new LinkedHashMap<>();
        Map<String, ParameterSetting> defaults = new LinkedHashMap<>();
        given.forEach((name, entry) -> {
            values.put(name, new ParameterSetting(entry.value(), entry.hidden()));
            Object fallback = entry.defaultValue() == null ? entry.value() : entry.defaultValue();
            defaults.put(name, new ParameterSetting(fallback, entry.hidden()));
        });
        BotParameters checkedValues = type.schema().validate(values);
        BotParameters checkedDefaults = type.schema().validate(defaults);
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (ParameterSpec spec : type.schema().specs()) {
            Object value = checkedValues.values().get(spec.name());
            if (value != null) {
                entries.put(
                        spec.name(),
                        new Entry(
                                stored(value),
                                stored(checkedDefaults.values().get(spec.name())),
                                checkedValues.isHidden(spec.name())));
            }
        }
        return new ListedParameters(entries);
    }

    /** The settings a deployment runs with: private values, and the deployer's value or else the default. */
    Map<String, ParameterSetting> settingsFor(Map<String, Object> overrides) {
        Map<String, ParameterSetting> settings = new LinkedHashMap<>();
        entries.forEach((name, entry) -> settings.put(
                name,
                entry.hidden()
                        ? ParameterSetting.hidden(entry.value())
                        : ParameterSetting.of(overrides.getOrDefault(name, entry.defaultValue()))));
        return settings;
    }

    /** What anyone may see: {@code {name: {default}}} of public parameters only. */
    Map<String, Object> publicView() {
        Map<String, Object> view = new LinkedHashMap<>();
        entries.forEach((name, entry) -> {
            if (!entry.hidden()) {
                view.put(name, Map.of("default", entry.defaultValue()));
            }
        });
        return view;
    }

    /** What the author sees: everything. */
    Map<String, Object> authorView() {
        Map<String, Object> view = new LinkedHashMap<>();
        entries.forEach((name, entry) -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("value", entry.value());
            item.put("default", entry.defaultValue());
            item.put("private", entry.hidden());
            view.put(name, item);
        });
        return view;
    }

    boolean isHidden(String name) {
        Entry entry = entries.get(name);
        return entry != null && entry.hidden();
    }

    private static Object stored(Object value) {
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value;
    }
}
