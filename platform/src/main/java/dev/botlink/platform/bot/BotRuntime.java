package dev.botlink.platform.bot;

/**
 * Where bots run: a port so the platform never runs users' code itself. The adapter in {@code bot.sandbox} runs them
 * in sandbox worker processes.
 *
 * <p>Both methods return quickly and report the outcome later through {@link BotRuntimeEvents}: {@code start}
 * reports RUNNING or FAILED (with the reason, such as a syntax error), {@code stop} reports STOPPED. Stopping a bot
 * that is not running is a no-op. Thread-safe.
 */
public interface BotRuntime {

    /** Everything needed to run a bot. */
    record Launch(long botId, long accountId, String fileName, String source) {}

    void start(Launch launch);

    void stop(long botId);
}
