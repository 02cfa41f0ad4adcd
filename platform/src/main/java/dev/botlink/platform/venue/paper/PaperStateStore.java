package dev.botlink.platform.venue.paper;

import java.util.Optional;

/**
 * Where paper accounts are kept between restarts. {@link #save} replaces the account's state and appends its new
 * fills atomically; it may be called from a background flusher while the account keeps trading (snapshots are
 * taken under the account's lock, saved outside it). Implementations are thread-safe.
 */
public interface PaperStateStore {

    void save(PaperSnapshot snapshot);

    /** The last saved state of {@code venueKey} ({@code newFills} empty), if any. */
    Optional<PaperSnapshot> load(String venueKey);
}
