package dev.botlink.marketplace.execution;

import java.util.List;

/**
 * The result of one evaluation.
 *
 * @param intents what to send to the venue, in order; empty when nothing needs to change
 * @param status the bot's state after this evaluation
 * @param notes human-readable reasons for what was held back or changed, for the bot's log; a reason
 *     that still holds is reported once, not at every evaluation
 */
public record Decision(List<OrderIntent> intents, BotStatus status, List<String> notes) {
    public Decision {
        intents = List.copyOf(intents);
        notes = List.copyOf(notes);
    }
}
