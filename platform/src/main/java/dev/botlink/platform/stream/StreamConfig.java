package dev.botlink.platform.stream;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The private websocket feed ({@code /stream}) and the buffers of websocket connections. */
@ConfigMapping(prefix = "botlink.stream")
public interface StreamConfig {

    /** Largest publish (its data as JSON, in bytes); a larger one is refused with a line in the bot's log. */
    @WithDefault("65536")
    int maxMessageBytes();

    /** Characters waiting per connection before the oldest messages are dropped (and counted). */
    @WithDefault("1000000")
    long bufferChars();

    /** Messages handed to a connection's socket at once; the rest wait in the bounded buffer. */
    @WithDefault("64")
    int maxInFlight();

    /** Open feed connections per account; more are refused with 429 before the upgrade. */
    @WithDefault("20")
    int maxConnectionsPerAccount();
}
