package dev.botlink.sandbox.host;

import java.util.HashMap;
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
 * @param simulatedStartMicros {@code null} for a live bot (wall clock); otherwise the bot runs in simulated-time
 *     mode (backtests): its clock starts at this epoch time in microseconds and only moves when the host steps it
 *     with {@link WorkerHub#step}
 */
public record BotSpec(
        String botId,
        String account,
        String fileName,
        String source,
        Map<String, Object> settings,
        Long simulatedStartMicros) {
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
        if (simulatedStartMicros != null && simulatedStartMicros < 0) {
            throw new IllegalArgumentException("the simulated start must be an epoch time in microseconds >= 0");
        }
        fileName = fileName == null || fileName.isBlank() ? "bot.py" : fileName;
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    /** A live bot (wall clock). */
    public BotSpec(String botId, String account, String fileName, String source, Map<String, Object> settings) {
        this(botId, account, fileName, source, settings, null);
    }

    /** The same bot in simulated-time mode, its clock starting at {@code startEpochMicros}. */
    public BotSpec simulated(long startEpochMicros) {
        return new BotSpec(botId, account, fileName, source, settings, startEpochMicros);
    }

    public boolean isSimulated() {
        return simulatedStartMicros != null;
    }

    public Map<String, Object> toBody() {
        var body = new HashMap<String, Object>();
        body.put("file", fileName);
        body.put("source", source);
        body.put("settings", settings);
        body.put("account", account);
        if (simulatedStartMicros != null) {
            body.put("simulatedStart", simulatedStartMicros);
        }
        return body;
    }
}
