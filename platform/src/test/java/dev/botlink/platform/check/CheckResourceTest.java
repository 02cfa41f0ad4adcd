package dev.botlink.platform.check;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import dev.botlink.platform.account.Accounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Syntax checks go to a real sandbox worker, which parses with GraalPy; the platform never parses user code. */
@QuarkusTest
class CheckResourceTest {

    private static final Duration WORKER_READY = Duration.ofSeconds(300);

    @Test
    void aSyntaxErrorComesBackWithItsLineAndColumn() {
        Accounts alice = Accounts.signUpFresh();
        String source =
                "from profitview import Link\n\nclass Trading(Link):\n    def f(self):\n        if True print(1)\n";

        await().atMost(WORKER_READY).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> alice.request()
                .contentType(ContentType.JSON)
                .body(Map.of("source", source, "file", "bots/bad.py"))
                .post("/api/check")
                .then()
                .statusCode(200)
                .body("errors", hasSize(1))
                .body("errors[0].line", equalTo(5))
                .body("errors[0].column", equalTo(17))
                .body("errors[0].message", startsWith("SyntaxError")));

        alice.request()
                .contentType(ContentType.JSON)
                .body(Map.of("source", "while True:\n    pass\n", "file", "loop.py"))
                .post("/api/check")
                .then()
                .statusCode(200)
                .body("errors", hasSize(0));
    }

    @Test
    void badRequestsAreRefusedWithAMessage() {
        Accounts bob = Accounts.signUpFresh();
        bob.request()
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/check")
                .then()
                .statusCode(400);
        bob.request()
                .contentType(ContentType.JSON)
                .body(Map.of("source", "x = 1\n".repeat(50_000)))
                .post("/api/check")
                .then()
                .statusCode(413)
                .body("error", equalTo("request_entity_too_large"));
    }

    @Test
    void checkingNeedsALogin() {
        io.restassured.RestAssured.given()
                .contentType(ContentType.JSON)
                .body(Map.of("source", "x = 1\n"))
                .post("/api/check")
                .then()
                .statusCode(401);
    }
}
