package dev.botlink.sandbox.host;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Which bots of an account listen on which channel. Bounded: a bot may listen on a limited number of channels. */
final class RedisRouter {
    static final int MAX_CHANNELS_PER_BOT = 64;

    private final Map<String, Map<String, Set<String>>> byAccount = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> channelsOfBot = new ConcurrentHashMap<>();

    void subscribe(String account, String channel, String bot) {
        if (channel == null || channel.isEmpty()) {
            return;
        }
        var channels = channelsOfBot.computeIfAbsent(bot, b -> ConcurrentHashMap.newKeySet());
        if (channels.size() >= MAX_CHANNELS_PER_BOT && !channels.contains(channel)) {
            return;
        }
        channels.add(channel + "\u0000" + account);
        byAccount
                .computeIfAbsent(account, a -> new ConcurrentHashMap<>())
                .computeIfAbsent(channel, c -> ConcurrentHashMap.newKeySet())
                .add(bot);
    }

    List<String> subscribers(String account, String channel) {
        var channels = byAccount.get(account);
        var bots = channels == null ? null : channels.get(channel);
        return bots == null ? List.of() : List.copyOf(bots);
    }

    void forget(String bot) {
        var channels = channelsOfBot.remove(bot);
        if (channels == null) {
            return;
        }
        for (String key : channels) {
            String[] parts = key.split("\u0000", 2);
            var accountChannels = byAccount.get(parts[1]);
            if (accountChannels != null && accountChannels.containsKey(parts[0])) {
                accountChannels.get(parts[0]).remove(bot);
            }
        }
    }
}
