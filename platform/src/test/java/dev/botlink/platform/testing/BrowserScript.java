package dev.botlink.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of web-ide/e2e's scripts (playwright-core driving Debian's Chromium) against this test's platform and
 * asserts that it passed: exit status 0 and its {@code [tag] ... passed} line. Skipped without Chromium.
 */
public final class BrowserScript {

    private static final Path WEB_IDE = Path.of("../web-ide").toAbsolutePath().normalize();
    private static final Path CHROMIUM = Path.of(System.getProperty("botlink.chromium", "/usr/bin/chromium"));

    private BrowserScript() {}

    /** Runs {@code e2e/<name>.e2e.mjs} with BASE_URL, SCREENSHOTS and CHROMIUM set, plus {@code environment}. */
    public static void run(String name, String tag, URL base, Map<String, String> environment)
            throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM + " (apt-get install chromium)");
        assertThat(WEB_IDE.resolve("node_modules/playwright-core"))
                .as("playwright-core is installed by the web-ide build (npm ci)")
                .exists();
        Path output = Path.of("target/" + name + "-e2e.log").toAbsolutePath();
        var browser = new ProcessBuilder("node", "e2e/" + name + ".e2e.mjs")
                .directory(WEB_IDE.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        browser.environment().put("BASE_URL", base.getProtocol() + "://" + base.getAuthority());
        browser.environment()
                .put(
                        "SCREENSHOTS",
                        Path.of("target/ide-screenshots").toAbsolutePath().toString());
        browser.environment().put("CHROMIUM", CHROMIUM.toString());
        browser.environment().putAll(environment);
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
        assertThat(log).contains("[" + tag + "]").contains("passed");
    }
}
