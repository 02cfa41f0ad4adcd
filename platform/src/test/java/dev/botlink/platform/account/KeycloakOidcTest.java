package dev.botlink.platform.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.botlink.platform.stream.WsClient;
import dev.botlink.platform.testing.BrowserScript;
import dev.botlink.platform.testing.KeycloakServer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * OIDC mode against a real Keycloak (one start for the whole class): Keycloak users log in with the provider's access
 * tokens, get a Botlink account with its defaults on first use, and local sign-up and login are refused. The IDE's
 * channel takes the provider's tokens, and the web IDE logs in through Keycloak's own login page in a real browser.
 */
@QuarkusTest
@TestProfile(KeycloakProfile.class)
@EnabledIf(
        value = "dev.botlink.platform.testing.KeycloakServer#distributionPresent",
        disabledReason = "no Keycloak distribution under target/keycloak: the build could not resolve"
                + " org.keycloak:keycloak-quarkus-dist:zip (or ran with -DskipKeycloak)")
class KeycloakOidcTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realmUrl;

    @TestHTTPResource("/")
    URL base;

    @Test
    void aKeycloakUserGetsAnAccountWithDefaultsOnFirstUseAndKeepsIt() {
        String token = passwordGrant("alice", "alice-pass-1");
        String apiKey = bearer(token)
                .get("/api/account")
                .then()
                .statusCode(200)
                .body("username", equalTo("alice"))
                .body("apiKey", startsWith("blk_"))
                .body("webhookSecret", startsWith("blw_"))
                .extract()
                .path("apiKey");
        bearer(token).get("/api/venues").then().statusCode(200).body("name", equalTo(List.of("BitMEX", "WooPaper")));

        String again = passwordGrant("alice", "alice-pass-1");
        bearer(again).get("/api/account").then().statusCode(200).body("apiKey", equalTo(apiKey));
        bearer(again).get("/api/venues").then().body("$", hasSize(2));
    }

    @Test
    void filesBelongToTheKeycloakUserWhoSavedThem() {
        String alice = passwordGrant("alice", "alice-pass-1");
        String bob = passwordGrant("bob", "bob-pass-1");
        bearer(alice)
                .contentType(ContentType.JSON)
                .body(Map.of("content", "print('hi')\n"))
                .put("/api/files/oidc/hello.py")
                .then()
                .statusCode(200);
        bearer(alice).get("/api/files/oidc/hello.py").then().statusCode(200).body("content", equalTo("print('hi')\n"));
        bearer(alice).get("/api/files").then().statusCode(200).body("path", hasItem("oidc/hello.py"));

        bearer(bob).get("/api/account").then().statusCode(200).body("username", equalTo("bob"));
        bearer(bob).get("/api/files/oidc/hello.py").then().statusCode(404);
        bearer(bob).get("/api/files").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void badOrMissingTokensAre401() {
        String token = passwordGrant("alice", "alice-pass-1");
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        bearer(tampered).get("/api/account").then().statusCode(401);
        bearer("not-a-jwt").get("/api/files").then().statusCode(401);
        given().get("/api/account").then().statusCode(401);
    }

    @Test
    void localSignUpAndLoginAreRefusedWithAReason() {
        Map<String, String> credentials = Map.of("username", "carol", "password", "carol-pass-1");
        given().contentType(ContentType.JSON)
                .body(credentials)
                .post("/api/auth/signup")
                .then()
                .statusCode(403)
                .body("error", equalTo("forbidden"))
                .body("message", containsString("local sign-up is off"))
                .body("message", containsString(realmUrl));
        given().contentType(ContentType.JSON)
                .body(Map.of("username", "alice", "password", "alice-pass-1"))
                .post("/api/auth/login")
                .then()
                .statusCode(403)
                .body("message", containsString("local login is off"));
    }

    @Test
    void theLoginConfigNamesTheProviderAndClientForTheIde() {
        given().get("/api/auth/config")
                .then()
                .statusCode(200)
                .body("mode", equalTo("oidc"))
                .body("provider", equalTo(realmUrl))
                .body("clientId", equalTo(KeycloakServer.CLIENT_ID));
    }

    @Test
    void theIdeChannelTakesTheProvidersAccessTokenAndRefusesATamperedOne() {
        String token = passwordGrant("alice", "alice-pass-1");
        try (WsClient channel = WsClient.connect("/api/ide/channel?token=" + token)) {
            assertThat(channel.closed()).isNotDone();
        }
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThat(WsClient.refusal("/api/ide/channel?token=" + tampered)).isEqualTo(401);
        assertThat(WsClient.refusal("/api/ide/channel?token=not-a-jwt")).isEqualTo(401);
    }

    @Test
    void theIdeLogsInThroughKeycloakInABrowser() throws Exception {
        BrowserScript.run("oidc", "oidc-e2e", base, Map.of("OIDC_USER", "bob", "OIDC_PASSWORD", "bob-pass-1"));
    }

    @Test
    void keycloakRefusesAWrongPassword() throws Exception {
        HttpResponse<String> refused = tokenRequest("alice", "wrong-password");
        assertThat(refused.statusCode()).isBetween(400, 401);
        assertThat(refused.body()).contains("invalid_grant");
    }

    private static RequestSpecification bearer(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    /** An access token from Keycloak's token endpoint, through the password grant, over real HTTP. */
    private String passwordGrant(String username, String password) {
        try {
            HttpResponse<String> response = tokenRequest(username, password);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body()).get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak's token endpoint did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> tokenRequest(String username, String password)
            throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=" + KeycloakServer.CLIENT_ID + "&scope=openid&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
