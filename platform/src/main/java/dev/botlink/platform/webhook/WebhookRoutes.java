package dev.botlink.platform.webhook;

import dev.botlink.platform.bot.Bot;
import dev.botlink.platform.bot.BotActivity;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The webhook methods of each account's running bots, as their workers reported them when the bots started. A bot's
 * routes are forgotten when it starts again, stops or fails.
 */
@Singleton
public class WebhookRoutes {

    /** A running bot's webhook methods, {@code get_<name>} / {@code post_<name>}. */
    public record BotRoutes(long botId, List<String> methods) {
        boolean has(String method) {
            return methods.contains(method);
        }
    }

    private final Map<Long, Map<Long, BotRoutes>> byAccount = new ConcurrentHashMap<>();

    /** The account's running bots with webhook methods, by bot id. */
    public List<BotRoutes> of(long accountId) {
        Map<Long, BotRoutes> bots = byAccount.get(accountId);
        return bots == null
                ? List.of()
                : bots.values().stream()
                        .sorted(java.util.Comparator.comparingLong(BotRoutes::botId))
                        .toList();
    }

    /** The running bots of the account with this method ({@code get_<name>} or {@code post_<name>}). */
    public List<Long> botsWith(long accountId, String method) {
        return of(accountId).stream()
                .filter(bot -> bot.has(method))
                .map(BotRoutes::botId)
                .toList();
    }

    void reported(@Observes BotActivity.RoutesReported reported) {
        byAccount
                .computeIfAbsent(reported.accountId(), id -> new ConcurrentHashMap<>())
                .put(reported.botId(), new BotRoutes(reported.botId(), List.copyOf(reported.routes())));
    }

    void statusChanged(@Observes BotActivity.StatusChanged changed) {
        if (changed.status() == Bot.Status.RUNNING) {
            return;
        }
        byAccount.computeIfPresent(changed.accountId(), (id, bots) -> {
            bots.remove(changed.botId());
            return bots.isEmpty() ? null : bots;
        });
    }
}
