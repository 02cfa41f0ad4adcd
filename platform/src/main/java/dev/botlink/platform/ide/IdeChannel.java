package dev.botlink.platform.ide;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.botlink.platform.backtest.BacktestActivity;
import dev.botlink.platform.bot.Bot;
import dev.botlink.platform.bot.BotActivity;
import dev.botlink.platform.bot.BotExchangeCalls;
import dev.botlink.platform.stream.Outbox;
import dev.botlink.platform.venue.VenueEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Feeds the IDE channel (contract: docs/api.md, "IDE channel"): bot status changes, log lines and publishes from the
 * bots, and order, fill and position updates from the account's venues, each numbered in the account's
 * {@link IdeJournal}. Venue updates are followed from an account's first bot start or first IDE connection; the
 * subscription is renewed at every bot start so new venues are included.
 */
@Singleton
public class IdeChannel {

    private static final Logger LOG = Logger.getLogger(IdeChannel.class);

    private final IdeConfig config;
    private final ObjectMapper json;
    private final BotExchangeCalls venues;
    private final Map<Long, IdeJournal> journals = new ConcurrentHashMap<>();
    private final Map<Long, Long> botAccounts = new ConcurrentHashMap<>();
    private final Map<Long, AutoCloseable> venueFeeds = new ConcurrentHashMap<>();
    private final Set<Long> venueRenewals = ConcurrentHashMap.newKeySet();
    private final ExecutorService subscriber = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("ide-venue-subscriber").factory());

    public IdeChannel(IdeConfig config, ObjectMapper json, BotExchangeCalls venues) {
        this.config = config;
        this.json = json;
        this.venues = venues;
    }

    /** Opens a reader on the account's events, replaying those after {@code since} (or a reset). */
    public Outbox open(long accountId, OptionalLong since, Outbox.Sink sink) {
        Outbox outbox = new Outbox(sink, config.bufferChars(), 64, Outbox.Overflow.CLOSE, count -> "");
        journal(accountId)
                .attach(
                        outbox,
                        since,
                        seq -> render(seq, "reset", null, Instant.now(), "{}"),
                        config.bufferChars() / 2);
        if (!venueFeeds.containsKey(accountId)) {
            renewVenues(accountId);
        }
        return outbox;
    }

    public void close(long accountId, Outbox outbox) {
        outbox.close();
        IdeJournal journal = journals.get(accountId);
        if (journal != null) {
            journal.detach(outbox);
        }
    }

    public boolean hasRoom(long accountId) {
        IdeJournal journal = journals.get(accountId);
        return journal == null || journal.readers() < config.maxConnectionsPerAccount();
    }

    void statusChanged(@Observes BotActivity.StatusChanged changed) {
        botAccounts.put(changed.botId(), changed.accountId());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", changed.status().name());
        data.put("reason", changed.reason());
        append(changed.accountId(), "bot.status", changed.botId(), changed.at(), data);
        if (changed.status() == Bot.Status.STARTING) {
            renewVenues(changed.accountId());
        }
    }

    void logged(@Observes BotActivity.Logged line) {
        Long accountId = botAccounts.get(line.botId());
        if (accountId == null) {
            accountId = accountOf(line.botId());
            if (accountId == null) {
                return;
            }
            botAccounts.put(line.botId(), accountId);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", line.id());
        data.put("time", line.at().toString());
        data.put("level", line.level());
        data.put("message", line.message());
        append(accountId, "bot.log", line.botId(), line.at(), data);
    }

    void published(@Observes BotActivity.Published published) {
        String data = "{\"topic\":" + text(published.topic()) + ",\"data\":" + published.dataJson() + "}";
        Instant now = Instant.now();
        journal(published.accountId()).append(seq -> render(seq, "publish", published.botId(), now, data));
    }

    void signalled(@Observes BotActivity.Signalled signalled) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("src", signalled.src());
        data.put("sym", signalled.sym());
        data.putAll(signalled.fields());
        append(signalled.accountId(), "signal", signalled.botId(), Instant.now(), data);
    }

    void backtest(@Observes BacktestActivity progress) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", progress.id());
        data.put("status", progress.status());
        data.put("percent", progress.percent());
        data.put("etaSeconds", progress.etaSeconds());
        append(progress.accountId(), "backtest", null, Instant.now(), data);
    }

    private void venueEvent(long accountId, VenueEvent event) {
        String type =
                switch (event) {
                    case VenueEvent.OrderUpdated order -> "order";
                    case VenueEvent.OrderFilled fill -> "fill";
                    case VenueEvent.PositionUpdated position -> "position";
                    default -> null;
                };
        if (type == null) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("src", event.src());
        data.put("sym", event.sym());
        data.putAll(event.data());
        append(accountId, type, null, Instant.now(), data);
    }

    private void append(long accountId, String type, Long botId, Instant at, Map<String, Object> data) {
        String dataJson = text(data);
        journal(accountId).append(seq -> render(seq, type, botId, at, dataJson));
    }

    private String render(long seq, String type, Long botId, Instant at, String dataJson) {
        return "{\"seq\":" + seq + ",\"type\":\"" + type + "\",\"botId\":" + botId + ",\"time\":\"" + at
                + "\",\"data\":" + dataJson + "}";
    }

    private IdeJournal journal(long accountId) {
        return journals.computeIfAbsent(accountId, id -> new IdeJournal(config.journalEvents(), config.journalChars()));
    }

    /** Subscribes (again) to the account's venues, off the caller's thread: loading a venue may take a while. */
    private void renewVenues(long accountId) {
        if (!venueRenewals.add(accountId)) {
            return;
        }
        subscriber.execute(() -> {
            venueRenewals.remove(accountId);
            try {
                AutoCloseable feed = venues.subscribeAll(accountId, event -> venueEvent(accountId, event));
                closeQuietly(venueFeeds.put(accountId, feed));
            } catch (RuntimeException e) {
                LOG.warnf("Could not follow the venues of account %d for the IDE: %s", accountId, e.getMessage());
            }
        });
    }

    void shutDown(@Observes ShutdownEvent stopping) {
        subscriber.shutdownNow();
        venueFeeds.values().forEach(IdeChannel::closeQuietly);
    }

    private static Long accountOf(long botId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Bot bot = Bot.findById(botId);
            return bot == null ? null : bot.accountId;
        });
    }

    private String text(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(AutoCloseable handle) {
        if (handle == null) {
            return;
        }
        try {
            handle.close();
        } catch (Exception e) {
            LOG.debug("Closing a venue subscription", e);
        }
    }
}
