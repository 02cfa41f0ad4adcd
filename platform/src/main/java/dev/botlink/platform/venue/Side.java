package dev.botlink.platform.venue;

import java.util.Locale;

/** Order, fill, position or taker side, spelled the way the Link API spells it: "Buy" or "Sell". */
public enum Side {
    BUY("Buy"),
    SELL("Sell");

    private final String link;

    Side(String link) {
        this.link = link;
    }

    /** The Link API spelling. */
    public String link() {
        return link;
    }

    /** +1 for Buy, -1 for Sell. */
    public int sign() {
        return this == BUY ? 1 : -1;
    }

    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }

    /**
     * Parses "Buy" or "Sell" (any letter case).
     *
     * @throws VenueRejection with {@link Rejection#INVALID_SIDE} for anything else
     */
    public static Side parse(String text) {
        if (text != null) {
            switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "buy":
                    return BUY;
                case "sell":
                    return SELL;
                default:
                    break;
            }
        }
        throw new VenueRejection(Rejection.INVALID_SIDE, "side must be 'Buy' or 'Sell', got " + quote(text));
    }

    static String quote(Object value) {
        return value == null ? "nothing" : "'" + value + "'";
    }
}
