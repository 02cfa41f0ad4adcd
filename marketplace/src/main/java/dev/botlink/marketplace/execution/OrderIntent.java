package dev.botlink.marketplace.execution;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An order command a bot asks the platform to send to the venue. Every intent carries an id that the
 * platform echoes back in the {@link VenueResult} for it.
 */
public sealed interface OrderIntent {

    /** The id the platform quotes when it reports the outcome of this intent. */
    String intentId();

    /** Place a limit order; the intent id doubles as the client order id. */
    record PlaceLimit(String intentId, Side side, BigDecimal price, BigDecimal size) implements OrderIntent {
        public PlaceLimit {
            Objects.requireNonNull(intentId, "intentId is missing");
            Objects.requireNonNull(side, "side is missing");
            Decimals.positive(price, "price");
            Decimals.positive(size, "size");
        }
    }

    /** Place a market order; the intent id doubles as the client order id. */
    record PlaceMarket(String intentId, Side side, BigDecimal size) implements OrderIntent {
        public PlaceMarket {
            Objects.requireNonNull(intentId, "intentId is missing");
            Objects.requireNonNull(side, "side is missing");
            Decimals.positive(size, "size");
        }
    }

    /** Cancel a resting order. */
    record Cancel(String intentId, String orderId) implements OrderIntent {
        public Cancel {
            Objects.requireNonNull(intentId, "intentId is missing");
            Objects.requireNonNull(orderId, "orderId is missing");
        }
    }

    /**
     * Change a resting order: {@code price} is its new limit price, {@code size} its new remaining (open)
     * size. Venues that cannot amend get cancel plus place instead (see {@link ExecutionSettings}).
     */
    record Amend(String intentId, String orderId, BigDecimal price, BigDecimal size) implements OrderIntent {
        public Amend {
            Objects.requireNonNull(intentId, "intentId is missing");
            Objects.requireNonNull(orderId, "orderId is missing");
            Decimals.positive(price, "price");
            Decimals.positive(size, "size");
        }
    }
}
