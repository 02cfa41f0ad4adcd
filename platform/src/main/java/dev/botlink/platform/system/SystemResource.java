package dev.botlink.platform.system;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** What this Botlink installation is: version and storage, for the IDE's status line and for operators. */
@Path("/api/system")
@Produces(MediaType.APPLICATION_JSON)
public class SystemResource {

    public record SystemInfo(String product, String version, String database) {}

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev")
    String version;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String database;

    @GET
    public SystemInfo info() {
        return new SystemInfo("Botlink", version, database);
    }
}
