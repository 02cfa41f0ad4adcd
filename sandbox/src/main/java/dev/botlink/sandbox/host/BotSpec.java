package dev.botlink.sandbox.host;

import java.util.Map;
import java.util.Objects;

/**
 * Everything a worker needs to start a bot.
 *
 * @param botId unique bot id, used in every frame about the bot
 * @param account the owning account: bots of one account share redis channels
 * @param fileName the user's file name, shown in tracebacks (for example {@code my_bot.py})
 * @param source the Python script
 * @param settings JSON-able bot settings, readable by the script as {@code self.settings}
 */
public record BotSpec(String botId, String account, String fileName, String source, Map<String, Object> settings) {
    /** Largest script accepted, in characters. */
    public static final int MAX_SOURCE_CHARS = 1_000_000;

    public BotSpec {
        Objects.requireNonNull(botId, "botId");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(source, "source");
        if (botId.isBlank() || botId.length() > 128) {
            throw new IllegalArgumentException("bot id must be 1..128 characters");
        }
        if (source.length() > MAX_SOURCE_CHARS) {
            throw new IllegalArgumentException("script is larger than " + MAX_SOURCE_CHARS + " characters");
        }
        fileName = fileName == null || fileName.isBlank() ? "bot.py" : fileName;
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    public Map<String, Object> toBody() {
        return Map.of("file", fileName, "source", source, "settings", settings, "account", account);
    }
}
