package dev.botlink.platform.marketdata;

import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moves a {@link SimulatedMarket} along wall-clock time: every {@code period} it publishes what happened since, on
 * one daemon thread named {@code market-data}. Closing stops it (idempotent).
 */
public final class MarketDataDriver implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MarketDataDriver.class.getName());

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "market-data");
        thread.setDaemon(true);
        return thread;
    });

    public MarketDataDriver(SimulatedMarket market, InstantSource clock, Duration period) {
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        market.advanceTo(clock.millis());
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "market data step failed; continuing", e);
                    }
                },
                0,
                period.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
