package dev.botlink.platform.backtest.imports;

import dev.botlink.platform.persistence.PostgresTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The import stories of {@link ImportResourceTest} on a real PostgreSQL (bytea rows, cascades). */
@QuarkusTest
@TestProfile(PostgresTestProfile.class)
class ImportPostgresTest extends ImportResourceTest {}
