// The IDE's Backtest panel end to end in a real Chromium (playwright-core, Debian's /usr/bin/chromium), against a
// running platform: sign up -> a Trading file that buys and later sells -> open it -> import a CSV of trades through
// the panel (it shows up as a data source) -> backtest the file over the recorded BTC trades -> the progress bar
// finishes -> the metrics table, the fills as markers on the candles, the equity curve -> the past backtests list.
// Usage: BASE_URL=http://localhost:8080 [SCREENSHOTS=dir] [CHROMIUM=/usr/bin/chromium] node e2e/backtest.e2e.mjs
import { mkdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const BASE_URL = process.env.BASE_URL ?? 'http://localhost:8080';
const SHOTS = process.env.SCREENSHOTS ?? null;
const BACKTEST_TIMEOUT = Number(process.env.BACKTEST_TIMEOUT_MS ?? 600_000);
const FROM = process.env.BACKTEST_FROM ?? '2013-11-25T00:00';
const TO = process.env.BACKTEST_TO ?? '2013-11-25T06:00';

// Buys on the 5th quote, sells on the 200th: at least two fills in any period with a few hundred quotes.
const BOT = `from profitview import Link, logger


class Trading(Link):
    def on_start(self):
        self.quotes = 0
        logger.info('backtest bot started')

    def quote_update(self, src, sym, data):
        self.quotes += 1
        if self.quotes == 5:
            self.create_market_order(src, sym, 'Buy', 100)
        elif self.quotes == 200:
            self.create_market_order(src, sym, 'Sell', 100)

    def fill_update(self, src, sym, data):
        logger.info(f"fill {data['side']} {data['fill_size']} at {data['fill_price']}")
`;

function step(name) {
  console.log(`[backtest-e2e] ${new Date().toISOString()} ${name}`);
}

async function shot(page, name) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let page;
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  page.on('pageerror', (error) => console.log(`[backtest-e2e] page error: ${error.message}`));
  page.setDefaultTimeout(30_000);

  step('sign up');
  await page.goto(BASE_URL);
  await page.getByLabel('Username').fill(`bt_${Date.now().toString(36)}`);
  await page.getByLabel(/^Password/).fill('correct horse battery');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Editor' }).waitFor();

  step('a Trading file that buys and sells, opened from the tree');
  // Saved through the REST API the IDE uses (typing it would go through Monaco's auto-indent), then opened.
  const saved = await page.evaluate(async (content) => {
    const response = await fetch('/api/files/bots/backtested.py', { method: 'PUT', headers: { Authorization: `Bearer ${localStorage.getItem('botlink.token')}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ content }) });
    return response.status;
  }, BOT);
  if (saved !== 200) throw new Error(`saving the file answered ${saved}`);
  await page.reload();
  await page.getByTestId('file-tree').getByText('backtested.py').click();
  await page.getByTestId('file-tabs').getByRole('tab', { name: 'bots/backtested.py' }).waitFor();
  // The syntax check answers once a sandbox worker is up and warm, which the backtest needs too.
  await page.getByTestId('problems').filter({ hasText: 'No syntax errors' }).waitFor({ timeout: BACKTEST_TIMEOUT });

  step('the Backtest panel; a CSV of trades imported through it');
  await page.getByTestId('tab-backtest').click();
  const panel = page.getByTestId('backtest-panel');
  await panel.getByTestId('backtest-file').filter({ hasText: 'Backtests bots/backtested.py' }).waitFor();
  const csvDir = mkdtempSync(join(tmpdir(), 'backtest-e2e-'));
  const csv = join(csvDir, 'my-trades.csv');
  writeFileSync(csv, 'timestamp,price,amount,side\n2024-01-01T00:00:00Z,42000.5,0.25,buy\n2024-01-01T00:00:01Z,42001,0.1,sell\n2024-01-01T00:00:03Z,41999.75,1.5,buy\n');
  await panel.getByText('Import CSV data').click();
  await panel.getByLabel('CSV file', { exact: true }).setInputFiles(csv);
  await panel.getByLabel('It holds', { exact: true }).selectOption('trades');
  await panel.getByTestId('import-upload').click();
  await panel.getByTestId('import-status').filter({ hasText: 'Imported 3 trades' }).waitFor();
  await panel.getByLabel('Data', { exact: true }).locator('option', { hasText: 'Import: my-trades.csv (3 trades)' }).waitFor({ state: 'attached' });

  step('backtest over the recorded BTC trades');
  await panel.getByLabel('Data', { exact: true }).selectOption('btc-trades');
  await panel.getByLabel('Exchange', { exact: true }).selectOption('bitmex');
  await panel.getByLabel('Symbol', { exact: true }).fill('XBTUSD');
  await panel.getByLabel('From (UTC)', { exact: true }).fill(FROM);
  await panel.getByLabel('To (UTC)', { exact: true }).fill(TO);
  await panel.getByTestId('backtest-run').click();
  await panel.getByTestId('backtest-status').filter({ hasText: /Backtest \S+: (queued|running|completed)/ }).waitFor();
  await page.waitForFunction(() => ['completed', 'failed', 'cancelled'].includes(document.querySelector('[data-testid=backtest-panel]')?.dataset.status ?? ''), null, { timeout: BACKTEST_TIMEOUT, polling: 250 });
  const status = await panel.getAttribute('data-status');
  if (status !== 'completed') throw new Error(`the backtest ended ${status}: ${await panel.getByTestId('backtest-error').innerText()}`);
  const progress = await panel.getByTestId('backtest-progress').evaluate((p) => p.value);
  if (progress !== 100) throw new Error(`the progress bar ended at ${progress}`);

  step('the report: metrics, fills on the candles, equity');
  const result = panel.getByTestId('backtest-result');
  await result.waitFor();
  const metrics = panel.getByTestId('backtest-metrics');
  for (const label of ['PnL', 'Return', 'Sharpe', 'Max drawdown', 'Win rate', 'Fees', 'Trades', 'Fills']) await metrics.getByRole('rowheader', { name: label, exact: true }).waitFor();
  const fills = Number(await metrics.locator('[data-metric=fills] td').innerText());
  if (!(fills >= 2)) throw new Error(`expected at least 2 fills, the metrics say ${fills}`);
  const markers = Number(await result.getAttribute('data-markers'));
  const markersOn = await result.getAttribute('data-markers-on');
  if (markers !== fills) throw new Error(`expected ${fills} fill markers on the ${markersOn}, found ${markers}`);
  if (markersOn !== 'candles') throw new Error(`the fills are drawn on the ${markersOn}, not on the report's candles`);
  step(`${markers} fill markers on the candles`);
  await result.getByTestId('backtest-candles').locator('canvas').first().waitFor();
  await result.getByTestId('backtest-equity').locator('canvas').first().waitFor();
  await result.scrollIntoViewIfNeeded();
  await shot(page, 'backtest');

  step('past backtests');
  await panel.getByTestId('backtest-history').getByRole('row').filter({ hasText: 'completed' }).first().waitFor();
  step('passed');
} catch (error) {
  console.log(`[backtest-e2e] FAILED: ${error.stack ?? error}`);
  if (page) await shot(page, 'backtest-failure').catch(() => {});
  process.exitCode = 1;
} finally {
  await browser.close();
}
