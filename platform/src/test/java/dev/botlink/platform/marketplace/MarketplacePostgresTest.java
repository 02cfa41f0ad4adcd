package dev.botlink.platform.marketplace;

import dev.botlink.platform.persistence.PostgresTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The marketplace stories of {@link MarketplaceResourceTest} on a real PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresTestProfile.class)
class MarketplacePostgresTest extends MarketplaceResourceTest {}
