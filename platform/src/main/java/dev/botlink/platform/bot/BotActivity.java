package dev.botlink.platform.bot;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What bots do that other features show to users (private feeds, webhooks, the IDE channel), as CDI events fired
 * synchronously after the change is stored. Observers run on the firing thread (a worker connection, the log writer, a
 * request) and must only hand the event to a bounded structure of their own.
 */
public final class BotActivity {

    private BotActivity() {}

    /** A bot's status changed: STARTING, RUNNING, STOPPED or FAILED with a reason. */
    public record StatusChanged(long accountId, long botId, Bot.Status status, String reason, Instant at) {}

    /** A log line was stored; {@code id} is the same as in {@code GET /api/bots/{id}/logs}. */
    public record Logged(long botId, long id, Instant at, String level, String message) {}

    /** A bot called {@code self.publish(topic, data)}; {@code dataJson} is the data as JSON text. */
    public record Published(long accountId, long botId, String topic, String dataJson) {}

    /** A bot started running with these webhook methods ({@code get_<name>} / {@code post_<name>}). */
    public record RoutesReported(long accountId, long botId, List<String> routes) {}

    /**
     * A bot called {@code self.signal(src, sym, ...)}; {@code fields} are the call's keyword arguments besides
     * {@code src} and {@code sym}, unvalidated (the marketplace validates them).
     */
    public record Signalled(long accountId, long botId, String src, String sym, Map<String, Object> fields) {}
}
