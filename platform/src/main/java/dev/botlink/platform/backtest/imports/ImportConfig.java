package dev.botlink.platform.backtest.imports;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Caps on imported CSV market data (see docs/backtesting.md). */
@ConfigMapping(prefix = "botlink.backtest.imports")
public interface ImportConfig {

    /**
     * Most bytes of CSV an import may have once decompressed. An upload's body is also bounded by
     * {@code quarkus.http.limits.max-body-size} (2M): larger files are sent gzipped (Content-Encoding: gzip).
     */
    @WithDefault("33554432")
    long maxCsvBytes();

    /** Most rows (trades or candles) an import may have. */
    @WithDefault("500000")
    int maxRows();

    /** Most imports an account may keep. */
    @WithDefault("20")
    int maxPerAccount();
}
