// The Bolt panel: webhook URLs of the running bots (GET /api/webhooks), copyable, with "Try it".
import { api, ApiError } from '../api';
import { copy, errorText, h } from '../ui';

interface Route {
  bot: string;
  botId: number;
  method: string;
  name: string;
  url: string;
  ambiguous?: boolean;
}

/** The streams feature's rows ({botId, botName, method, route, url, botUrl, ambiguous}) or {routes: [...]}. */
type Listed = { routes: Route[] } | { botId: number; botName: string; method: string; route: string; url: string; botUrl?: string; ambiguous?: boolean }[];

function routesOf(listed: Listed): Route[] {
  if (!Array.isArray(listed)) return listed.routes ?? [];
  // A route that two running bots share is reached through the bot's own URL.
  return listed.map((r) => ({ bot: r.botName, botId: r.botId, method: r.method, name: r.route, url: r.ambiguous && r.botUrl ? r.botUrl : r.url, ambiguous: r.ambiguous }));
}

export class BoltPanel {
  private readonly list = h('div', { class: 'stack', 'data-testid': 'webhooks' });
  private readonly output = h('pre', { class: 'response', 'aria-live': 'polite', 'data-testid': 'webhook-response' });
  readonly element = h(
    'div',
    { class: 'bolt-panel' },
    h('div', { class: 'toolbar' }, h('button', { type: 'button', class: 'secondary', onclick: () => void this.show() }, 'Refresh')),
    this.list,
    this.output,
  );

  async show(): Promise<void> {
    try {
      const routes = routesOf(await api<Listed>('GET', '/api/webhooks'));
      if (!routes.length) {
        this.list.replaceChildren(h('p', { class: 'muted' }, 'No webhooks yet. Mark a method get_<name> or post_<name> of a running bot with @http.route and its URL appears here.'));
        return;
      }
      this.list.replaceChildren(...routes.map((route) => this.row(route)));
    } catch (e) {
      const missing = e instanceof ApiError && e.status === 404;
      this.list.replaceChildren(h('p', { class: 'muted' }, missing ? 'This platform does not list webhooks yet (GET /api/webhooks arrives with the streams feature).' : errorText(e)));
    }
  }

  private row(route: Route): HTMLElement {
    const copyButton = h('button', { type: 'button', class: 'secondary', 'aria-label': `Copy the URL of ${route.name}` }, 'Copy');
    copyButton.addEventListener('click', () => void copy(route.url, copyButton));
    const tryButton = h('button', { type: 'button', class: 'primary', 'aria-label': `Try ${route.method} ${route.name}` }, 'Try it');
    tryButton.addEventListener('click', () => void this.tryIt(route));
    return h(
      'div',
      { class: 'webhook card' },
      h('div', {}, h('span', { class: `badge ${route.method.toLowerCase()}` }, route.method), ' ', h('strong', {}, route.name), h('span', { class: 'muted' }, ` · ${route.bot}`)),
      h('input', { value: route.url, readOnly: true, class: 'mono', 'aria-label': `URL of ${route.name}` }),
      h('div', { class: 'row' }, copyButton, tryButton),
    );
  }

  private async tryIt(route: Route): Promise<void> {
    this.output.textContent = `${route.method} ${route.name}…`;
    try {
      const response = await fetch(route.url, route.method === 'POST' ? { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' } : {});
      const text = await response.text();
      let pretty = text;
      try {
        pretty = JSON.stringify(JSON.parse(text), null, 2);
      } catch {
        // Not JSON: shown as it came.
      }
      this.output.textContent = `${response.status} ${response.statusText}\n${pretty}`;
    } catch (e) {
      this.output.textContent = errorText(e);
    }
  }
}
