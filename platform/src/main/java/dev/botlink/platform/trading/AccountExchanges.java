package dev.botlink.platform.trading;

import dev.botlink.platform.bot.BotExchangeCalls;
import dev.botlink.platform.venue.ExchangeClient;
import dev.botlink.platform.venue.LinkExchangeCalls;
import dev.botlink.platform.venue.Rejection;
import dev.botlink.platform.venue.VenueConfig;
import dev.botlink.platform.venue.VenueListener;
import dev.botlink.platform.venue.VenueRejection;
import dev.botlink.platform.venue.VenueResult;
import dev.botlink.platform.venue.account.AccountVenue;
import dev.botlink.platform.venue.account.VenueService;
import dev.botlink.platform.venue.paper.DeferredCommits;
import dev.botlink.platform.venue.paper.runtime.PaperVenueRuntime;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Each account's venue clients, by the venue names its bots use: a paper venue is the account's
 * {@link PaperVenueRuntime} client (restored from the database, saved as it trades). Bots' exchange calls run here,
 * off the worker connection's thread, on a small pool with a bounded queue. A paper call that changed the account is
 * answered once its change is committed, without holding a pool thread meanwhile ({@link DeferredCommits}): the pool
 * only ever does matching work, so group commit's latency does not cap how many calls the platform serves.
 */
@Singleton
public class AccountExchanges implements BotExchangeCalls {

    private final VenueService venues;
    private final PaperVenueRuntime paper;
    /** Calls accepted but not yet running; beyond this a call is refused as rate limited (bots retry). */
    static final int QUEUED_CALLS = 10_000;

    private static final int THREADS = 4;

    private final ExecutorService calls = new ThreadPoolExecutor(
            THREADS,
            THREADS,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUED_CALLS),
            Thread.ofPlatform().daemon().name("exchange-call-", 0).factory());
    /**
     * Sends answers released by a commit, so the committer thread never writes to a worker connection. As many run at
     * once as calls wait for a commit: bounded by the bots' own threads, each of which waits for its answer.
     */
    private final ExecutorService answers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("exchange-answer-", 0).factory());

    public AccountExchanges(VenueService venues, PaperVenueRuntime paper) {
        this.venues = venues;
        this.paper = paper;
    }

    @Override
    public CompletableFuture<Map<String, Object>> call(
            long accountId, String method, String venue, Map<String, Object> args) {
        try {
            return CompletableFuture.supplyAsync(() -> callDeferringCommit(accountId, method, venue, args), calls)
                    .thenCompose(call -> call);
        } catch (RejectedExecutionException busy) {
            return CompletableFuture.completedFuture(VenueResult.failed(
                            null,
                            venue,
                            new VenueRejection(
                                            Rejection.RATE_LIMITED,
                                            "the platform has " + QUEUED_CALLS
                                                    + " exchange calls waiting to run; try again shortly")
                                    .toError(),
                            null)
                    .toLink());
        }
    }

    private CompletableFuture<Map<String, Object>> callDeferringCommit(
            long accountId, String method, String venue, Map<String, Object> args) {
        DeferredCommits commits = new DeferredCommits();
        Map<String, Object> result = DeferredCommits.run(
                commits, () -> new LinkExchangeCalls(name -> client(accountId, name)).call(method, venue, args));
        return commits.saved().thenApplyAsync(saved -> result, answers);
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
        answers.shutdown();
    }
}
