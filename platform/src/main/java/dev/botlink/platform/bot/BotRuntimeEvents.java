package dev.botlink.platform.bot;

/** What a {@link BotRuntime} reports about the bots it runs. Called on the runtime's threads; must not block long. */
public interface BotRuntimeEvents {

    void stateChanged(long botId, Bot.Status status, String reason);

    void logged(long botId, String level, String message);
}
