package dev.botlink.platform.trading;

import dev.botlink.platform.bot.BotExchangeCalls;
import dev.botlink.platform.venue.ExchangeClient;
import dev.botlink.platform.venue.LinkExchangeCalls;
import dev.botlink.platform.venue.VenueConfig;
import dev.botlink.platform.venue.VenueListener;
import dev.botlink.platform.venue.account.AccountVenue;
import dev.botlink.platform.venue.account.VenueService;
import dev.botlink.platform.venue.paper.runtime.PaperVenueRuntime;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Each account's venue clients, by the venue names its bots use: a paper venue is the account's
 * {@link PaperVenueRuntime} client (restored from the database, saved as it trades). Bots' exchange calls run here,
 * off the worker connection's thread, on a bounded pool.
 */
@Singleton
public class AccountExchanges implements BotExchangeCalls {

    private final VenueService venues;
    private final PaperVenueRuntime paper;
    private final ExecutorService calls = Executors.newFixedThreadPool(
            4, Thread.ofPlatform().daemon().name("exchange-call-", 0).factory());

    public AccountExchanges(VenueService venues, PaperVenueRuntime paper) {
        this.venues = venues;
        this.paper = paper;
    }

    @Override
    public CompletableFuture<Map<String, Object>> call(
            long accountId, String method, String venue, Map<String, Object> args) {
        return CompletableFuture.supplyAsync(
                () -> new LinkExchangeCalls(name -> client(accountId, name)).call(method, venue, args), calls);
    }

    @Override
    public AutoCloseable subscribeAll(long accountId, VenueListener listener) {
        List<AutoCloseable> handles = new ArrayList<>();
        for (AccountVenue venue : venues.list(accountId)) {
            client(accountId, venue.name).ifPresent(client -> handles.add(client.subscribe(listener)));
        }
        return () -> {
            for (AutoCloseable handle : handles) {
                handle.close();
            }
        };
    }

    /** The account's client for a venue name; empty for an unknown name or a venue without an adapter yet. */
    public Optional<ExchangeClient> client(long accountId, String venueName) {
        return venues.byName(accountId, venueName)
                .map(AccountVenue::config)
                .filter(config -> config.mode() == VenueConfig.Mode.PAPER)
                .map(config -> paper.venue(accountId, config));
    }

    void stop(@Observes ShutdownEvent stopping) {
        calls.shutdownNow();
    }
}
