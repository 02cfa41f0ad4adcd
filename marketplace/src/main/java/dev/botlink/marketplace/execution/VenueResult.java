package dev.botlink.marketplace.execution;

import java.math.BigDecimal;
import java.util.Objects;

/** The outcome of one {@link OrderIntent}, reported by the platform after the venue answered. */
public sealed interface VenueResult {

    /** The id of the intent this result answers. */
    String intentId();

    /** The venue took the intent; for a market order it is fully filled. */
    record Accepted(String intentId) implements VenueResult {
        public Accepted {
            Objects.requireNonNull(intentId, "intentId is missing");
        }
    }

    /**
     * The venue took the order but filled only part of it so far; for a market order the rest was
     * cancelled. The filled part is already in the next {@link AccountState}.
     */
    record PartiallyFilled(String intentId, BigDecimal filledSize) implements VenueResult {
        public PartiallyFilled {
            Objects.requireNonNull(intentId, "intentId is missing");
            Decimals.positive(filledSize, "filledSize");
        }
    }

    /** The venue refused the intent. */
    record Rejected(String intentId, VenueError error, String message) implements VenueResult {
        public Rejected {
            Objects.requireNonNull(intentId, "intentId is missing");
            Objects.requireNonNull(error, "error is missing");
            Objects.requireNonNull(message, "message is missing");
        }
    }
}
