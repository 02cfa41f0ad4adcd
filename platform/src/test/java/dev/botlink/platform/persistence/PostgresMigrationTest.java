package dev.botlink.platform.persistence;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(PostgresTestProfile.class)
class PostgresMigrationTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theDatabaseIsARealPostgres() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
    }

    @Test
    void everyMigrationRanSuccessfully() throws SQLException {
        List<String> applied = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                ResultSet rows = connection
                        .createStatement()
                        .executeQuery("select version, success from flyway_schema_history where version is not null"
                                + " order by installed_rank")) {
            while (rows.next()) {
                assertThat(rows.getBoolean("success")).isTrue();
                applied.add(rows.getString("version"));
            }
        }
        assertThat(applied).startsWith("1");
    }

    @Test
    void theMigratedSchemaEnforcesItsConstraints() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            var insert = connection.prepareStatement("insert into accounts (username, password_hash) values (?, ?)");
            insert.setString(1, "alice");
            insert.setString(2, "hash");
            insert.executeUpdate();
            assertThat(org.assertj.core.api.Assertions.catchThrowable(insert::executeUpdate))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("accounts_username_unique");
        }
    }

    @Test
    void healthReportsThePostgresDatasourceUp() {
        given().when().get("/api/system").then().statusCode(200).body("database", equalTo("postgresql"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
