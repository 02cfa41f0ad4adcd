package dev.botlink.platform.persistence;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Runs a test against a real PostgreSQL (started by scripts/ensure-postgres, which the test command runs first).
 * BOTLINK_TEST_PG_* point it at another server.
 */
public class PostgresTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        String host = env("BOTLINK_TEST_PG_HOST", "127.0.0.1");
        String port = env("BOTLINK_TEST_PG_PORT", "5432");
        String db = env("BOTLINK_TEST_PG_DB", "botlink_test");
        return Map.of(
                "quarkus.datasource.db-kind",
                "postgresql",
                "quarkus.datasource.jdbc.url",
                "jdbc:postgresql://" + host + ":" + port + "/" + db,
                "quarkus.datasource.username",
                env("BOTLINK_TEST_PG_USER", "botlink"),
                "quarkus.datasource.password",
                env("BOTLINK_TEST_PG_PASSWORD", "botlink"),
                "quarkus.flyway.clean-at-start",
                "true",
                "quarkus.flyway.clean-disabled",
                "false");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
