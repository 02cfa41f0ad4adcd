package dev.botlink.platform.account;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;

/** Test helper: signs up a fresh account over HTTP and gives requests that carry its login. */
public record Accounts(String username, String password, String token) {

    public static Accounts signUpFresh() {
        String username = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String password = "pw-" + UUID.randomUUID();
        Map<String, String> credentials = Map.of("username", username, "password", password);
        given().contentType(ContentType.JSON)
                .body(credentials)
                .post("/api/auth/signup")
                .then()
                .statusCode(201);
        String token = given().contentType(ContentType.JSON)
                .body(credentials)
                .post("/api/auth/login")
                .then()
                .statusCode(200)
                .extract()
                .path("token");
        return new Accounts(username, password, token);
    }

    public RequestSpecification request() {
        return given().header("Authorization", "Bearer " + token);
    }
}
