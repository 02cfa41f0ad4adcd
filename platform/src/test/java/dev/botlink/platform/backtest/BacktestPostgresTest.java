package dev.botlink.platform.backtest;

import dev.botlink.platform.persistence.PostgresTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The backtest stories of {@link BacktestResourceTest} on a real PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresTestProfile.class)
class BacktestPostgresTest extends BacktestResourceTest {}
