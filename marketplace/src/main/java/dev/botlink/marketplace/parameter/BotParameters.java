package dev.botlink.marketplace.parameter;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validated parameter values of one bot, typed as their schema says, with the creator's private flags.
 * Build through {@link ParameterSchema#validate}.
 */
public final class BotParameters {
    private final String botType;
    private final Map<String, Object> values;
    private final Set<String> hidden;

    BotParameters(String botType, Map<String, Object> values, Set<String> hidden) {
        this.botType = botType;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.hidden = Set.copyOf(hidden);
    }

    public String botType() {
        return botType;
    }

    /** Every value, private ones included: for running the bot, never for showing to its users. */
    public Map<String, Object> values() {
        return values;
    }

    /** The values a user of the listed bot may see: private parameters left out. */
    public Map<String, Object> publicView() {
        Map<String, Object> visible = new LinkedHashMap<>(values);
        visible.keySet().removeAll(hidden);
        return Collections.unmodifiableMap(visible);
    }

    /** Whether the creator marked the parameter private. */
    public boolean isHidden(String name) {
        return hidden.contains(name);
    }

    Set<String> hidden() {
        return hidden;
    }

    public BigDecimal decimal(String name) {
        return get(name, BigDecimal.class);
    }

    public Optional<BigDecimal> optionalDecimal(String name) {
        return Optional.ofNullable(values.get(name)).map(BigDecimal.class::cast);
    }

    public long integer(String name) {
        return get(name, Long.class);
    }

    public boolean bool(String name) {
        return get(name, Boolean.class);
    }

    public String choice(String name) {
        return get(name, String.class);
    }

    private <T> T get(String name, Class<T> type) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException(botType + " has no value for parameter " + name);
        }
        return type.cast(value);
    }

    @Override
    public String toString() {
        return botType + publicView();
    }
}
