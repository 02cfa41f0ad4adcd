package dev.botlink.platform.account;

import dev.botlink.platform.error.Problem;
import java.util.function.ToLongFunction;

/** Tenant isolation in one place: another account's record is answered exactly like a missing one (404). */
public final class Ownership {

    private Ownership() {}

    /**
     * Returns {@code found} if it belongs to {@code accountId}.
     *
     * @throws Problem.NotFound with {@code notFound} as its message when {@code found} is null or another account's
     */
    public static <T> T requireOwned(long accountId, T found, ToLongFunction<T> owner, String notFound) {
        if (found == null || owner.applyAsLong(found) != accountId) {
            throw new Problem.NotFound(notFound);
        }
        return found;
    }
}
