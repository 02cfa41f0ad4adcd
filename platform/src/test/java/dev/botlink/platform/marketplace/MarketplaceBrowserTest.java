package dev.botlink.platform.marketplace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The marketplace page in a real browser against this platform: runs web-ide/e2e/marketplace.e2e.mjs (playwright-core
 * driving Debian's Chromium). An author creates a listed bot from a Signals file, a second account deploys it, sees
 * it trade, pauses and removes it. Screenshots land in target/ide-screenshots.
 */
@QuarkusTest
class MarketplaceBrowserTest {

    private static final Path WEB_IDE = Path.of("../web-ide").toAbsolutePath().normalize();
    private static final Path CHROMIUM = Path.of(System.getProperty("botlink.chromium", "/usr/bin/chromium"));

    @TestHTTPResource("/")
    URL base;

    @Test
    void createABotFromASignalsFileAndDeployItWithASecondAccount() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM + " (apt-get install chromium)");
        assertThat(WEB_IDE.resolve("node_modules/playwright-core"))
                .as("playwright-core is installed by the web-ide build (npm ci)")
                .exists();
        Path output = Path.of("target/marketplace-e2e.log").toAbsolutePath();
        var browser = new ProcessBuilder("node", "e2e/marketplace.e2e.mjs")
                .directory(WEB_IDE.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        browser.environment().put("BASE_URL", base.getProtocol() + "://" + base.getAuthority());
        browser.environment()
                .put(
                        "SCREENSHOTS",
                        Path.of("target/ide-screenshots").toAbsolutePath().toString());
        browser.environment().put("CHROMIUM", CHROMIUM.toString());
        Process process = browser.start();
        boolean finished = process.waitFor(15, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String log = Files.readString(output);
        assertThat(finished)
                .as("the browser test finished within 15 minutes:\n" + log)
                .isTrue();
        assertThat(process.exitValue()).as(log).isZero();
        assertThat(log).contains("[marketplace-e2e]").contains("passed");
    }
}
