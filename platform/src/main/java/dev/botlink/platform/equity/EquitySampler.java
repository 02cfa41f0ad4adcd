package dev.botlink.platform.equity;

import dev.botlink.platform.bot.Bot;
import dev.botlink.platform.bot.BotActivity;
import dev.botlink.platform.trading.AccountExchanges;
import dev.botlink.platform.venue.Balance;
import dev.botlink.platform.venue.ExchangeClient;
import dev.botlink.platform.venue.PositionState;
import dev.botlink.platform.venue.VenueResult;
import dev.botlink.platform.venue.account.VenueService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Samples the equity of every venue of the accounts that run at least one bot, every {@link EquityConfig#every()},
 * stores it (keeping {@link EquityConfig#keep()} samples per series) and announces it to the IDE channel. A bot is not
 * tied to one venue, so its equity curve is its account's: the curve of the venue and currency the chart shows.
 */
@Singleton
public class EquitySampler {

    private static final Logger LOG = Logger.getLogger(EquitySampler.class);

    private final EquityConfig config;
    private final VenueService venues;
    private final AccountExchanges exchanges;
    private final Event<EquitySampled> sampled;
    private final Map<Long, Set<Long>> runningBots = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("equity-sampler").factory());

    public EquitySampler(
            EquityConfig config, VenueService venues, AccountExchanges exchanges, Event<EquitySampled> sampled) {
        this.config = config;
        this.venues = venues;
        this.exchanges = exchanges;
        this.sampled = sampled;
    }

    void start(@Observes StartupEvent started) {
        long every = config.every().toMillis();
        timer.scheduleWithFixedDelay(this::sampleAll, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stopping) {
        timer.shutdownNow();
    }

    void statusChanged(@Observes BotActivity.StatusChanged changed) {
        if (changed.status() == Bot.Status.RUNNING) {
            runningBots
                    .computeIfAbsent(changed.accountId(), account -> ConcurrentHashMap.newKeySet())
                    .add(changed.botId());
        } else if (changed.status() == Bot.Status.STOPPED || changed.status() == Bot.Status.FAILED) {
            runningBots.computeIfPresent(changed.accountId(), (account, bots) -> {
                bots.remove(changed.botId());
                return bots.isEmpty() ? null : bots;
            });
        }
    }

    private void sampleAll() {
        for (Long accountId : List.copyOf(runningBots.keySet())) {
            try {
                sample(accountId);
            } catch (RuntimeException e) {
                // One account's trouble must not stop the others' curves; the next round tries again.
                LOG.warnf("Equity of account %d not sampled: %s", accountId, e.getMessage());
            }
        }
    }

    /** Samples one account's venues now. */
    void sample(long accountId) {
        long now = System.currentTimeMillis();
        List<String> names = QuarkusTransaction.requiringNew()
                .call(() ->
                        venues.list(accountId).stream().map(venue -> venue.name).toList());
        List<EquitySampled> samples = new ArrayList<>();
        for (String name : names) {
            Optional<ExchangeClient> client = exchanges.client(accountId, name);
            if (client.isEmpty()) {
                continue;
            }
            VenueResult<List<Balance>> balances = client.get().fetchBalances();
            VenueResult<List<PositionState>> positions = client.get().fetchPositions();
            if (!balances.isOk() || !positions.isOk()) {
                continue;
            }
            AccountEquity.byCurrency(balances.data(), positions.data())
                    .forEach((currency, equity) ->
                            samples.add(new EquitySampled(accountId, name, currency, now, equity)));
        }
        if (samples.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> samples.forEach(this::store));
        samples.forEach(sampled::fire);
    }

    private void store(EquitySampled sample) {
        VenueEquity row = new VenueEquity();
        row.accountId = sample.accountId();
        row.venue = sample.venue();
        row.currency = sample.currency();
        row.timeMs = sample.timeMs();
        row.equity = sample.equity();
        row.persist();
        long kept = VenueEquity.count(
                "accountId = ?1 and venue = ?2 and currency = ?3",
                sample.accountId(),
                sample.venue(),
                sample.currency());
        if (kept > config.keep()) {
            List<VenueEquity> oldest = VenueEquity.<VenueEquity>find(
                            "accountId = ?1 and venue = ?2 and currency = ?3 order by timeMs desc, id desc",
                            sample.accountId(),
                            sample.venue(),
                            sample.currency())
                    .range(config.keep(), config.keep())
                    .list();
            VenueEquity.delete(
                    "accountId = ?1 and venue = ?2 and currency = ?3 and id <= ?4",
                    sample.accountId(),
                    sample.venue(),
                    sample.currency(),
                    oldest.getFirst().id);
        }
    }

    /** The newest samples of one series, oldest first. */
    public static List<VenueEquity> series(long accountId, String venue, String currency, long sinceMs, int limit) {
        List<VenueEquity> newest = VenueEquity.<VenueEquity>find(
                        "accountId = ?1 and venue = ?2 and currency = ?3 and timeMs >= ?4 order by timeMs desc, id desc",
                        accountId,
                        venue,
                        currency,
                        sinceMs)
                .range(0, limit - 1)
                .list();
        return newest.reversed();
    }

    /** The currencies an account venue has samples in. */
    public static List<String> currencies(long accountId, String venue) {
        return VenueEquity.getEntityManager()
                .createQuery(
                        "select distinct e.currency from VenueEquity e where e.accountId = ?1 and e.venue = ?2 "
                                + "order by e.currency",
                        String.class)
                .setParameter(1, accountId)
                .setParameter(2, venue)
                .getResultList();
    }
}
