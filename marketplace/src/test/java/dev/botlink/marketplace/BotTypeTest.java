package dev.botlink.marketplace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.botlink.marketplace.execution.AccountState;
import dev.botlink.marketplace.execution.ExecutionBot;
import dev.botlink.marketplace.execution.ExecutionSettings;
import dev.botlink.marketplace.execution.Instrument;
import dev.botlink.marketplace.execution.MarketState;
import dev.botlink.marketplace.execution.OrderIntent;
import dev.botlink.marketplace.grid.GridBot;
import dev.botlink.marketplace.marketmaker.MarketMakerBot;
import dev.botlink.marketplace.marketmaker.MarketMakerParameters;
import dev.botlink.marketplace.parameter.InvalidParametersException;
import dev.botlink.marketplace.parameter.ParameterSetting;
import dev.botlink.marketplace.position.PositionBot;
import dev.botlink.marketplace.signal.SignalParser;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BotTypeTest {
    private static final Instrument XBTUSD = new Instrument("XBTUSD", new BigDecimal("0.5"), BigDecimal.ONE);

    @ParameterizedTest
    @EnumSource(BotType.class)
    void everyTypeBuildsFromItsDefaults(BotType type) {
        ExecutionBot bot = type.create("b", Map.of(), ExecutionSettings.DEFAULTS);

        assertThat(bot)
                .isInstanceOf(
                        switch (type) {
                            case POSITION -> PositionBot.class;
                            case GRID_NEUTRAL, GRID_LONG, GRID_SHORT -> GridBot.class;
                            case MARKET_MAKER -> MarketMakerBot.class;
                        });
    }

    @Test
    void marketMakerSchemaDefaultsAreTheReferenceParameters() {
        var values = BotType.MARKET_MAKER.schema().validate(Map.of());

        assertThat(MarketMakerParameters.from(values)).isEqualTo(MarketMakerParameters.DEFAULTS);
    }

    @Test
    void crossFieldErrorsComeBackAsParameterProblems() {
        var settings = Map.of("levels", ParameterSetting.of(50), "spacing", ParameterSetting.of("0.03"));

        assertThatThrownBy(() -> BotType.GRID_LONG.create("b", settings, ExecutionSettings.DEFAULTS))
                .isInstanceOf(InvalidParametersException.class)
                .hasMessage("invalid Grid Long parameters: levels × spacing must stay below 1 so every buy rung is"
                        + " above zero, got 50 × 0.03");
    }

    @Test
    void aCreatedBotTradesOnAParsedSignal() {
        ExecutionBot bot = BotType.POSITION.create(
                "b",
                Map.of("orderType", ParameterSetting.of("MARKET"), "maxPosition", ParameterSetting.of(5)),
                ExecutionSettings.DEFAULTS);
        bot.onSignal(SignalParser.parse("bitmex", "XBTUSD", Map.of("size", 1.0)));

        var decision = bot.evaluate(
                new MarketState(XBTUSD, new BigDecimal("100"), new BigDecimal("100.5"), new BigDecimal("100"), 0),
                AccountState.flat(new BigDecimal("10000")));

        assertThat(decision.intents())
                .singleElement()
                .isInstanceOfSatisfying(OrderIntent.PlaceMarket.class, place -> assertThat(place.size())
                        .isEqualByComparingTo("1"));
    }
}
