package dev.botlink.platform.ide;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The IDE channel ({@code /api/ide/channel}): how much each account's journal keeps and each connection buffers. */
@ConfigMapping(prefix = "botlink.ide")
public interface IdeConfig {

    /** Events kept per account for resuming after a reconnect. */
    @WithDefault("10000")
    int journalEvents();

    /** Characters of events kept per account (whichever bound is reached first drops the oldest). */
    @WithDefault("4000000")
    long journalChars();

    /** Characters waiting per connection; a reader that falls further behind is disconnected (close code 1008). */
    @WithDefault("8000000")
    long bufferChars();

    /** Open IDE channel connections per account; more are refused with 429 before the upgrade. */
    @WithDefault("10")
    int maxConnectionsPerAccount();
}
