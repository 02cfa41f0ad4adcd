package dev.botlink.sandbox.host;

/**
 * What a {@link WorkerHub#step} did.
 *
 * @param pointsProcessed points whose events were delivered and settled; fewer than were sent when a CALL reply
 *     carried {@code "cut": true} (see {@link ExchangeResults#cut})
 * @param nowMicros the bot's simulated time after the step
 * @param botState the bot's state after the step: {@code running} (or {@code stopped} / {@code failed} when the bot
 *     ended itself during the step)
 * @param cut whether a CALL reply cut the step short
 */
public record StepResult(int pointsProcessed, long nowMicros, String botState, boolean cut) {}
