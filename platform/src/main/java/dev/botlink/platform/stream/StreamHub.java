package dev.botlink.platform.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.botlink.platform.account.AccountService;
import dev.botlink.platform.bot.BotActivity;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Singleton;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fans each bot publish out to its account's feed connections as {@code {"type": topic, "data": data}}: the message is
 * built once and queued in every matching connection's {@link Outbox}, so the publishing worker never waits for a
 * reader. A connection's API key rotation closes it at once.
 */
@Singleton
public class StreamHub {

    /** Close code when the API key a connection opened with was rotated (1008: policy violation). */
    static final int KEY_ROTATED = 1008;

    /** One open feed connection; {@code topics} empty means every topic. */
    public record Subscriber(long accountId, Set<String> topics, Outbox outbox) {
        boolean wants(String topic) {
            return topics.isEmpty() || topics.contains(topic);
        }
    }

    private final Map<Long, List<Subscriber>> byAccount = new ConcurrentHashMap<>();
    private final StreamConfig config;
    private final ObjectMapper json;

    public StreamHub(StreamConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    /** Whether the account may open another connection. */
    public boolean hasRoom(long accountId) {
        List<Subscriber> open = byAccount.get(accountId);
        return open == null || open.size() < config.maxConnectionsPerAccount();
    }

    public Subscriber open(long accountId, Set<String> topics, Outbox.Sink sink) {
        Outbox outbox = new Outbox(
                sink, config.bufferChars(), config.maxInFlight(), Outbox.Overflow.DROP_OLDEST, StreamHub::dropped);
        Subscriber subscriber = new Subscriber(accountId, Set.copyOf(topics), outbox);
        byAccount.computeIfAbsent(accountId, id -> new CopyOnWriteArrayList<>()).add(subscriber);
        return subscriber;
    }

    public void close(Subscriber subscriber) {
        subscriber.outbox().close();
        byAccount.computeIfPresent(subscriber.accountId(), (id, open) -> {
            open.remove(subscriber);
            return open.isEmpty() ? null : open;
        });
    }

    /** Open connections of an account (for tests and metrics). */
    public int connections(long accountId) {
        List<Subscriber> open = byAccount.get(accountId);
        return open == null ? 0 : open.size();
    }

    void published(@Observes BotActivity.Published published) {
        List<Subscriber> open = byAccount.get(published.accountId());
        if (open == null) {
            return;
        }
        String message = "{\"type\":" + quote(published.topic()) + ",\"data\":" + published.dataJson() + "}";
        for (Subscriber subscriber : open) {
            if (subscriber.wants(published.topic())) {
                subscriber.outbox().offer(message);
            }
        }
    }

    void rotated(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountService.SecretRotated rotated) {
        if (rotated.secret() != AccountService.SecretKind.API_KEY) {
            return;
        }
        List<Subscriber> open = byAccount.remove(rotated.accountId());
        if (open != null) {
            for (Subscriber subscriber : open) {
                subscriber.outbox().close();
                subscriber.outbox().closeSink(KEY_ROTATED, "the API key was rotated: connect with the new one");
            }
        }
    }

    /** The notice a reader gets before the next message after {@code count} messages were dropped for it. */
    static String dropped(long count) {
        return "{\"type\":\"botlink.dropped\",\"data\":{\"count\":" + count + "}}";
    }

    private String quote(String text) {
        try {
            return json.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
