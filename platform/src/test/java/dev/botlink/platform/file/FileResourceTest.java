package dev.botlink.platform.file;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.botlink.platform.account.Accounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FileResourceTest {

    private static final String BOT = "from profitview import Link\n\nclass Trading(Link):\n\tpass\n";

    @Test
    void saveReadAndListFiles() {
        Accounts alice = Accounts.signUpFresh();
        save(alice, "bots/alpha.py", BOT)
                .statusCode(200)
                .body("path", equalTo("bots/alpha.py"))
                .body("version", equalTo(1));
        alice.request()
                .contentType(ContentType.TEXT)
                .body("# notes")
                .put("/api/files/notes.txt")
                .then()
                .statusCode(200);
        alice.request().get("/api/files/bots/alpha.py").then().statusCode(200).body("content", equalTo(BOT));
        alice.request().get("/api/files").then().statusCode(200).body("path", contains("bots/alpha.py", "notes.txt"));
    }

    @Test
    void everySaveIsAVersionAndOldVersionsCanBeRead() {
        Accounts bob = Accounts.signUpFresh();
        save(bob, "bot.py", "v1");
        save(bob, "bot.py", "v2").body("version", equalTo(2));
        bob.request().get("/api/files/bot.py").then().body("content", equalTo("v2"));
        bob.request().get("/api/files/bot.py?version=1").then().statusCode(200).body("content", equalTo("v1"));
        bob.request().get("/api/file-versions/bot.py").then().statusCode(200).body("version", contains(2, 1));
        bob.request().get("/api/files/bot.py?version=9").then().statusCode(404).body("error", equalTo("not_found"));
    }

    @Test
    void deletedFilesLeaveTheirHistoryForRestoring() {
        Accounts carol = Accounts.signUpFresh();
        save(carol, "gone.py", "keep me");
        carol.request().delete("/api/files/gone.py").then().statusCode(204);
        carol.request().get("/api/files/gone.py").then().statusCode(404);
        carol.request().get("/api/files").then().body("$", hasSize(0));
        carol.request().get("/api/file-versions/gone.py").then().body("deleted", contains(true, false));
        carol.request()
                .get("/api/files/gone.py?version=1")
                .then()
                .statusCode(200)
                .body("content", equalTo("keep me"));
        save(carol, "gone.py", "back").body("version", equalTo(3));
    }

    @Test
    void filesMoveWithTheirContent() {
        Accounts dave = Accounts.signUpFresh();
        save(dave, "old.py", BOT);
        dave.request()
                .contentType(ContentType.JSON)
                .body(Map.of("from", "old.py", "to", "dir/new.py"))
                .post("/api/file-moves")
                .then()
                .statusCode(200)
                .body("path", equalTo("dir/new.py"));
        dave.request().get("/api/files/dir/new.py").then().body("content", equalTo(BOT));
        dave.request().get("/api/files/old.py").then().statusCode(404);
        save(dave, "other.py", "x");
        dave.request()
                .contentType(ContentType.JSON)
                .body(Map.of("from", "other.py", "to", "dir/new.py"))
                .post("/api/file-moves")
                .then()
                .statusCode(409)
                .body("message", containsString("exists"));
    }

    @Test
    void oversizeFilesAreRefused() {
        Accounts erin = Accounts.signUpFresh();
        save(erin, "big.py", "#".repeat(256 * 1024 + 1))
                .statusCode(413)
                .body("error", equalTo("request_entity_too_large"))
                .body("message", containsString("at most 262144 bytes"));
        erin.request().get("/api/files").then().body("$", hasSize(0));
    }

    @Test
    void badPathsAreRefused() {
        Accounts frank = Accounts.signUpFresh();
        save(frank, "star*.py", BOT).statusCode(400).body("message", containsString("bad file path"));
        save(frank, "a%2F%2Fb.py", BOT).statusCode(400);
        // Dot segments are resolved by HTTP itself (RFC 3986) before routing, so they cannot leave the tree.
        save(frank, "a/%2E%2E/b.py", BOT).statusCode(200).body("path", equalTo("b.py"));
    }

    @Test
    void malformedBodiesAreRefused() {
        Accounts grace = Accounts.signUpFresh();
        grace.request()
                .contentType(ContentType.JSON)
                .body("{\"content\": ")
                .put("/api/files/x.py")
                .then()
                .statusCode(400)
                .body("error", equalTo("bad_request"));
    }

    @Test
    void anotherAccountCannotSeeOrTouchMyFiles() {
        Accounts owner = Accounts.signUpFresh();
        Accounts intruder = Accounts.signUpFresh();
        save(owner, "secret.py", "mine");
        intruder.request().get("/api/files/secret.py").then().statusCode(404);
        intruder.request().get("/api/files/secret.py?version=1").then().statusCode(404);
        intruder.request().get("/api/file-versions/secret.py").then().statusCode(404);
        intruder.request().delete("/api/files/secret.py").then().statusCode(404);
        intruder.request()
                .contentType(ContentType.JSON)
                .body(Map.of("from", "secret.py", "to", "stolen.py"))
                .post("/api/file-moves")
                .then()
                .statusCode(404);
        intruder.request().get("/api/files").then().body("$", hasSize(0));
        save(intruder, "secret.py", "theirs");
        owner.request()
                .get("/api/files/secret.py")
                .then()
                .body("content", equalTo("mine"))
                .body("version", equalTo(1));
    }

    @Test
    void filesNeedALogin() {
        io.restassured.RestAssured.given().get("/api/files").then().statusCode(401);
    }

    private static io.restassured.response.ValidatableResponse save(Accounts account, String path, String content) {
        return account.request()
                .contentType(ContentType.JSON)
                .body(Map.of("content", content))
                .urlEncodingEnabled(false)
                .put("/api/files/" + path)
                .then();
    }
}
