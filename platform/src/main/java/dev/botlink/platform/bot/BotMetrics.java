package dev.botlink.platform.bot;

import java.util.Optional;

/**
 * Performance metrics of a bot, where the platform keeps them: today for Signals bots listed in the marketplace
 * (their listing's reference execution). Empty for other bots.
 */
public interface BotMetrics {

    Optional<Object> metrics(long botId);
}
