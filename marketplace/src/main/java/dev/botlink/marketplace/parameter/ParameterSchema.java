package dev.botlink.marketplace.parameter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The parameters a bot type takes. Validation reports every problem at once, each naming the parameter,
 * so a user can fix a form in one go.
 */
public record ParameterSchema(String botType, List<ParameterSpec> specs) {

    /** More parameters than any bot type has: bounds what a request may send. */
    public static final int MAX_PARAMETERS = 64;

    public ParameterSchema {
        specs = List.copyOf(specs);
        Set<String> names = new HashSet<>();
        specs.forEach(spec -> {
            if (!names.add(spec.name())) {
                throw new IllegalArgumentException(botType + " declares parameter " + spec.name() + " twice");
            }
        });
    }

    /**
     * The creator's settings validated against the schema, defaults filled in.
     *
     * @throws InvalidParametersException listing unknown names, bad values and missing required values
     */
    public BotParameters validate(Map<String, ParameterSetting> settings) {
        List<String> problems = new ArrayList<>();
        if (settings.size() > MAX_PARAMETERS) {
            throw new InvalidParametersException(
                    botType, List.of(settings.size() + " parameters given, at most " + MAX_PARAMETERS));
        }
        settings.keySet().stream()
                .filter(name -> specs.stream().noneMatch(spec -> spec.name().equals(name)))
                .sorted()
                .forEach(name -> problems.add("unknown parameter " + name + "; known: " + names()));
        Map<String, Object> values = new LinkedHashMap<>();
        Set<String> hidden = new HashSet<>();
        for (ParameterSpec spec : specs) {
            ParameterSetting setting = settings.get(spec.name());
            Object raw = setting == null || setting.value() == null
                    ? spec.defaultValue().orElse(null)
                    : setting.value();
            if (setting != null && setting.hidden()) {
                hidden.add(spec.name());
            }
            resolve(spec, raw, problems).ifPresent(value -> values.put(spec.name(), value));
        }
        if (!problems.isEmpty()) {
            throw new InvalidParametersException(botType, problems);
        }
        return new BotParameters(botType, values, hidden);
    }

    /**
     * A user's changes to a listed bot's parameters. Private parameters cannot be changed.
     *
     * @throws InvalidParametersException naming private or unknown parameters and bad values
     */
    public BotParameters customise(BotParameters listed, Map<String, Object> changes) {
        List<String> problems = new ArrayList<>();
        changes.keySet().stream()
                .filter(listed::isHidden)
                .sorted()
                .forEach(name -> problems.add(name + " is private to the bot's creator and cannot be changed"));
        if (!problems.isEmpty()) {
            throw new InvalidParametersException(botType, problems);
        }
        Map<String, ParameterSetting> merged = new LinkedHashMap<>();
        listed.values().forEach((name, value) -> merged.put(name, new ParameterSetting(value, listed.isHidden(name))));
        changes.forEach((name, value) -> merged.put(name, new ParameterSetting(value, false)));
        return validate(merged);
    }

    /** Validates, then builds the typed parameters, turning their cross-field errors into the same exception. */
    public <T> T build(Map<String, ParameterSetting> settings, Function<BotParameters, T> factory) {
        BotParameters parameters = validate(settings);
        try {
            return factory.apply(parameters);
        } catch (IllegalArgumentException e) {
            throw new InvalidParametersException(botType, List.of(e.getMessage()));
        }
    }

    private List<String> names() {
        return specs.stream().map(ParameterSpec::name).toList();
    }

    private static Optional<Object> resolve(ParameterSpec spec, Object raw, List<String> problems) {
        if (raw == null) {
            if (spec.required()) {
                problems.add(spec.name() + " is required");
            }
            return Optional.empty();
        }
        try {
            return Optional.of(spec.parse(raw));
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return Optional.empty();
        }
    }
}
