package dev.botlink.platform.venue.paper;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Lets a caller make paper calls without holding its thread while their changes are committed. Inside
 * {@link #run}, a paper call that changed an account returns at once and records its wait here; {@link #saved}
 * completes when every recorded change is in the store (or its wait timed out). Outside {@code run}, paper calls
 * block until their change is committed, as before.
 */
public final class DeferredCommits {

    private static final ScopedValue<DeferredCommits> CURRENT = ScopedValue.newInstance();

    private final List<CompletableFuture<Void>> waits = new ArrayList<>(1);

    /** Runs {@code calls} on this thread with their commit waits recorded in {@code commits} instead of blocking. */
    public static <T> T run(DeferredCommits commits, Supplier<T> calls) {
        return ScopedValue.where(CURRENT, commits).call(calls::get);
    }

    /** Completes once every change recorded so far is committed or its wait timed out; never exceptionally. */
    public CompletableFuture<Void> saved() {
        return switch (waits.size()) {
            case 0 -> CompletableFuture.completedFuture(null);
            case 1 -> waits.getFirst();
            default -> CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new));
        };
    }

    /** The commits of the calls running now, if they run inside {@link #run}. */
    static DeferredCommits current() {
        return CURRENT.isBound() ? CURRENT.get() : null;
    }

    void add(CompletableFuture<Void> wait) {
        if (!wait.isDone()) {
            waits.add(wait);
        }
    }
}
