package dev.botlink.platform.venue.paper.runtime;

import dev.botlink.platform.marketdata.runtime.SimulatedMarketRuntime;
import dev.botlink.platform.venue.VenueConfig;
import dev.botlink.platform.venue.paper.PaperExchangeClient;
import dev.botlink.platform.venue.paper.PaperPersister;
import dev.botlink.platform.venue.paper.persistence.JdbcPaperStateStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The paper venues of this platform instance: one {@link PaperExchangeClient} per account and venue name, restored
 * from the database on first use, trading on the {@link SimulatedMarketRuntime}, saved by group commit (a call that
 * changed an account returns once its change is in the database; see {@link PaperPersister}) and on shutdown.
 */
@ApplicationScoped
public class PaperVenueRuntime {

    private final PaperConfig config;
    private final SimulatedMarketRuntime market;
    private final PaperPersister persister;
    private final Map<String, PaperExchangeClient> venues = new ConcurrentHashMap<>();

    PaperVenueRuntime(PaperConfig config, SimulatedMarketRuntime market, DataSource dataSource) {
        this.config = config;
        this.market = market;
        this.persister = new PaperPersister(new JdbcPaperStateStore(dataSource));
        persister.start(config.commitTimeout(), config.flushInterval());
    }

    /**
     * The paper venue {@code venue} (a paper-mode config) of account {@code accountId}: the same client for the same
     * account and venue name.
     *
     * @throws IllegalArgumentException if {@code venue} is not a simulated paper venue
     * @throws IllegalStateException if {@code botlink.paper.max-open-venues} are already open
     */
    public PaperExchangeClient venue(long accountId, VenueConfig venue) {
        String key = accountId + "/" + venue.name();
        return venues.computeIfAbsent(key, ignored -> {
            if (venues.size() >= config.maxOpenVenues()) {
                throw new IllegalStateException(
                        "already " + venues.size() + " paper venues open (botlink.paper.max-open-venues)");
            }
            PaperExchangeClient client =
                    new PaperExchangeClient(venue, market.market(), InstantSource.system(), config.settings());
            return persister.attach(key, client);
        });
    }

    /** Saves every changed paper account now; returns how many. */
    public int flush() {
        return persister.flushDirty();
    }

    @PreDestroy
    void stop() {
        persister.stop();
        venues.values().forEach(PaperExchangeClient::close);
    }
}
