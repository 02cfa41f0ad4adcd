package dev.botlink.platform.venue;

import java.util.Objects;

/**
 * A venue as a user configures it: their own name for it ("BitMEX", "WooPaper"), the exchange it talks to
 * ({@code bitmex}, {@code woo}) and whether orders are simulated ({@link Mode#PAPER}) or sent to the exchange.
 */
public record VenueConfig(String name, String exchangeId, Mode mode) {

    public enum Mode {
        PAPER,
        LIVE
    }

    public VenueConfig {
        Objects.requireNonNull(mode, "mode");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a venue needs a name, e.g. 'BitMEX'");
        }
        if (exchangeId == null || exchangeId.isBlank()) {
            throw new IllegalArgumentException("a venue needs an exchange id, e.g. 'bitmex' or 'woo'");
        }
    }
}
