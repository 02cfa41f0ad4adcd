package dev.botlink.platform.marketplace;

import dev.botlink.platform.testing.BrowserScript;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The marketplace page in a real browser against this platform: runs web-ide/e2e/marketplace.e2e.mjs (playwright-core
 * driving Debian's Chromium). An author creates a listed bot from a Signals file, a second account deploys it, sees
 * it trade, pauses and removes it. Screenshots land in target/ide-screenshots.
 */
@QuarkusTest
class MarketplaceBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void createABotFromASignalsFileAndDeployItWithASecondAccount() throws IOException, InterruptedException {
        BrowserScript.run("marketplace", "marketplace-e2e", base, Map.of());
    }
}
