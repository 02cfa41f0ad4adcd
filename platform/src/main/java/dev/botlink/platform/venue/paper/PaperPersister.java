package dev.botlink.platform.venue.paper;

import dev.botlink.platform.venue.Fill;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Persists paper accounts by group commit: matching stays in memory, every change marks its account dirty and wakes
 * the committer thread ({@link #start}), which saves one snapshot per dirty account in one store transaction each
 * and then releases the calls waiting on it. Changes made while a commit runs go into the next one, so under load
 * many calls share one commit and the database sees a bounded number of writes however fast accounts trade.
 *
 * <p>A Link call that changed state returns only after a commit that includes its change (see
 * {@link PaperExchangeClient#enableGroupCommit}), so an acknowledged order, fill or position survives a crash. When a
 * save fails the account stays dirty and the snapshot's fills are carried into the next attempt (at most
 * {@link PaperExchangeClient#MAX_UNSAVED_FILLS} per account), retried every {@code retryInterval}. Without
 * {@link #start} (tests, tools) nothing is saved until {@link #flushDirty()} is called.
 */
public final class PaperPersister {

    private static final Logger LOG = Logger.getLogger(PaperPersister.class.getName());

    private final PaperStateStore store;
    private final Map<String, PaperExchangeClient> accounts = new ConcurrentHashMap<>();
    private final Map<String, List<Fill>> carriedFills = new ConcurrentHashMap<>();
    private final Map<String, List<PaperSnapshot.FinishedOrderRow>> carriedFinished = new ConcurrentHashMap<>();
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile Thread committer;
    private volatile boolean running;
    /** The last save failed: wait a retry interval before the next attempt instead of retrying on every change. */
    private volatile boolean failing;

    private Duration commitTimeout;

    public PaperPersister(PaperStateStore store) {
        this.store = store;
    }

    /**
     * Starts the committer thread: from now on, attached accounts' Link calls wait (at most {@code commitTimeout})
     * for the commit of their change, and failed saves are retried every {@code retryInterval}.
     */
    public synchronized void start(Duration commitTimeout, Duration retryInterval) {
        if (running) {
            return;
        }
        this.commitTimeout = commitTimeout;
        running = true;
        long retryNanos = retryInterval.toNanos();
        Thread thread = new Thread(() -> commitLoop(retryNanos), "paper-group-commit");
        thread.setDaemon(true);
        committer = thread;
        accounts.values().forEach(client -> client.enableGroupCommit(this::wake, commitTimeout));
        thread.start();
    }

    /** Stops the committer and saves what is still dirty (a clean shutdown). */
    public void stop() {
        stopWithoutSaving();
        flushDirty();
    }

    /**
     * Stops the committer without a last save, as a crash would: only what was committed before survives. Waiting
     * calls are released by their timeout.
     */
    public void stopWithoutSaving() {
        Thread thread;
        synchronized (this) {
            running = false;
            thread = committer;
            committer = null;
        }
        if (thread != null) {
            LockSupport.unpark(thread);
            try {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Tracks {@code client} under {@code venueKey}, first restoring its saved state if there is one. */
    public synchronized PaperExchangeClient attach(String venueKey, PaperExchangeClient client) {
        store.load(venueKey).ifPresent(client::restore);
        accounts.put(venueKey, client);
        if (running) {
            client.enableGroupCommit(this::wake, commitTimeout);
        }
        return client;
    }

    /** Stops tracking {@code venueKey} after saving it one last time. */
    public synchronized void detach(String venueKey) {
        PaperExchangeClient client = accounts.get(venueKey);
        if (client != null) {
            save(venueKey, client);
            accounts.remove(venueKey);
        }
    }

    /** Saves every changed account; returns how many were saved. A failure is logged and retried later. */
    public synchronized int flushDirty() {
        int saved = 0;
        for (Map.Entry<String, PaperExchangeClient> account : accounts.entrySet()) {
            if (account.getValue().isDirty() && save(account.getKey(), account.getValue())) {
                saved++;
            }
        }
        return saved;
    }

    /** Asks the committer for a commit soon (cheap when one is already asked for). */
    void wake() {
        if (!pending.get() && pending.compareAndSet(false, true)) {
            Thread thread = committer;
            if (thread != null) {
                LockSupport.unpark(thread);
            }
        }
    }

    private void commitLoop(long retryNanos) {
        while (running) {
            if (failing) {
                long until = System.nanoTime() + retryNanos;
                for (long left = retryNanos; running && left > 0; left = until - System.nanoTime()) {
                    LockSupport.parkNanos(this, left);
                }
                pending.set(false);
            } else if (!pending.getAndSet(false)) {
                LockSupport.parkNanos(this, retryNanos);
                pending.set(false);
            }
            if (!running) {
                return;
            }
            try {
                flushDirty();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "paper group commit failed; retrying", e);
            }
        }
    }

    private boolean save(String venueKey, PaperExchangeClient client) {
        PaperExchangeClient.PendingSave pendingSave = client.snapshotForSave(venueKey);
        PaperSnapshot snapshot = withCarried(pendingSave.snapshot());
        try {
            store.save(snapshot);
            carriedFills.remove(venueKey);
            carriedFinished.remove(venueKey);
            failing = false;
            client.committed(pendingSave.changeSequence());
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "saving paper venue " + venueKey + " failed; retrying", e);
            List<Fill> fills = snapshot.newFills();
            int keep = Math.min(fills.size(), PaperExchangeClient.MAX_UNSAVED_FILLS);
            carriedFills.put(venueKey, List.copyOf(fills.subList(fills.size() - keep, fills.size())));
            List<PaperSnapshot.FinishedOrderRow> finished = snapshot.finishedOrders();
            int kept = Math.min(finished.size(), PaperSnapshot.FINISHED_ORDERS_KEPT);
            carriedFinished.put(venueKey, List.copyOf(finished.subList(finished.size() - kept, finished.size())));
            client.markDirty();
            failing = true;
            return false;
        }
    }

    /** {@code snapshot} with the fills and finished orders of failed saves before it. */
    private PaperSnapshot withCarried(PaperSnapshot snapshot) {
        List<Fill> carried = carriedFills.get(snapshot.venueKey());
        List<PaperSnapshot.FinishedOrderRow> carriedOrders = carriedFinished.get(snapshot.venueKey());
        if (carried == null && carriedOrders == null) {
            return snapshot;
        }
        List<Fill> fills = new ArrayList<>(carried == null ? List.of() : carried);
        fills.addAll(snapshot.newFills());
        List<PaperSnapshot.FinishedOrderRow> finished =
                new ArrayList<>(carriedOrders == null ? List.of() : carriedOrders);
        finished.addAll(snapshot.finishedOrders());
        return new PaperSnapshot(
                snapshot.venueKey(),
                snapshot.exchangeId(),
                snapshot.venueName(),
                snapshot.balances(),
                snapshot.positions(),
                snapshot.openOrders(),
                finished,
                fills);
    }
}
