package dev.botlink.sandbox.bot;

import dev.botlink.sandbox.time.BotClock;
import java.util.Map;

/**
 * What starting a bot needs.
 *
 * @param botId the bot's id
 * @param fileName the user's file name, shown in tracebacks
 * @param source the script
 * @param settings JSON-able settings, visible to the script as {@code self.settings}
 * @param clock the bot's clock (wall clock live, simulated in backtests)
 */
public record BotStart(String botId, String fileName, String source, Map<String, Object> settings, BotClock clock) {}
