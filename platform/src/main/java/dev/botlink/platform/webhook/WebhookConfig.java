package dev.botlink.platform.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Webhooks ({@code /trading/bot/{secret}/...}): limits per request and per account. */
@ConfigMapping(prefix = "botlink.webhooks")
public interface WebhookConfig {

    /** Longest wait for a bot's answer before the caller gets 504. */
    @WithDefault("PT4S")
    Duration timeout();

    /** Largest request body in bytes; larger ones get 413. */
    @WithDefault("65536")
    int maxBodyBytes();

    /** Requests per second an account's webhooks accept on average; more get 429. */
    @WithDefault("20")
    double ratePerSecond();

    /** Requests an account may send at once above the average rate. */
    @WithDefault("40")
    int burst();

    /** Accounts whose request budgets are remembered; the least recently used are forgotten beyond this. */
    @WithDefault("100000")
    int trackedAccounts();
}
