package dev.botlink.platform.marketplace;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import dev.botlink.platform.testing.PlatformProcess;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged platform as a real process: a listing and a deployment of it survive {@code kill -9} of the
 * platform. The listing is still listed, its signal bot runs again and its signals reach the deployment, which
 * resumes from its stored fills (same position, no second entry).
 */
class MarketplaceRestartIT {

    private static final Duration STARTUP = Duration.ofMinutes(8);
    private final List<PlatformProcess> started = new ArrayList<>();
    private Path dataDir;

    @AfterEach
    void stopEverything() {
        started.forEach(PlatformProcess::close);
    }

    @Test
    void listingsAndDeploymentsSurviveKill9OfThePlatform() throws IOException {
        dataDir = Files.createTempDirectory(Path.of("target"), "marketplace-restart-");
        int port = PlatformProcess.freePort();
        PlatformProcess first = start(port);
        String author = first.signUpAndLogIn("author", "author-restart-pw");
        String user = first.signUpAndLogIn("user", "user-restart-pw");
        first.as(author)
                .contentType(ContentType.JSON)
                .body(Map.of("content", MarketplaceResourceTest.SIGNALS_BOT))
                .put("/api/files/signals/trend.py")
                .then()
                .statusCode(200);
        long listingId = first.as(author)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "file", "signals/trend.py",
                        "name", "Trend",
                        "description", "Half long on XBTUSD",
                        "symbol", "XBTUSD",
                        "botType", "POSITION",
                        "parameters",
                                Map.of(
                                        "maxPosition", Map.of("value", 700, "private", true),
                                        "maxOrderSize", Map.of("value", 300),
                                        "orderType", Map.of("value", "MARKET"))))
                .post("/api/marketplace/listings")
                .then()
                .statusCode(201)
                .extract()
                .<Integer>path("id")
                .longValue();
        long deploymentId = first.as(user)
                .contentType(ContentType.JSON)
                .body(Map.of("listingId", listingId, "venue", "BitMEX"))
                .post("/api/marketplace/deployments")
                .then()
                .statusCode(201)
                .extract()
                .<Integer>path("id")
                .longValue();
        await().atMost(STARTUP).untilAsserted(() -> first.as(user)
                .get("/api/marketplace/deployments/" + deploymentId + "/metrics")
                .then()
                .body("position_qty", equalTo(300)));
        int tradesBefore = first.as(user)
                .get("/api/marketplace/deployments/" + deploymentId + "/metrics")
                .then()
                .extract()
                .path("trade_count");
        int signalsBefore = signals(first, user, listingId);

        first.kill();
        PlatformProcess second = start(port);
        second.as(user)
                .get("/api/marketplace/listings/" + listingId)
                .then()
                .statusCode(200)
                .body("status", equalTo("LISTED"));
        second.as(user)
                .get("/api/marketplace/deployments/" + deploymentId)
                .then()
                .statusCode(200)
                .body("desired", equalTo("RUNNING"));
        await().atMost(STARTUP).untilAsserted(() -> {
            org.assertj.core.api.Assertions.assertThat(signals(second, user, listingId))
                    .isGreaterThan(signalsBefore);
            second.as(user)
                    .get("/api/marketplace/deployments/" + deploymentId)
                    .then()
                    .body("status", equalTo("ACTIVE"));
        });
        second.as(user)
                .get("/api/marketplace/deployments/" + deploymentId + "/metrics")
                .then()
                .body("position_qty", equalTo(300))
                .body("trade_count", equalTo(tradesBefore))
                .body("last_price", greaterThan(0f));
    }

    private static int signals(PlatformProcess platform, String token, long listingId) {
        return platform.as(token)
                .get("/api/marketplace/listings/" + listingId + "/signals?limit=5000")
                .then()
                .statusCode(200)
                .extract()
                .path("size()");
    }

    private PlatformProcess start(int port) {
        PlatformProcess platform = PlatformProcess.start(
                dataDir,
                port,
                Map.of(
                        "botlink.master-key", "q7m1bKcB2hRz3m0f8Nw3cX1aY6pV4tQ9sE2uJ5kL8oA=",
                        "botlink.auth.password-iterations", "1000"));
        started.add(platform);
        return platform.awaitReady(STARTUP);
    }
}
