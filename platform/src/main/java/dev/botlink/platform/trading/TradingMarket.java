package dev.botlink.platform.trading;

import dev.botlink.platform.marketdata.MarketDataDriver;
import dev.botlink.platform.marketdata.MarketDataSettings;
import dev.botlink.platform.marketdata.SimulatedMarket;
import dev.botlink.platform.venue.paper.PaperMarketData;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The market paper venues trade on: replayed real recordings and synthetic symbols, advanced on the wall clock.
 * Built on first use, so a platform that trades nothing loads no recordings.
 */
@Singleton
public class TradingMarket {

    private static final Logger LOG = Logger.getLogger(TradingMarket.class);
    private static final Duration STEP = Duration.ofMillis(100);

    private final Duration warmUp;
    private SimulatedMarket market;
    private MarketDataDriver driver;

    public TradingMarket(@ConfigProperty(name = "botlink.market-data.warm-up", defaultValue = "PT6H") Duration warmUp) {
        this.warmUp = warmUp;
    }

    public synchronized SimulatedMarket market() {
        if (market == null) {
            Clock clock = Clock.systemUTC();
            long started = System.nanoTime();
            MarketDataSettings defaults = MarketDataSettings.defaults();
            MarketDataSettings settings = new MarketDataSettings(
                    defaults.spreadFraction(),
                    defaults.depthMultiple(),
                    defaults.candleCapacity(),
                    defaults.maxTradesPerAdvance(),
                    warmUp,
                    defaults.seed());
            market = PaperMarketData.standard(clock.millis(), settings);
            driver = new MarketDataDriver(market, clock, STEP);
            LOG.infof(
                    "Paper market data running (%d ms to load the recordings)",
                    (System.nanoTime() - started) / 1_000_000);
        }
        return market;
    }

    synchronized void stop(@Observes ShutdownEvent stopping) {
        if (driver != null) {
            driver.close();
        }
    }
}
