package dev.botlink.sandbox.bot;

import java.time.Duration;

/**
 * The limits every bot of a worker runs under. Read from system properties {@code botlink.<name>} of the
 * worker (see docs/sandbox.md), with these defaults.
 *
 * @param callbackBudget longest an event-loop callback may run before it is interrupted (5 s)
 * @param maxOverruns interrupted callbacks after which the bot is stopped (3)
 * @param threadsPerBot host threads a bot may use at once for on_start, threads, timers, cron, webhooks (16)
 * @param eventQueue events waiting for a bot's event loop (10 000); market data beyond is dropped
 * @param pendingTimers timers and cron jobs waiting at once (1 000)
 * @param logLinesPerSecond sustained log rate; bursts up to {@code logBurst} (100 / 1 000)
 * @param logBurst log lines allowed in a burst
 * @param maxLogChars longest log line; longer ones are cut (8 192)
 * @param maxPayloadBytes largest publish, signal, redis or exchange-call payload (65 536)
 * @param cpuWindow window over which a bot's CPU use is measured (30 s)
 * @param cpuShare share of one core a bot may use over the window before it is stopped (0.9)
 * @param heapShare heap in use, and left after the last collection, at which the worker stops the bot allocating most (0.85)
 * @param webhookBudget longest a webhook handler may run: the caller then gets a timeout error and the bot is
 *     interrupted like an overrunning callback (5 s)
 * @param timerBudget longest a timer, delay_thread or cron job run may take before the bot is interrupted (30 s)
 * @param spareContexts prepared contexts a worker keeps ready so bots start fast (2; at most 8, 0 turns them off).
 *     Each costs about an idle bot's memory, counted against the worker's heap.
 */
public record BotLimits(
        Duration callbackBudget,
        int maxOverruns,
        int threadsPerBot,
        int eventQueue,
        int pendingTimers,
        int logLinesPerSecond,
        int logBurst,
        int maxLogChars,
        int maxPayloadBytes,
        Duration cpuWindow,
        double cpuShare,
        double heapShare,
        Duration webhookBudget,
        Duration timerBudget,
        int spareContexts) {

    public static BotLimits fromSystemProperties() {
        return new BotLimits(
                Duration.ofMillis(Long.getLong("botlink.callbackBudgetMillis", 5000)),
                Integer.getInteger("botlink.maxOverruns", 3),
                Integer.getInteger("botlink.threadsPerBot", 16),
                Integer.getInteger("botlink.eventQueue", 10_000),
                Integer.getInteger("botlink.pendingTimers", 1000),
                Integer.getInteger("botlink.logLinesPerSecond", 100),
                Integer.getInteger("botlink.logBurst", 1000),
                Integer.getInteger("botlink.maxLogChars", 8192),
                Integer.getInteger("botlink.maxPayloadBytes", 65_536),
                Duration.ofMillis(Long.getLong("botlink.cpuWindowMillis", 30_000)),
                Double.parseDouble(System.getProperty("botlink.cpuShare", "0.9")),
                Double.parseDouble(System.getProperty("botlink.heapShare", "0.85")),
                Duration.ofMillis(Long.getLong("botlink.webhookBudgetMillis", 5000)),
                Duration.ofMillis(Long.getLong("botlink.timerBudgetMillis", 30_000)),
                Integer.getInteger("botlink.spareContexts", 2));
    }
}
