// Login through the platform's OpenID Connect provider (e.g. Keycloak), when it has one: the authorization code flow
// with PKCE as a public client. The access token is the session token the REST calls and the IDE channel carry; it is
// refreshed before it expires. Browsers allow the PKCE hash only on https or localhost, as providers require anyway.
import { session } from './api';

export interface LoginConfig {
  mode: 'local' | 'oidc';
  provider?: string;
  clientId?: string;
}

interface Endpoints {
  authorization_endpoint: string;
  token_endpoint: string;
  end_session_endpoint?: string;
}

interface Tokens {
  access_token: string;
  refresh_token?: string;
  id_token?: string;
  expires_in?: number;
}

const PENDING = 'botlink.oidc.pending';
const REFRESH = 'botlink.oidc.refresh';
const ID_TOKEN = 'botlink.oidc.id';

let config: LoginConfig = { mode: 'local' };
let endpoints: Endpoints | null = null;
let refreshTimer: number | undefined;

/** Asks the platform how people log in; with a provider, also reads the provider's endpoints. */
export async function loadLoginConfig(): Promise<LoginConfig> {
  const response = await fetch('/api/auth/config', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`The platform did not say how to log in (${response.status}).`);
  config = (await response.json()) as LoginConfig;
  if (config.mode === 'oidc') {
    if (!config.provider || !config.clientId) throw new Error('The platform names no login provider or client id; ask its operator.');
    const discovery = await fetch(`${config.provider.replace(/\/$/, '')}/.well-known/openid-configuration`);
    if (!discovery.ok) throw new Error(`The login provider at ${config.provider} cannot be reached (${discovery.status}).`);
    endpoints = (await discovery.json()) as Endpoints;
  }
  return config;
}

export function usesProvider(): boolean {
  return config.mode === 'oidc';
}

/** The provider's host name, for the login button. */
export function providerName(): string {
  return config.provider ? new URL(config.provider).host : 'the login provider';
}

/** Leaves for the provider's login page; it comes back to this page with a code (see {@link finishOidcLogin}). */
export async function startOidcLogin(): Promise<void> {
  const verifier = randomText(48);
  const state = randomText(24);
  sessionStorage.setItem(PENDING, JSON.stringify({ state, verifier, hash: location.hash }));
  const url = new URL(endpoints!.authorization_endpoint);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', config.clientId!);
  url.searchParams.set('redirect_uri', redirectUri());
  url.searchParams.set('scope', 'openid');
  url.searchParams.set('state', state);
  url.searchParams.set('code_challenge', await challengeOf(verifier));
  url.searchParams.set('code_challenge_method', 'S256');
  location.assign(url.toString());
}

/**
 * When the provider has just sent the browser back with a code, trades it for tokens and removes it from the address
 * bar. Returns an error text when the login failed (the user can try again), null otherwise.
 */
export async function finishOidcLogin(): Promise<string | null> {
  if (config.mode !== 'oidc') return null;
  const query = new URLSearchParams(location.search);
  const code = query.get('code');
  const error = query.get('error');
  if (!code && !error) {
    resumeRefresh();
    return null;
  }
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null') as { state: string; verifier: string; hash: string } | null;
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', `${location.pathname}${pending?.hash ?? location.hash}`);
  if (error) return `The login provider refused the login: ${query.get('error_description') ?? error}.`;
  if (!pending || pending.state !== query.get('state')) return 'That login link is stale or was not started here; log in again.';
  try {
    store(await tokenRequest({ grant_type: 'authorization_code', code: code!, redirect_uri: redirectUri(), code_verifier: pending.verifier }));
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** Forgets the tokens; returns the provider's logout address (ends the provider's session too), if it has one. */
export function endOidcSession(): string | null {
  window.clearTimeout(refreshTimer);
  const idToken = localStorage.getItem(ID_TOKEN);
  localStorage.removeItem(REFRESH);
  localStorage.removeItem(ID_TOKEN);
  if (!endpoints?.end_session_endpoint) return null;
  const url = new URL(endpoints.end_session_endpoint);
  url.searchParams.set('client_id', config.clientId!);
  url.searchParams.set('post_logout_redirect_uri', redirectUri());
  if (idToken) url.searchParams.set('id_token_hint', idToken);
  return url.toString();
}

async function tokenRequest(form: Record<string, string>): Promise<Tokens> {
  const body = new URLSearchParams({ ...form, client_id: config.clientId! });
  const response = await fetch(endpoints!.token_endpoint, { method: 'POST', body, headers: { Accept: 'application/json' } });
  const answer = (await response.json().catch(() => ({}))) as Tokens & { error?: string; error_description?: string };
  if (!response.ok || !answer.access_token) {
    throw new Error(`The login provider did not give a token: ${answer.error_description ?? answer.error ?? response.status}.`);
  }
  return answer;
}

function store(tokens: Tokens): void {
  session.set(tokens.access_token);
  if (tokens.refresh_token) localStorage.setItem(REFRESH, tokens.refresh_token);
  if (tokens.id_token) localStorage.setItem(ID_TOKEN, tokens.id_token);
  scheduleRefresh(tokens.expires_in ?? 300);
}

/** Refreshes at 70% of the token's life; a failed refresh ends the session (the next call shows the login page). */
function scheduleRefresh(lifetimeSeconds: number): void {
  window.clearTimeout(refreshTimer);
  const refreshToken = localStorage.getItem(REFRESH);
  if (!refreshToken) return;
  refreshTimer = window.setTimeout(async () => {
    try {
      store(await tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken }));
    } catch {
      session.clear();
      localStorage.removeItem(REFRESH);
    }
  }, Math.max(5, lifetimeSeconds * 0.7) * 1000);
}

/** After a page reload: the stored access token's own expiry decides when to refresh. */
function resumeRefresh(): void {
  const token = session.token;
  if (!token) return;
  try {
    const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: number };
    scheduleRefresh(payload.exp ? Math.max(0, payload.exp - Date.now() / 1000) / 0.7 : 0);
  } catch {
    session.clear();
  }
}

function redirectUri(): string {
  return `${location.origin}${location.pathname}`;
}

function randomText(bytes: number): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

async function challengeOf(verifier: string): Promise<string> {
  return base64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
