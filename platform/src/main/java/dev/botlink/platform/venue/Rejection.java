package dev.botlink.platform.venue;

import java.util.Locale;

/**
 * Why a venue refused a call. Codes are stable (clients may switch on {@link #code()}); they are grouped by the
 * stage that refused: validation of the arguments, risk checks against the account, matching against the market,
 * and the account's rate limit.
 */
public enum Rejection {
    MISSING_ARGUMENT(Stage.VALIDATION),
    INVALID_ARGUMENT(Stage.VALIDATION),
    INVALID_SIDE(Stage.VALIDATION),
    NOT_A_NUMBER(Stage.VALIDATION),
    NOT_POSITIVE(Stage.VALIDATION),
    OFF_TICK(Stage.VALIDATION),
    OFF_LOT(Stage.VALIDATION),
    UNKNOWN_SYMBOL(Stage.VALIDATION),
    UNKNOWN_LEVEL(Stage.VALIDATION),
    UNKNOWN_ORDER(Stage.VALIDATION),
    UNKNOWN_ENDPOINT(Stage.VALIDATION),
    UNKNOWN_METHOD(Stage.VALIDATION),
    UNKNOWN_VENUE(Stage.VALIDATION),
    INSUFFICIENT_MARGIN(Stage.RISK),
    TOO_MANY_OPEN_ORDERS(Stage.RISK),
    ORDER_NOT_OPEN(Stage.MATCHING),
    POST_ONLY_WOULD_CROSS(Stage.MATCHING),
    NO_MARKET_DATA(Stage.MATCHING),
    AMEND_BELOW_FILLED(Stage.MATCHING),
    RATE_LIMITED(Stage.RATE_LIMIT);

    /** The stage of a call that can refuse it, in the order they run. */
    public enum Stage {
        RATE_LIMIT,
        VALIDATION,
        RISK,
        MATCHING;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Stage stage;

    Rejection(Stage stage) {
        this.stage = stage;
    }

    public Stage stage() {
        return stage;
    }

    /** Stable lower-case code, e.g. {@code off_tick}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Link API error type: {@code rate_limits} for an exhausted rate limit, {@code api_error} otherwise. */
    public String linkType() {
        return this == RATE_LIMITED ? "rate_limits" : "api_error";
    }
}
