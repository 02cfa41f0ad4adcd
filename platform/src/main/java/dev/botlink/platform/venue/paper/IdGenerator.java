package dev.botlink.platform.venue.paper;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Order and trade ids: a random per-engine prefix and a counter, e.g. {@code 3f9a61c2-1a}. Unique across
 * restarts (new prefix) and cheap enough for the matching hot path.
 */
final class IdGenerator {

    private final String prefix;
    private long counter;

    IdGenerator() {
        byte[] bytes = new byte[4];
        new SecureRandom().nextBytes(bytes);
        this.prefix = HexFormat.of().formatHex(bytes) + "-";
    }

    String next() {
        counter++;
        return prefix + Long.toHexString(counter);
    }
}
