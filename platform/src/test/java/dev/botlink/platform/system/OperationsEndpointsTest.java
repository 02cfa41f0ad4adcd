package dev.botlink.platform.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void healthIsUpWithTheDatabaseCheck() {
        given().when()
                .get("/q/health")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name.contains('Database') }.status", equalTo("UP"));
    }

    @Test
    void prometheusMetricsAreExported() {
        given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("jvm_memory_used_bytes"))
                .body(containsString("http_server_requests"));
    }

    @Test
    void openApiDocumentDescribesTheApi() {
        given().accept(ContentType.JSON)
                .when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("info.title", equalTo("Botlink API"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/system"));
    }

    @Test
    void swaggerUiIsServed() {
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void theIdeIsServedAtTheRoot() {
        given().when().get("/").then().statusCode(200).body(containsString("<title>Botlink</title>"));
    }

    @Test
    void systemInfoNamesTheDatabase() {
        given().when()
                .get("/api/system")
                .then()
                .statusCode(200)
                .body("product", equalTo("Botlink"))
                .body("database", equalTo("h2"));
    }
}
