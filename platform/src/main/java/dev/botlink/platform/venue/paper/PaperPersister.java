package dev.botlink.platform.venue.paper;

import dev.botlink.platform.venue.Fill;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Batches persistence of paper accounts: matching stays in memory, and {@link #flushDirty()} (called on a timer by
 * the runtime, and on shutdown) saves a snapshot of every account that changed since its last one. When a save
 * fails, the account stays dirty and the snapshot's fills are carried into the next attempt (at most
 * {@link PaperExchangeClient#MAX_UNSAVED_FILLS} per account), so a database hiccup loses no history.
 */
public final class PaperPersister {

    private static final Logger LOG = Logger.getLogger(PaperPersister.class.getName());

    private final PaperStateStore store;
    private final Map<String, PaperExchangeClient> accounts = new ConcurrentHashMap<>();
    private final Map<String, List<Fill>> carriedFills = new ConcurrentHashMap<>();

    public PaperPersister(PaperStateStore store) {
        this.store = store;
    }

    /** Tracks {@code client} under {@code venueKey}, first restoring its saved state if there is one. */
    public PaperExchangeClient attach(String venueKey, PaperExchangeClient client) {
        store.load(venueKey).ifPresent(client::restore);
        accounts.put(venueKey, client);
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

    /** Saves every changed account; returns how many were saved. A failure is logged and retried next time. */
    public synchronized int flushDirty() {
        int saved = 0;
        for (Map.Entry<String, PaperExchangeClient> account : accounts.entrySet()) {
            if (account.getValue().isDirty() && save(account.getKey(), account.getValue())) {
                saved++;
            }
        }
        return saved;
    }

    private boolean save(String venueKey, PaperExchangeClient client) {
        PaperSnapshot snapshot = withCarriedFills(client.snapshot(venueKey));
        try {
            store.save(snapshot);
            carriedFills.remove(venueKey);
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "saving paper venue " + venueKey + " failed; retrying at the next flush", e);
            List<Fill> fills = snapshot.newFills();
            int keep = Math.min(fills.size(), PaperExchangeClient.MAX_UNSAVED_FILLS);
            carriedFills.put(venueKey, List.copyOf(fills.subList(fills.size() - keep, fills.size())));
            client.markDirty();
            return false;
        }
    }

    private PaperSnapshot withCarriedFills(PaperSnapshot snapshot) {
        List<Fill> carried = carriedFills.get(snapshot.venueKey());
        if (carried == null) {
            return snapshot;
        }
        List<Fill> fills = new ArrayList<>(carried);
        fills.addAll(snapshot.newFills());
        return new PaperSnapshot(
                snapshot.venueKey(),
                snapshot.exchangeId(),
                snapshot.venueName(),
                snapshot.balances(),
                snapshot.positions(),
                snapshot.openOrders(),
                fills);
    }
}
