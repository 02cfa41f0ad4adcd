package dev.botlink.platform.ide;

import dev.botlink.platform.testing.BrowserScript;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The web IDE in a real browser against this platform: runs web-ide/e2e/ide.e2e.mjs (playwright-core driving
 * Debian's Chromium) with the app on its random test port. Sign up, a Trading file from the template, completion,
 * a syntax marker from the sandbox's parser, save, run, the bot's log line in the console, stop. Screenshots of each
 * screen land in target/ide-screenshots (the ones in docs/images were taken by this test).
 */
@QuarkusTest
class IdeBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void writeCheckRunAndStopABotInTheBrowser() throws IOException, InterruptedException {
        BrowserScript.run("ide", "ide-e2e", base, Map.of());
    }
}
