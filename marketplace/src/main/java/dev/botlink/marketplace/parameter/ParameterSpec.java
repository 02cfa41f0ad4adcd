package dev.botlink.marketplace.parameter;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One parameter of a bot type: its name, type, bounds and default.
 *
 * @param name the name users see and set, e.g. {@code maxPosition}
 * @param type decimal, integer, boolean or choice
 * @param description what it does, in the user's terms
 * @param min smallest allowed value (numbers only)
 * @param max largest allowed value (numbers only)
 * @param choices allowed names (choice only)
 * @param defaultValue the value when none is given; empty makes the parameter optional when {@code
 *     required} is false, or mandatory when it is true
 * @param required whether a value must be present (given or defaulted)
 */
public record ParameterSpec(
        String name,
        ParameterType type,
        String description,
        Optional<BigDecimal> min,
        Optional<BigDecimal> max,
        List<String> choices,
        Optional<Object> defaultValue,
        boolean required) {

    public ParameterSpec {
        Objects.requireNonNull(name, "name is missing");
        Objects.requireNonNull(type, "type is missing");
        Objects.requireNonNull(description, "description is missing");
        List<String> allowed = List.copyOf(choices);
        if (type == ParameterType.CHOICE && allowed.isEmpty()) {
            throw new IllegalArgumentException(name + ": a choice parameter needs choices");
        }
        // The default must itself be valid; stored in its typed form.
        defaultValue = defaultValue.map(value -> ParameterValues.parse(value, type, name, min, max, allowed));
        choices = allowed;
    }

    /** A required decimal in [min, max] with a default. */
    public static ParameterSpec decimal(String name, String description, String min, String max, String defaultValue) {
        return new ParameterSpec(
                name,
                ParameterType.DECIMAL,
                description,
                Optional.of(new BigDecimal(min)),
                Optional.of(new BigDecimal(max)),
                List.of(),
                Optional.of(new BigDecimal(defaultValue)),
                true);
    }

    /** An optional decimal in [min, max] without a default: absent means "off". */
    public static ParameterSpec optionalDecimal(String name, String description, String min, String max) {
        return new ParameterSpec(
                name,
                ParameterType.DECIMAL,
                description,
                Optional.of(new BigDecimal(min)),
                Optional.of(new BigDecimal(max)),
                List.of(),
                Optional.empty(),
                false);
    }

    /** A required integer in [min, max] with a default. */
    public static ParameterSpec integer(String name, String description, long min, long max, long defaultValue) {
        return new ParameterSpec(
                name,
                ParameterType.INTEGER,
                description,
                Optional.of(BigDecimal.valueOf(min)),
                Optional.of(BigDecimal.valueOf(max)),
                List.of(),
                Optional.of(defaultValue),
                true);
    }

    /** A required choice with a default. */
    public static ParameterSpec choice(String name, String description, List<String> choices, String defaultValue) {
        return new ParameterSpec(
                name,
                ParameterType.CHOICE,
                description,
                Optional.empty(),
                Optional.empty(),
                choices,
                Optional.of(defaultValue),
                true);
    }

    /** The value validated and converted to this parameter's type. */
    public Object parse(Object raw) {
        return ParameterValues.parse(raw, type, name, min, max, choices);
    }
}
