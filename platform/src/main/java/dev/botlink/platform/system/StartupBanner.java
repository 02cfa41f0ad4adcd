package dev.botlink.platform.system;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Tells the person who started the platform where to open the IDE. */
@Singleton
public class StartupBanner {

    private static final Logger LOG = Logger.getLogger(StartupBanner.class);

    void announce(
            @Observes StartupEvent started,
            @ConfigProperty(name = "quarkus.http.host", defaultValue = "localhost") String host,
            @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int port,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String database) {
        String shownHost = host.equals("0.0.0.0") ? "localhost" : host;
        LOG.infof(
                "Botlink is up: open the IDE at http://%s:%d/ (API docs at /q/swagger-ui, health at /q/health; database: %s)",
                shownHost, port, database);
    }
}
