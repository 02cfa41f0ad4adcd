package dev.botlink.platform.backtest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code botlink.backtest.*}: limits of backtests (see docs/operations.md). */
@ConfigMapping(prefix = "botlink.backtest")
public interface BacktestConfig {

    /** Backtests running at once in this platform instance (each holds a sandbox bot and a core while it runs). */
    @WithDefault("1")
    int maxConcurrent();

    /** Backtests waiting to run in this instance; beyond this a new one is refused with 429. */
    @WithDefault("16")
    int maxQueued();

    /** Backtests one account may have queued or running at once; beyond this a new one is refused with 429. */
    @WithDefault("2")
    int maxPerAccount();

    /** Most time points (distinct trade times) one backtest simulates. */
    @WithDefault("2000000")
    long maxPoints();

    /** Longest wall-clock time one backtest runs; then it ends as failed with the report so far. */
    @WithDefault("PT15M")
    Duration maxRunTime();

    /** How long the script may take to start (its __init__ and on_start) in the worker. */
    @WithDefault("PT3M")
    Duration startTimeout();

    /** Longest wall-clock wait for one step (the worker fails a step earlier when the bot does not settle). */
    @WithDefault("PT60S")
    Duration stepTimeout();

    /**
     * Most time points sent to the bot in one step while it holds no order and no position (1 turns batching off);
     * at most 10,000.
     */
    @WithDefault("1000")
    int pointsPerStep();

    /** Least time between two progress events of one backtest on the IDE channel. */
    @WithDefault("PT0.25S")
    Duration progressInterval();
}
