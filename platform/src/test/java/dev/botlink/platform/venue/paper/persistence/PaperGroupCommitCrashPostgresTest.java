package dev.botlink.platform.venue.paper.persistence;

import dev.botlink.platform.persistence.PostgresTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The crash story on a real PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresTestProfile.class)
class PaperGroupCommitCrashPostgresTest extends PaperGroupCommitCrashTest {}
