package dev.botlink.platform.error;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ErrorShapeTest {

    @Test
    void malformedJsonIsABadRequestWithWhereItBroke() {
        given().contentType(ContentType.JSON)
                .body("{\"side\": \"Buy\", \"size\": ")
                .when()
                .post("/test-only/echo")
                .then()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("error", equalTo("bad_request"))
                .body("message", containsString("not valid JSON"))
                .body("message", containsString("line 1"));
    }

    @Test
    void jsonOfTheWrongShapeIsABadRequest() {
        given().contentType(ContentType.JSON)
                .body("{\"side\": \"Buy\", \"size\": \"lots\"}")
                .when()
                .post("/test-only/echo")
                .then()
                .statusCode(400)
                .body("error", equalTo("bad_request"))
                .body("message", containsString("expected shape"));
    }

    @Test
    void rejectedArgumentsSayWhy() {
        given().contentType(ContentType.JSON)
                .body("{\"side\": \"Long\", \"size\": 1}")
                .when()
                .post("/test-only/echo")
                .then()
                .statusCode(400)
                .body("error", equalTo("bad_request"))
                .body("message", equalTo("side must be 'Buy' or 'Sell', not 'Long'"));
    }

    @Test
    void unknownPathIsJsonNotFound() {
        given().when()
                .get("/api/no-such-thing")
                .then()
                .statusCode(404)
                .contentType(ContentType.JSON)
                .body("error", equalTo("not_found"))
                .body("message", containsString("/api/no-such-thing"));
    }

    @Test
    void wrongMethodIsJsonMethodNotAllowed() {
        given().when()
                .delete("/api/system")
                .then()
                .statusCode(405)
                .contentType(ContentType.JSON)
                .body("error", equalTo("method_not_allowed"));
    }

    @Test
    void wrongContentTypeIsJsonUnsupportedMediaType() {
        given().contentType(ContentType.TEXT)
                .body("side=Buy")
                .when()
                .post("/test-only/echo")
                .then()
                .statusCode(415)
                .contentType(ContentType.JSON)
                .body("error", equalTo("unsupported_media_type"));
    }

    @Test
    void validRequestsStillWork() {
        given().contentType(ContentType.JSON)
                .body("{\"side\": \"Sell\", \"size\": 100}")
                .when()
                .post("/test-only/echo")
                .then()
                .statusCode(200)
                .body("size", equalTo(100));
    }
}
