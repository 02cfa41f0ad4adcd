// The IDE shell: top navigation, hash routes (#/editor, #/marketplace, #/venues, #/account), the login page when logged out.
import './style.css';
import { api, session, whenUnauthorized } from './api';
import { Workspace } from './editor/workspace';
import { accountPage } from './pages/account';
import { endOidcSession, finishOidcLogin, loadLoginConfig, usesProvider } from './oidc';
import { loginPage } from './pages/login';
import { marketplacePage } from './pages/marketplace';
import { venuesPage } from './pages/venues';
import { h } from './ui';

interface Page {
  element: HTMLElement;
  show: () => void;
  hide?: () => void;
}

const app = document.querySelector<HTMLElement>('#app')!;
const workspace = new Workspace();
const pages: Record<string, Page> = {
  editor: { element: workspace.element, show: () => void workspace.show(), hide: () => workspace.hide() },
  marketplace: marketplacePage(),
  venues: venuesPage(),
  account: accountPage(),
};
const NAV: { route: string; label: string; soon?: boolean }[] = [
  { route: 'editor', label: 'Editor' },
  { route: 'bots', label: 'Bots', soon: true },
  { route: 'marketplace', label: 'Marketplace' },
  { route: 'venues', label: 'Venues' },
  { route: 'account', label: 'Account' },
];

const nav = h(
  'nav',
  { 'aria-label': 'Main' },
  h(
    'ul',
    {},
    ...NAV.map((item) =>
      h('li', {}, item.soon ? h('span', { class: 'soon', title: 'Coming with its own feature', 'aria-disabled': 'true' }, item.label, h('span', { class: 'sr-only' }, ' (coming soon)')) : h('a', { href: `#/${item.route}`, 'data-route': item.route }, item.label)),
    ),
  ),
);
const logout = h('button', { type: 'button', class: 'secondary', 'data-testid': 'logout' }, 'Log out');
const header = h('header', { class: 'topbar' }, h('a', { class: 'brand', href: '#/editor' }, 'Botlink'), nav, logout);
const main = h('main', { id: 'main', tabIndex: -1 });
const skip = h('a', { class: 'skip', href: '#main', onclick: (e: Event) => (e.preventDefault(), main.focus()) }, 'Skip to content');
Object.values(pages).forEach((page) => {
  page.element.hidden = true;
  main.append(page.element);
});

let current: string | null = null;
let loginProblem: string | null = null;

function route(): void {
  if (!session.token) {
    if (current) {
      pages[current].element.hidden = true;
      pages[current].hide?.();
    }
    current = null;
    app.replaceChildren(loginPage(() => {
      location.hash = '#/editor';
      route();
    }, loginProblem));
    return;
  }
  if (!app.contains(main)) app.replaceChildren(skip, header, main);
  const name = location.hash.replace(/^#\/?/, '') || 'editor';
  const next = pages[name] ? name : 'editor';
  if (next === current) return;
  if (current) {
    pages[current].element.hidden = true;
    pages[current].hide?.();
  }
  current = next;
  pages[next].element.hidden = false;
  document.body.dataset.page = next;
  nav.querySelectorAll<HTMLAnchorElement>('a').forEach((a) => (a.dataset.route === next ? a.setAttribute('aria-current', 'page') : a.removeAttribute('aria-current')));
  document.title = `Botlink · ${next[0].toUpperCase()}${next.slice(1)}`;
  pages[next].show();
}

logout.addEventListener('click', async () => {
  if (usesProvider()) {
    session.clear();
    workspace.reset();
    const providerLogout = endOidcSession();
    if (providerLogout) location.assign(providerLogout);
    else route();
    return;
  }
  try {
    await api('POST', '/api/auth/logout');
  } finally {
    session.clear();
    workspace.reset();
    route();
  }
});
whenUnauthorized(() => {
  workspace.reset();
  route();
});
window.addEventListener('hashchange', route);
loadLoginConfig()
  .then(finishOidcLogin)
  .then((problem) => (loginProblem = problem))
  .catch((e: unknown) => (loginProblem = e instanceof Error ? e.message : String(e)))
  .finally(route);
