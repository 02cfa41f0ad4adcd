package dev.botlink.platform.venue.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.botlink.platform.account.Accounts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class VenueResourceTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyNewAccountHasTheTwoPaperVenues() {
        Accounts alice = Accounts.signUpFresh();
        alice.request()
                .get("/api/venues")
                .then()
                .statusCode(200)
                .body("name", containsInAnyOrder("BitMEX", "WooPaper"))
                .body("exchange", containsInAnyOrder("bitmex", "woo"))
                .body("mode", containsInAnyOrder("paper", "paper"));
    }

    @Test
    void addAPaperVenueAndDeleteIt() {
        Accounts bob = Accounts.signUpFresh();
        int id = create(bob, venue("BitMEX-Test", "bitmex", "paper", null, null))
                .statusCode(201)
                .body("name", equalTo("BitMEX-Test"))
                .body("hasApiKey", equalTo(false))
                .extract()
                .path("id");
        bob.request().get("/api/venues/" + id).then().statusCode(200).body("exchange", equalTo("bitmex"));
        bob.request().delete("/api/venues/" + id).then().statusCode(204);
        bob.request().get("/api/venues/" + id).then().statusCode(404).body("error", equalTo("not_found"));
    }

    @Test
    void liveVenueKeysAreWriteOnlyAndSealedAtRest() throws Exception {
        Accounts carol = Accounts.signUpFresh();
        String key = "LIVEKEY" + System.nanoTime();
        String secret = "LIVESECRET" + System.nanoTime();
        String body = create(carol, venue("BitMEX-Pro", "bitmex", "live", key, secret))
                .statusCode(201)
                .body("hasApiKey", equalTo(true))
                .extract()
                .asString();
        assertThat(body).doesNotContain(key).doesNotContain(secret);
        assertThat(carol.request().get("/api/venues").asString())
                .doesNotContain(key)
                .doesNotContain(secret);
        try (var connection = dataSource.getConnection();
                var rows = connection.createStatement().executeQuery("select * from account_venues")) {
            while (rows.next()) {
                for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                    assertThat(String.valueOf(rows.getObject(column)))
                            .doesNotContain(key)
                            .doesNotContain(secret);
                }
            }
        }
    }

    @Test
    void badVenuesSayWhatIsWrong() {
        Accounts dave = Accounts.signUpFresh();
        create(dave, venue("X", "kraken", "paper", null, null))
                .statusCode(400)
                .body("message", containsString("paper trading simulates"));
        create(dave, venue("X", "bitmex", "demo", null, null))
                .statusCode(400)
                .body("message", containsString("'paper' or 'live'"));
        create(dave, venue("X", "bybit", "live", null, null))
                .statusCode(400)
                .body("message", containsString("apiKey and apiSecret"));
        create(dave, venue("X", "woo", "paper", "k", "s"))
                .statusCode(400)
                .body("message", containsString("leave apiKey"));
        create(dave, venue("", "woo", "paper", null, null))
                .statusCode(400)
                .body("message", containsString("venue name"));
        create(dave, venue("BitMEX", "bitmex", "paper", null, null))
                .statusCode(409)
                .body("error", equalTo("conflict"));
        dave.request()
                .contentType(ContentType.JSON)
                .body("{\"name\": 1,")
                .post("/api/venues")
                .then()
                .statusCode(400);
        dave.request().get("/api/venues").then().body("$", hasSize(2));
    }

    @Test
    void anotherAccountCannotSeeOrDeleteMyVenues() {
        Accounts owner = Accounts.signUpFresh();
        Accounts intruder = Accounts.signUpFresh();
        int id = create(owner, venue("Mine", "woo", "paper", null, null))
                .extract()
                .path("id");
        intruder.request().get("/api/venues/" + id).then().statusCode(404);
        intruder.request().delete("/api/venues/" + id).then().statusCode(404);
        intruder.request().get("/api/venues").then().body("name", containsInAnyOrder("BitMEX", "WooPaper"));
        owner.request().get("/api/venues/" + id).then().statusCode(200);
    }

    private static Map<String, String> venue(
            String name, String exchange, String mode, String apiKey, String apiSecret) {
        Map<String, String> body = new HashMap<>();
        body.put("name", name);
        body.put("exchange", exchange);
        body.put("mode", mode);
        body.put("apiKey", apiKey);
        body.put("apiSecret", apiSecret);
        return body;
    }

    private static io.restassured.response.ValidatableResponse create(Accounts account, Map<String, String> body) {
        return account.request()
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/venues")
                .then();
    }
}
