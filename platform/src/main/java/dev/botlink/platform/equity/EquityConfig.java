package dev.botlink.platform.equity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How often the equity of accounts that run bots is sampled, and how much of it is kept. */
@ConfigMapping(prefix = "botlink.equity")
public interface EquityConfig {

    /** Time between two samples of an account's venues while it runs at least one bot. */
    @WithDefault("10s")
    Duration every();

    /** Samples kept per account, venue and currency; older ones are deleted. */
    @WithDefault("20000")
    int keep();
}
