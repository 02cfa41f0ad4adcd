package dev.botlink.platform.marketdata.runtime;

import dev.botlink.platform.marketdata.MarketDataDriver;
import dev.botlink.platform.marketdata.SimulatedMarket;
import dev.botlink.platform.venue.paper.PaperMarketData;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;

/**
 * The platform's simulated market on wall-clock time. Built on first use (loading the recordings and replaying the
 * warm-up takes a second or two), then moved along by a {@link MarketDataDriver} until shutdown.
 */
@ApplicationScoped
public class SimulatedMarketRuntime {

    private final SimulatedMarket market;
    private final MarketDataDriver driver;

    SimulatedMarketRuntime(MarketDataConfig config) {
        InstantSource clock = InstantSource.system();
        this.market = PaperMarketData.standard(clock.millis(), config.settings());
        this.driver = new MarketDataDriver(market, clock, config.step());
    }

    public SimulatedMarket market() {
        return market;
    }

    @PreDestroy
    void stop() {
        driver.close();
    }
}
