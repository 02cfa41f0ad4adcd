// The marketplace end to end in a real Chromium (playwright-core, Debian's /usr/bin/chromium), against a running
// platform: an author lists a Signals file with a private parameter (Bots → Create on the Marketplace page), a second
// account deploys it onto its BitMEX paper venue, sees it trade (status ACTIVE), pauses and removes it, and never sees
// the script or the private value.
// Usage: BASE_URL=http://localhost:8080 [SCREENSHOTS=dir] [CHROMIUM=/usr/bin/chromium] node e2e/marketplace.e2e.mjs
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const BASE_URL = process.env.BASE_URL ?? 'http://localhost:8080';
const SHOTS = process.env.SCREENSHOTS ?? null;
const BOT_TIMEOUT = Number(process.env.BOT_TIMEOUT_MS ?? 300_000);
const MARKER = 'SECRET-STRATEGY-MARKER';
const SIGNALS = `from profitview import Link

# ${MARKER}
class Signals(Link):
    quotes = 0

    def quote_update(self, src, sym, data):
        if sym != 'XBTUSD':
            return
        self.quotes += 1
        if self.quotes % 10 == 1:
            self.signal(src, sym, size=0.5)
`;

function step(name) {
  console.log(`[marketplace-e2e] ${new Date().toISOString()} ${name}`);
}

async function shot(page, name) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** Signs up on the login page already shown (after a log out the page is not reloaded: its hash stays). */
async function signUp(page, username) {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel(/^Password/).fill('correct horse battery');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Marketplace' }).waitFor();
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let page;
try {
  const stamp = Date.now().toString(36);
  const listingName = `Trend ${stamp}`;
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  page.on('pageerror', (error) => console.log(`[marketplace-e2e] page error: ${error.message}`));
  page.setDefaultTimeout(30_000);

  step('the author signs up and saves a Signals file');
  await page.goto(BASE_URL);
  await signUp(page, `author_${stamp}`);
  const saved = await page.evaluate(async (content) => {
    const response = await fetch('/api/files/signals/trend.py', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${localStorage.getItem('botlink.token')}` },
      body: JSON.stringify({ content }),
    });
    return response.status;
  }, SIGNALS);
  if (saved !== 200) throw new Error(`saving the file answered ${saved}`);

  step('Bots → Create: a Position bot with a private maxPosition');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Marketplace' }).click();
  const form = page.getByTestId('create-listing');
  await form.getByLabel('Signals file').fill('signals/trend.py');
  await form.getByLabel('Name').fill(listingName);
  await form.getByLabel('Description').fill('Half long on XBTUSD');
  await form.getByLabel('Bot type').selectOption('POSITION');
  await form.getByLabel('maxPosition value').fill('700');
  await form.getByLabel('maxPosition private').check();
  await form.getByLabel('maxOrderSize value').fill('300');
  await form.getByLabel('orderType value').fill('MARKET');
  await shot(page, 'marketplace-create');
  await form.getByRole('button', { name: 'Create and list' }).click();
  await page.getByTestId('listings').getByRole('row', { name: new RegExp(listingName) }).waitFor();

  step('log out; a second account deploys the listing onto its BitMEX venue');
  await page.getByTestId('logout').click();
  await signUp(page, `user_${stamp}`);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Marketplace' }).click();
  await page.getByRole('button', { name: `Deploy ${listingName}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('Set by the author: maxPosition').waitFor();
  if ((await dialog.getByLabel('maxPosition').count()) !== 0) throw new Error('the private parameter is offered');
  await dialog.getByLabel('Venue').fill('BitMEX');
  await dialog.getByLabel('maxOrderSize').fill('100');
  await dialog.getByRole('button', { name: 'Deploy' }).click();
  const row = page.getByTestId('deployments').locator('tbody tr').first();
  await row.waitFor();

  step('the deployment trades on the signals');
  const deadline = Date.now() + BOT_TIMEOUT;
  for (;;) {
    const status = (await row.getByTestId('deployment-status').innerText()).trim();
    if (status === 'ACTIVE') break;
    if (Date.now() > deadline) throw new Error(`the deployment is ${status}, not ACTIVE`);
    await page.waitForTimeout(2_000);
    await page.reload();
    await row.waitFor();
  }
  await shot(page, 'marketplace-deployed');

  step("the listing's chart: its signals as markers and its reference execution's equity");
  await page.getByRole('button', { name: `Chart ${listingName}` }).click();
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=listing-chart-panel]')?.dataset.signals ?? 0) >= 1, null, { timeout: 120_000 });
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=listing-chart-panel]')?.dataset.equityPoints ?? 0) >= 1, null, { timeout: 120_000 });
  await shot(page, 'marketplace-chart');
  const html = await page.content();
  if (html.includes(MARKER)) throw new Error('the page shows the script');

  step('pause, then remove');
  await row.getByRole('button', { name: /^pause deployment/ }).click();
  await row.getByTestId('deployment-status').filter({ hasText: 'PAUSED' }).waitFor();
  await row.getByRole('button', { name: /^remove deployment/ }).click();
  await page.getByTestId('deployments').locator('tbody tr').waitFor({ state: 'detached' });
  step('passed');
} catch (error) {
  console.log(`[marketplace-e2e] failed: ${error.stack ?? error}`);
  if (page) await shot(page, 'marketplace-failure').catch(() => {});
  process.exitCode = 1;
} finally {
  await browser.close();
}
