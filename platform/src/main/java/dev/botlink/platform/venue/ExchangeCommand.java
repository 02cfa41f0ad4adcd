package dev.botlink.platform.venue;

import dev.botlink.platform.marketdata.CandleLevel;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * The typed commands of the {@link ExchangeClient} port, one per Link API call that takes arguments. Immutable;
 * required fields are checked on construction (null checks only: venue adapters validate ticks, lots and symbols).
 */
public sealed interface ExchangeCommand {

    /** {@code fetch_candles(venue, sym, level, since)}; {@code since} (epoch ms) may be null for the latest bars. */
    record FetchCandles(String sym, CandleLevel level, Long since) implements ExchangeCommand {
        public FetchCandles {
            Objects.requireNonNull(sym, "sym");
            Objects.requireNonNull(level, "level");
        }
    }

    /**
     * {@code create_limit_order}; {@code postOnly} orders that would take liquidity are rejected. {@code text} is
     * the user's free-form note (BitMEX {@code text}), may be null.
     */
    record CreateLimitOrder(String sym, Side side, BigDecimal size, BigDecimal price, boolean postOnly, String text)
            implements ExchangeCommand {
        public CreateLimitOrder {
            Objects.requireNonNull(sym, "sym");
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(size, "size");
            Objects.requireNonNull(price, "price");
        }
    }

    /** {@code create_market_order}. */
    record CreateMarketOrder(String sym, Side side, BigDecimal size) implements ExchangeCommand {
        public CreateMarketOrder {
            Objects.requireNonNull(sym, "sym");
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(size, "size");
        }
    }

    /**
     * {@code cancel_order}: by {@code orderId}; else every open order of {@code sym}; with neither, every open order
     * of the account. With both, the order must also be on {@code sym}.
     */
    record CancelOrders(String orderId, String sym) implements ExchangeCommand {
        public static CancelOrders all() {
            return new CancelOrders(null, null);
        }
    }

    /** {@code amend_order}: new total size and/or new price (at least one). */
    record AmendOrder(String orderId, BigDecimal size, BigDecimal price) implements ExchangeCommand {
        public AmendOrder {
            Objects.requireNonNull(orderId, "orderId");
        }
    }

    /** {@code call_endpoint(venue, path, version, method, params)}: the venue's native REST API. */
    record CallEndpoint(String path, String version, String method, Map<String, Object> params)
            implements ExchangeCommand {
        public CallEndpoint {
            Objects.requireNonNull(path, "path");
            version = version == null ? "public" : version;
            method = method == null ? "GET" : method;
            params = params == null ? Map.of() : params;
        }
    }
}
