// The IDE end to end in a real Chromium (playwright-core, Debian's /usr/bin/chromium), against a running platform:
// sign up -> new Trading file from the template -> type code with completion -> a syntax error shows its marker ->
// fix -> a quote_update that buys -> save -> run -> the bot's quote and fill lines in the console -> the fill as a
// marker and the venue's equity curve on the chart -> the bolt panel's webhook answers its JSON -> account and venues -> stop.
// Usage: BASE_URL=http://localhost:8080 [SCREENSHOTS=dir] [CHROMIUM=/usr/bin/chromium] node e2e/ide.e2e.mjs
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const BASE_URL = process.env.BASE_URL ?? 'http://localhost:8080';
const SHOTS = process.env.SCREENSHOTS ?? null;
const BOT_TIMEOUT = Number(process.env.BOT_TIMEOUT_MS ?? 300_000);
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

/** The editor's visible text, with Monaco's non-breaking spaces as spaces. */
async function waitForCode(page, code, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const text = (await page.locator('.monaco-editor .view-lines').innerText()).replace(/\u00a0/g, ' ');
    if (text.includes(code)) return;
    if (Date.now() > deadline) throw new Error(`the editor does not show ${code}:\n${text}`);
    await page.waitForTimeout(200);
  }
}

function step(name) {
  console.log(`[ide-e2e] ${new Date().toISOString()} ${name}`);
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
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE_URL });
  page = await context.newPage();
  page.on('pageerror', (error) => console.log(`[ide-e2e] page error: ${error.message}`));
  page.setDefaultTimeout(30_000);

  step('sign up');
  await page.goto(BASE_URL);
  const username = `e2e_${Date.now().toString(36)}`;
  await page.getByLabel('Username').fill(username);
  await page.getByLabel(/^Password/).fill('correct horse battery');
  await shot(page, 'login');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Editor' }).waitFor();

  step('new Trading file from the template');
  await page.getByTestId('new-file').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('File name').fill('bots/trader.py');
  await dialog.getByLabel('Template').selectOption('trading');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await page.getByTestId('file-tabs').getByRole('tab', { name: 'bots/trader.py' }).waitFor();
  await waitForCode(page, 'class Trading(Link):');
  await page.getByTestId('file-tree').getByText('trader.py').waitFor();

  step('type code; completion for self.create_');
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press(`${mod}+End`);
  // Typed text goes through Monaco's auto-indent and auto-closing; insertText does not, like a paste.
  await page.keyboard.insertText('    def buy_dip(self, price):');
  await page.keyboard.press('Enter');
  await page.keyboard.type('self.create_', { delay: 40 });
  const suggestion = page.locator('.suggest-widget').getByText('create_limit_order', { exact: true });
  await suggestion.waitFor();
  await page.locator('.suggest-widget').getByText('create_market_order', { exact: true }).waitFor();
  await shot(page, 'completion');
  await suggestion.click();
  // The snippet selects its venue placeholder: clear it, then type as a person would (quotes auto-close).
  await page.keyboard.press('Backspace');
  await page.keyboard.type("'BitMEX', 'XBTUSD', 'Buy', 100, price", { delay: 20 });
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.keyboard.press('End');
  await waitForCode(page, "self.create_limit_order('BitMEX', 'XBTUSD', 'Buy', 100, price)");
  await page.getByTestId('unsaved').waitFor();

  step('hover docs');
  // Monaco opens a hover only after the pointer rests on the word, and a hover that starts while the editor is still
  // busy (completion closing, markers arriving) can be dropped: rest on it again, a bounded number of times.
  const word = page.locator('.view-line span[class^="mtk"]', { hasText: /create_limit_order/ }).first();
  const hoverDoc = page.locator('.monaco-hover').getByText('Places a limit order', { exact: false });
  for (let attempt = 1; ; attempt++) {
    await page.mouse.move(0, 0);
    await word.hover();
    try {
      await hoverDoc.waitFor({ timeout: 10_000 });
      break;
    } catch (error) {
      if (attempt === 5) throw error;
    }
  }
  await page.mouse.move(0, 0);
  await page.keyboard.press('Escape');
  await page.keyboard.press(`${mod}+End`);

  step('a syntax error shows a marker on its line');
  await page.keyboard.press('Enter');
  const cursor = await page.getByTestId('cursor').textContent();
  const badLine = Number(cursor.match(/Ln (\d+)/)[1]);
  await page.keyboard.insertText("if price print('dip')");
  await page.getByTestId('problems').filter({ hasText: `Line ${badLine},` }).waitFor({ timeout: 240_000 });
  await page.locator('.monaco-editor .squiggly-error').first().waitFor();
  await shot(page, 'syntax-error');

  step('fix it and save');
  await page.keyboard.press(`${mod}+Shift+K`);
  await page.getByTestId('problems').filter({ hasText: 'No syntax errors' }).waitFor({ timeout: 120_000 });

  step('a quote_update that logs the first XBTUSD quote and buys once');
  await page.keyboard.press(`${mod}+End`);
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+Tab');
  // One line per method: Monaco re-indents the lines of a multi-line insert, one-liners keep the class's indentation.
  await page.keyboard.insertText("def quote_update(self, src, sym, data): sym == 'XBTUSD' and not getattr(self, 'bought', False) and self.buy_once(sym, data)");
  await page.keyboard.press('Enter');
  await page.keyboard.insertText(
    "def buy_once(self, sym, data): self.bought = True; logger.info(f\"quote {sym} bid {data['bid'][0]}\"); self.create_market_order('BitMEX', 'XBTUSD', 'Buy', 100)",
  );
  await waitForCode(page, "self.create_market_order('BitMEX', 'XBTUSD', 'Buy', 100)");
  await page.getByTestId('problems').filter({ hasText: 'No syntax errors' }).waitFor({ timeout: 120_000 });
  await page.keyboard.press(`${mod}+S`);
  await page.getByTestId('unsaved').waitFor({ state: 'detached' });

  step('keyboard: the file tree');
  const tree = page.getByTestId('file-tree');
  await tree.getByRole('treeitem', { name: 'trader.py' }).focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await tree.locator('[data-path="bots"][aria-expanded="false"]').waitFor();
  await page.keyboard.press('ArrowRight');
  await tree.locator('[data-path="bots"][aria-expanded="true"]').waitFor();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.getByTestId('active-file').filter({ hasText: 'bots/trader.py' }).waitFor();

  step('run: the bot logs to the console');
  await page.getByTestId('run').click();
  await page.getByTestId('bot-status').filter({ hasText: 'running' }).waitFor({ timeout: BOT_TIMEOUT });
  await page.getByTestId('console').getByText('Trading bot started').waitFor({ timeout: BOT_TIMEOUT });
  await page.getByTestId('console-search').fill('started');
  await page.getByTestId('console').getByText('Trading bot started').waitFor();
  await page.getByTestId('console-search').fill('');

  step('quote callback and a fill in the console');
  await page.getByTestId('console').getByText(/^quote XBTUSD bid /).waitFor({ timeout: BOT_TIMEOUT });
  await page.getByTestId('console').getByText(/^fill XBTUSD Buy 100/).waitFor({ timeout: 120_000 });

  step('chart of XBTUSD with the fill as a marker');
  await page.getByTestId('chart-status').filter({ hasText: 'candles' }).waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=chart-panel]')?.dataset.markers ?? 0) >= 1, null, { timeout: 60_000 });
  step('the venue equity curve, sampled while the bot runs');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=chart-panel]')?.dataset.equityPoints ?? 0) >= 2, null, { timeout: 60_000 });
  await page.getByTestId('chart-equity').filter({ hasText: /Equity of BitMEX: [0-9.]+ XBT/ }).waitFor({ timeout: 60_000 });
  await shot(page, 'editor');

  step('bolt panel: the webhook URL answers its JSON');
  await page.getByTestId('tab-bolt').click();
  await page.getByRole('button', { name: 'Try GET health' }).click();
  await page.getByTestId('webhook-response').filter({ hasText: '"status": "ok"' }).waitFor({ timeout: 60_000 });
  await shot(page, 'bolt');

  step('account and venues pages');
  await page.getByRole('link', { name: 'Account' }).click();
  await page.getByTestId('api-key').waitFor();
  const key = await page.getByTestId('api-key').inputValue();
  if (!key) throw new Error('the account page shows no API key');
  await shot(page, 'account');
  await page.getByTestId('rotate-api-key').click();
  await page.getByRole('dialog').getByRole('button', { name: 'Rotate' }).click();
  await page.waitForFunction((old) => {
    const value = document.querySelector('[data-testid=api-key]')?.value;
    return value && value !== old;
  }, key);
  await page.getByRole('link', { name: 'Venues' }).click();
  const venues = page.getByTestId('venues');
  await venues.getByRole('cell', { name: 'BitMEX', exact: true }).waitFor();
  await page.getByLabel(/^Name \(what your code/).fill('MyPaper');
  await page.getByRole('button', { name: 'Add venue' }).click();
  await venues.getByRole('cell', { name: 'MyPaper', exact: true }).waitFor();
  await shot(page, 'venues');
  await page.getByRole('button', { name: 'Delete venue MyPaper' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await venues.getByRole('cell', { name: 'MyPaper', exact: true }).waitFor({ state: 'detached' });

  step('stop');
  await page.getByRole('link', { name: 'Editor' }).click();
  await page.getByTestId('stop').click();
  await page.getByTestId('bot-status').filter({ hasText: 'stopped' }).waitFor({ timeout: 60_000 });
  step('passed');
} catch (error) {
  console.log(`[ide-e2e] FAILED: ${error.stack ?? error}`);
  if (page) await shot(page, 'failure').catch(() => {});
  process.exitCode = 1;
} finally {
  await browser.close();
}
