package dev.botlink.platform.venue.paper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * The calls of one paper account that wait for the group commit of their change. A wait ends when a commit covers
 * it, or after the commit timeout: then the caller gets its result anyway (the store is failing; the change is saved
 * when it recovers) and a warning is logged. Waits are futures, so a caller need not hold a thread while it waits
 * (see {@link DeferredCommits}).
 */
final class CommitWaiters {

    private static final Logger LOG = Logger.getLogger(CommitWaiters.class.getName());

    private final String venue;
    /** Pending waits by the change they wait for; at most one entry per change (calls that changed nothing wait on none). */
    private final TreeMap<Long, Wait> waiting = new TreeMap<>();
    /** Changes up to this one are in the store. */
    private volatile long committedSequence;

    private volatile Duration timeout;

    CommitWaiters(String venue) {
        this.venue = venue;
    }

    /** Turns waiting on: until then every wait is over at once (no store). */
    void enable(Duration timeout) {
        this.timeout = timeout;
    }

    /** Completes once changes up to {@code sequence} are in the store, or after the timeout (never exceptionally). */
    CompletableFuture<Void> whenSaved(long sequence) {
        Duration limit = timeout;
        if (limit == null || committedSequence >= sequence) {
            return CompletableFuture.completedFuture(null);
        }
        synchronized (waiting) {
            if (committedSequence >= sequence) {
                return CompletableFuture.completedFuture(null);
            }
            Wait wait = waiting.get(sequence);
            if (wait == null) {
                wait = newWait(sequence, limit);
                waiting.put(sequence, wait);
            }
            return wait.answer();
        }
    }

    /** Changes up to {@code sequence} are in the store: ends the waits they cover. */
    void committed(long sequence) {
        List<CompletableFuture<Void>> done = new ArrayList<>();
        synchronized (waiting) {
            if (sequence > committedSequence) {
                committedSequence = sequence;
            }
            Map<Long, Wait> covered = waiting.headMap(sequence, true);
            covered.values().forEach(wait -> done.add(wait.commit()));
            covered.clear();
        }
        done.forEach(wait -> wait.complete(null));
    }

    private Wait newWait(long sequence, Duration limit) {
        CompletableFuture<Void> commit = new CompletableFuture<>();
        Wait wait = new Wait(
                commit, commit.orTimeout(limit.toNanos(), TimeUnit.NANOSECONDS).exceptionally(failure -> {
                    if (failure instanceof TimeoutException) {
                        LOG.warning("paper venue " + venue + ": no commit within " + limit
                                + "; returning the result before it is saved");
                    }
                    synchronized (waiting) {
                        waiting.remove(sequence);
                    }
                    return null;
                }));
        return wait;
    }

    /** {@code commit} completes with the commit; {@code answer}, given to callers, also ends at the timeout. */
    private record Wait(CompletableFuture<Void> commit, CompletableFuture<Void> answer) {}
}
