package dev.botlink.platform.marketplace;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;

/** Limits and cadences of the marketplace (botlink.marketplace.*). */
@ConfigMapping(prefix = "botlink.marketplace")
public interface MarketplaceConfig {

    /** Listings one account may have (listed or not). */
    @WithDefault("20")
    int maxListingsPerAccount();

    /** Deployments one account may have. */
    @WithDefault("10")
    int maxDeploymentsPerAccount();

    /** Running execution bots on this platform instance, reference executions included. */
    @WithDefault("500")
    int maxRunning();

    /** Signals a listing may emit per second; more are dropped with a line in the signal bot's log. */
    @WithDefault("5")
    int signalsPerSecond();

    /** Signals kept per listing for its chart (the oldest go first). */
    @WithDefault("5000")
    int signalsKept();

    /** Equity samples kept per deployment (the oldest go first). */
    @WithDefault("10000")
    int equityKept();

    /** How often a running execution bot is evaluated when no signal arrives. */
    @WithDefault("PT1S")
    Duration evaluateEvery();

    /** How often a deployment's equity is sampled for its performance. */
    @WithDefault("PT1M")
    Duration equityEvery();

    /**
     * How long a listing's computed performance is served before it is computed again: browsing and the leaderboard
     * read every listing's fills and equity samples otherwise.
     */
    @WithDefault("PT10S")
    Duration performanceCacheFor();

    /** The capital performance is measured against (quote currency, e.g. USD). */
    @WithDefault("100000")
    BigDecimal referenceCapital();
}
