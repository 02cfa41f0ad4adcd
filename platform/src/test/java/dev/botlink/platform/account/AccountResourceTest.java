package dev.botlink.platform.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccountResourceTest {

    @Inject
    AccountService accounts;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theLoginConfigSaysAccountsAreLocal() {
        given().get("/api/auth/config")
                .then()
                .statusCode(200)
                .body("mode", equalTo("local"))
                .body("provider", nullValue());
    }

    @Test
    void signUpLogInAndSeeTheAccountsSecretsAndUrls() {
        Accounts alice = Accounts.signUpFresh();
        alice.request()
                .get("/api/account")
                .then()
                .statusCode(200)
                .body("username", equalTo(alice.username()))
                .body("apiKey", startsWith("blk_"))
                .body("webhookSecret", startsWith("blw_"))
                .body("streamUrl", startsWith("ws://"))
                .body("streamUrl", containsString("/stream?token=blk_"))
                .body("webhookBaseUrl", containsString("/trading/bot/blw_"));
    }

    @Test
    void usernamesAreUniqueAndCaseInsensitive() {
        Accounts bob = Accounts.signUpFresh();
        given().contentType(ContentType.JSON)
                .body(Map.of("username", bob.username().toUpperCase(), "password", "another-password"))
                .post("/api/auth/signup")
                .then()
                .statusCode(409)
                .body("error", equalTo("conflict"))
                .body("message", containsString("taken"));
    }

    @Test
    void badSignUpsSayWhatIsWrong() {
        signUp(Map.of("username", "x", "password", "long-enough-pw"))
                .statusCode(400)
                .body("message", containsString("username"));
        signUp(Map.of("username", "has space", "password", "long-enough-pw")).statusCode(400);
        signUp(Map.of("username", "shortpw", "password", "123"))
                .statusCode(400)
                .body("message", containsString("password"));
        given().contentType(ContentType.JSON)
                .body("{\"username\":")
                .post("/api/auth/signup")
                .then()
                .statusCode(400)
                .body("error", equalTo("bad_request"));
        given().contentType(ContentType.JSON)
                .body("")
                .post("/api/auth/signup")
                .then()
                .statusCode(400);
    }

    @Test
    void aWrongPasswordIsRefusedLikeAnUnknownUser() {
        Accounts carol = Accounts.signUpFresh();
        logIn(carol.username(), "wrong-password")
                .statusCode(401)
                .body("message", equalTo("wrong username or password"));
        logIn("nobody-" + carol.username(), "wrong-password")
                .statusCode(401)
                .body("message", equalTo("wrong username or password"));
    }

    @Test
    void repeatedFailuresAreThrottledEvenForTheRightPassword() {
        Accounts dave = Accounts.signUpFresh();
        for (int i = 0; i < 5; i++) {
            logIn(dave.username(), "guess-" + i).statusCode(401);
        }
        logIn(dave.username(), dave.password())
                .statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("error", equalTo("too_many_requests"));
    }

    @Test
    void requestsWithoutAValidLoginAreUnauthorised() {
        given().get("/api/account").then().statusCode(401).body("error", equalTo("unauthorized"));
        given().header("Authorization", "Bearer bls_not-a-session")
                .get("/api/account")
                .then()
                .statusCode(401)
                .body("error", equalTo("unauthorized"));
    }

    @Test
    void loggingOutEndsTheSession() {
        Accounts erin = Accounts.signUpFresh();
        erin.request().post("/api/auth/logout").then().statusCode(204);
        erin.request().get("/api/account").then().statusCode(401);
    }

    @Test
    void rotatingTheApiKeyRetiresTheOldOneAtOnce() {
        Accounts frank = Accounts.signUpFresh();
        String oldKey = frank.request().get("/api/account").then().extract().path("apiKey");
        String newKey = frank.request()
                .post("/api/account/api-key/rotate")
                .then()
                .statusCode(200)
                .extract()
                .path("apiKey");
        assertThat(newKey).isNotEqualTo(oldKey);
        assertThat(accounts.byApiKey(oldKey)).isEmpty();
        assertThat(accounts.byApiKey(newKey))
                .get()
                .extracting(account -> account.username)
                .isEqualTo(frank.username());
    }

    @Test
    void rotatingTheWebhookSecretRetiresTheOldOneAtOnce() {
        Accounts grace = Accounts.signUpFresh();
        String oldSecret = grace.request().get("/api/account").then().extract().path("webhookSecret");
        String newSecret = grace.request()
                .post("/api/account/webhook-secret/rotate")
                .then()
                .statusCode(200)
                .extract()
                .path("webhookSecret");
        assertThat(newSecret).isNotEqualTo(oldSecret);
        assertThat(accounts.byWebhookSecret(oldSecret)).isEmpty();
        assertThat(accounts.byWebhookSecret(newSecret)).isPresent();
    }

    @Test
    void secretsAndPasswordsAreNotStoredInTheClear() throws Exception {
        Accounts heidi = Accounts.signUpFresh();
        Map<String, Object> view =
                heidi.request().get("/api/account").then().extract().as(Map.class);
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement("select * from accounts where username = ?")) {
            statement.setString(1, heidi.username());
            ResultSet row = statement.executeQuery();
            assertThat(row.next()).isTrue();
            for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                assertThat(String.valueOf(row.getObject(column)))
                        .doesNotContain((String) view.get("apiKey"))
                        .doesNotContain((String) view.get("webhookSecret"))
                        .doesNotContain(heidi.password());
            }
        }
    }

    private static io.restassured.response.ValidatableResponse signUp(Map<String, String> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/auth/signup")
                .then();
    }

    private static io.restassured.response.ValidatableResponse logIn(String username, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .post("/api/auth/login")
                .then();
    }
}
