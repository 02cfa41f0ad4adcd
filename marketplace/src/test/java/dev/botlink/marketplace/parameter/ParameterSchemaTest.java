package dev.botlink.marketplace.parameter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterSchemaTest {
    private final ParameterSchema schema = new ParameterSchema(
            "Example",
            List.of(
                    ParameterSpec.decimal("size", "Order size", "0.01", "100", "1"),
                    ParameterSpec.integer("levels", "Rungs", 1, 50, 5),
                    ParameterSpec.choice("orderType", "How to trade", List.of("LIMIT", "MARKET"), "LIMIT"),
                    ParameterSpec.optionalDecimal("stopLoss", "Stop", "0.0001", "1"),
                    new ParameterSpec(
                            "hedge",
                            ParameterType.BOOLEAN,
                            "Hedge",
                            java.util.Optional.empty(),
                            java.util.Optional.empty(),
                            List.of(),
                            java.util.Optional.of(false),
                            true)));

    @Test
    void fillsInDefaultsAndLeavesOptionalsOut() {
        BotParameters values = schema.validate(Map.of());

        assertThat(values.decimal("size")).isEqualByComparingTo("1");
        assertThat(values.integer("levels")).isEqualTo(5);
        assertThat(values.choice("orderType")).isEqualTo("LIMIT");
        assertThat(values.optionalDecimal("stopLoss")).isEmpty();
        assertThat(values.bool("hedge")).isFalse();
    }

    @Test
    void convertsFormTextAndJsonValuesToTypes() {
        BotParameters values = schema.validate(Map.of(
                "size", ParameterSetting.of("2.5"),
                "levels", ParameterSetting.of(7.0),
                "orderType", ParameterSetting.of("market"),
                "stopLoss", ParameterSetting.of(0.02),
                "hedge", ParameterSetting.of("true")));

        assertThat(values.decimal("size")).isEqualByComparingTo("2.5");
        assertThat(values.integer("levels")).isEqualTo(7);
        assertThat(values.choice("orderType")).isEqualTo("MARKET");
        assertThat(values.optionalDecimal("stopLoss")).contains(new BigDecimal("0.02"));
        assertThat(values.bool("hedge")).isTrue();
    }

    @Test
    void reportsEveryProblemNamingTheParameter() {
        assertThatThrownBy(() -> schema.validate(Map.of(
                        "size", ParameterSetting.of("lots"),
                        "levels", ParameterSetting.of(2.5),
                        "orderType", ParameterSetting.of("STOP"),
                        "stopLoss", ParameterSetting.of(Double.NaN),
                        "colour", ParameterSetting.of("red"))))
                .isInstanceOfSatisfying(InvalidParametersException.class, e -> assertThat(e.problems())
                        .containsExactly(
                                "unknown parameter colour; known: [size, levels, orderType, stopLoss, hedge]",
                                "size must be a number, got 'lots'",
                                "levels must be a whole number, got 2.5",
                                "orderType must be one of [LIMIT, MARKET], got 'STOP'",
                                "stopLoss is NaN: give a finite number"));
    }

    @Test
    void rejectsValuesOutOfBounds() {
        assertThatThrownBy(() -> schema.validate(Map.of("size", ParameterSetting.of(1000))))
                .hasMessage("invalid Example parameters: size must be between 0.01 and 100, got 1000");
    }

    @Test
    void requiredParametersWithoutDefaultMustBeGiven() {
        ParameterSchema required = new ParameterSchema(
                "Req",
                List.of(new ParameterSpec(
                        "key",
                        ParameterType.DECIMAL,
                        "Key",
                        java.util.Optional.empty(),
                        java.util.Optional.empty(),
                        List.of(),
                        java.util.Optional.empty(),
                        true)));

        assertThatThrownBy(() -> required.validate(Map.of())).hasMessage("invalid Req parameters: key is required");
    }

    @Test
    void privateParametersAreHiddenFromUsersAndCannotBeChanged() {
        BotParameters listed =
                schema.validate(Map.of("size", ParameterSetting.hidden("3"), "levels", ParameterSetting.of(9)));

        assertThat(listed.publicView()).doesNotContainKey("size").containsEntry("levels", 9L);
        assertThat(listed.values()).containsKey("size");

        BotParameters mine = schema.customise(listed, Map.of("levels", "4"));
        assertThat(mine.integer("levels")).isEqualTo(4);
        assertThat(mine.decimal("size")).isEqualByComparingTo("3");
        assertThat(mine.isHidden("size")).isTrue();

        assertThatThrownBy(() -> schema.customise(listed, Map.of("size", "50")))
                .hasMessage("invalid Example parameters: size is private to the bot's creator and cannot be changed");
    }

    @Test
    void aBadDefaultIsAProgrammingError() {
        assertThatThrownBy(() -> ParameterSpec.decimal("x", "X", "0", "1", "2"))
                .hasMessage("x must be between 0 and 1, got 2");
    }
}
