package dev.botlink.marketplace;

import dev.botlink.marketplace.execution.ExecutionBot;
import dev.botlink.marketplace.execution.ExecutionSettings;
import dev.botlink.marketplace.grid.GridBot;
import dev.botlink.marketplace.grid.GridMode;
import dev.botlink.marketplace.grid.GridParameters;
import dev.botlink.marketplace.marketmaker.MarketMakerBot;
import dev.botlink.marketplace.marketmaker.MarketMakerParameters;
import dev.botlink.marketplace.parameter.BotParameters;
import dev.botlink.marketplace.parameter.InvalidParametersException;
import dev.botlink.marketplace.parameter.ParameterSchema;
import dev.botlink.marketplace.parameter.ParameterSetting;
import dev.botlink.marketplace.position.PositionBot;
import dev.botlink.marketplace.position.PositionParameters;
import java.util.Map;

/** The execution bot types a user picks when creating a bot from a Signals script. */
public enum BotType {
    POSITION("size=", PositionParameters.SCHEMA),
    GRID_NEUTRAL("mid=", GridParameters.schema(GridMode.NEUTRAL)),
    GRID_LONG("mid=", GridParameters.schema(GridMode.LONG)),
    GRID_SHORT("mid=", GridParameters.schema(GridMode.SHORT)),
    MARKET_MAKER("quote= or bid=/ask=", MarketMakerParameters.SCHEMA);

    private final String signalKeyword;
    private final ParameterSchema schema;

    BotType(String signalKeyword, ParameterSchema schema) {
        this.signalKeyword = signalKeyword;
        this.schema = schema;
    }

    /** The signal the type reacts to, as the user writes it. */
    public String signalKeyword() {
        return signalKeyword;
    }

    /** The parameters the type takes, with bounds and defaults. */
    public ParameterSchema schema() {
        return schema;
    }

    /**
     * A new bot of this type from the creator's settings.
     *
     * @throws InvalidParametersException listing every problem with the settings
     */
    public ExecutionBot create(String botId, Map<String, ParameterSetting> settings, ExecutionSettings execution) {
        return schema.build(settings, values -> create(botId, values, execution));
    }

    /** A new bot of this type from already validated parameters (e.g. loaded from storage). */
    public ExecutionBot create(String botId, BotParameters values, ExecutionSettings execution) {
        return switch (this) {
            case POSITION -> new PositionBot(botId, PositionParameters.from(values), execution);
            case GRID_NEUTRAL -> new GridBot(botId, GridParameters.from(GridMode.NEUTRAL, values), execution);
            case GRID_LONG -> new GridBot(botId, GridParameters.from(GridMode.LONG, values), execution);
            case GRID_SHORT -> new GridBot(botId, GridParameters.from(GridMode.SHORT, values), execution);
            case MARKET_MAKER -> new MarketMakerBot(botId, MarketMakerParameters.from(values), execution);
        };
    }
}
