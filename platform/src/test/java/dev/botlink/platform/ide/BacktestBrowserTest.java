package dev.botlink.platform.ide;

import dev.botlink.platform.testing.BrowserScript;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The IDE's Backtest panel in a real browser against this platform: runs web-ide/e2e/backtest.e2e.mjs (playwright-core
 * driving Debian's Chromium). A CSV imported through the panel, a backtest of the open file over recorded BTC trades
 * with its progress to the end, the metrics table, the fills as markers on the candles, the past backtests list.
 */
@QuarkusTest
class BacktestBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void backtestTheOpenFileAndSeeItsReport() throws IOException, InterruptedException {
        BrowserScript.run("backtest", "backtest-e2e", base, Map.of());
    }
}
