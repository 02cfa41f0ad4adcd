package dev.botlink.platform.venue.paper.persistence;

import dev.botlink.platform.persistence.PostgresTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The restart story on a real PostgreSQL (migration V2 and the JDBC store against the production database). */
@QuarkusTest
@TestProfile(PostgresTestProfile.class)
class PaperStateRestartPostgresTest extends PaperStateRestartTest {}
