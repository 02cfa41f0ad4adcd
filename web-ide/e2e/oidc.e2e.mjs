// The IDE's login through the platform's OpenID Connect provider (a real Keycloak started by the platform's test) in
// a real Chromium: the login page offers the provider -> its login form -> back in the IDE with the provider's access
// token -> the account page shows the provider's user -> the IDE channel opens with that token -> log out ends the
// provider's session too (the next login asks for the password again).
// Usage: BASE_URL=http://localhost:8081 OIDC_USER=alice OIDC_PASSWORD=... [SCREENSHOTS=dir] node e2e/oidc.e2e.mjs
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const BASE_URL = process.env.BASE_URL ?? 'http://localhost:8080';
const SHOTS = process.env.SCREENSHOTS ?? null;
const USER = process.env.OIDC_USER ?? 'alice';
const PASSWORD = process.env.OIDC_PASSWORD ?? '';

function step(name) {
  console.log(`[oidc-e2e] ${new Date().toISOString()} ${name}`);
}

async function shot(page, name) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

async function logInAtProvider(page) {
  await page.getByRole('button', { name: /^Log in with / }).click();
  await page.locator('#username').waitFor({ timeout: 60_000 });
  await shot(page, 'oidc-provider-login');
  await page.locator('#username').fill(USER);
  await page.locator('#password').fill(PASSWORD);
  await page.locator('#kc-login').click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Editor' }).waitFor({ timeout: 60_000 });
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let page;
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  page.on('pageerror', (error) => console.log(`[oidc-e2e] page error: ${error.message}`));
  page.setDefaultTimeout(30_000);

  step('the login page offers the provider, not a password form');
  await page.goto(BASE_URL);
  await page.getByRole('button', { name: /^Log in with / }).waitFor();
  if ((await page.getByLabel('Username').count()) !== 0) throw new Error('the local login form is shown in OIDC mode');
  await shot(page, 'oidc-login');

  step('log in at the provider and come back');
  await logInAtProvider(page);
  if (new URL(page.url()).searchParams.has('code')) throw new Error(`the login code stayed in the address bar: ${page.url()}`);
  const token = await page.evaluate(() => localStorage.getItem('botlink.token'));
  if (!token || token.split('.').length !== 3) throw new Error(`the session token is not the provider's JWT: ${token}`);

  step('the account page shows the provider user');
  await page.getByRole('link', { name: 'Account' }).click();
  await page.getByTestId('account-username').filter({ hasText: new RegExp(`^${USER}$`) }).waitFor();
  await shot(page, 'oidc-account');

  step('the IDE channel opens with the provider token');
  const opened = await page.evaluate(
    (accessToken) =>
      new Promise((resolve) => {
        const socket = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/api/ide/channel?token=${encodeURIComponent(accessToken)}`);
        const timer = setTimeout(() => resolve('timeout'), 20_000);
        socket.onopen = () => {
          clearTimeout(timer);
          socket.close();
          resolve('open');
        };
        socket.onerror = () => {
          clearTimeout(timer);
          resolve('error');
        };
      }),
    token,
  );
  if (opened !== 'open') throw new Error(`the IDE channel did not open with the provider's token: ${opened}`);

  step('log out ends the provider session');
  await page.getByTestId('logout').click();
  await page.getByRole('button', { name: /^Log in with / }).waitFor({ timeout: 60_000 });
  if (await page.evaluate(() => localStorage.getItem('botlink.token'))) throw new Error('the token survived the logout');
  await page.getByRole('button', { name: /^Log in with / }).click();
  await page.locator('#username').waitFor({ timeout: 60_000 });

  step('passed');
} catch (error) {
  console.log(`[oidc-e2e] FAILED: ${error.stack ?? error}`);
  if (page) await shot(page, 'oidc-failure').catch(() => {});
  process.exitCode = 1;
} finally {
  await browser.close();
}
