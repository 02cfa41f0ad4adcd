// Marketplace: create a listed bot from one of my Signals files (Bots → Create), browse listings with their
// performance since listing, deploy one onto my venue, and control my deployments. Private parameter values and the
// script never reach other accounts: the server leaves them out, this page only shows what it gets.
import { api } from '../api';
import { announce, ask, errorText, h } from '../ui';
import { ListingChart } from './listing-chart';

interface ParameterSpec {
  name: string;
  type: string;
  description: string;
  choices: string[];
  default: unknown;
}
interface BotType {
  botType: string;
  signal: string;
  parameters: ParameterSpec[];
}
interface Metrics {
  total_return: number;
  sharpe_ratio: number | null;
  max_drawdown: number;
  trade_count: number;
}
interface Listing {
  id: number;
  name: string;
  description: string;
  exchange: string;
  symbol: string;
  botType: string;
  mine: boolean;
  parameters: Record<string, { default: unknown }>;
  privateParameters: string[];
  performance?: Metrics;
}
interface Deployment {
  id: number;
  listingId: number;
  venue: string;
  symbol: string;
  botType: string;
  desired: string;
  status: string;
  reason: string | null;
}

const percent = (value: number) => `${(value * 100).toFixed(2)}%`;

export function marketplacePage(): { element: HTMLElement; show: () => void } {
  const error = h('p', { class: 'error', role: 'alert' });
  const file = h('input', { id: 'listing-file', required: true, placeholder: 'signals/trend.py', autocomplete: 'off' });
  const name = h('input', { id: 'listing-name', required: true, maxLength: 64, autocomplete: 'off' });
  const description = h('textarea', { id: 'listing-description', required: true, maxLength: 2000, rows: 2 });
  const symbol = h('input', { id: 'listing-symbol', required: true, value: 'XBTUSD', autocomplete: 'off' });
  const type = h('select', { id: 'listing-type' });
  const parameterRows = h('tbody');
  let types: BotType[] = [];
  const syncParameters = () => {
    const spec = types.find((t) => t.botType === type.value);
    parameterRows.replaceChildren(
      ...(spec?.parameters ?? []).map((p) =>
        h(
          'tr',
          { 'data-parameter': p.name },
          h('th', { scope: 'row', title: p.description }, p.name),
          h('td', {}, h('input', { 'aria-label': `${p.name} value`, name: `value-${p.name}`, placeholder: p.default == null ? 'off' : String(p.default), autocomplete: 'off' })),
          h('td', {}, h('input', { type: 'checkbox', 'aria-label': `${p.name} private`, name: `private-${p.name}` })),
        ),
      ),
    );
  };
  type.addEventListener('change', syncParameters);
  const create = h(
    'form',
    { class: 'card', 'aria-labelledby': 'create-listing-title', 'data-testid': 'create-listing' },
    h('h2', { id: 'create-listing-title' }, 'Create a bot from a Signals file'),
    h('div', { class: 'field' }, h('label', { htmlFor: 'listing-file' }, 'Signals file'), file),
    h('div', { class: 'field' }, h('label', { htmlFor: 'listing-name' }, 'Name'), name),
    h('div', { class: 'field' }, h('label', { htmlFor: 'listing-description' }, 'Description'), description),
    h('div', { class: 'field' }, h('label', { htmlFor: 'listing-symbol' }, 'Symbol'), symbol),
    h('div', { class: 'field' }, h('label', { htmlFor: 'listing-type' }, 'Bot type'), type),
    h('table', { class: 'grid' }, h('caption', {}, 'Parameters (empty: the default; private: only you see it)'), h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Parameter'), h('th', { scope: 'col' }, 'Value'), h('th', { scope: 'col' }, 'Private'))), parameterRows),
    error,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Create and list')),
  );
  create.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    const parameters: Record<string, { value: string; private: boolean }> = {};
    parameterRows.querySelectorAll<HTMLTableRowElement>('tr').forEach((row) => {
      const key = row.dataset.parameter!;
      const value = row.querySelector<HTMLInputElement>(`[name="value-${key}"]`)!.value.trim();
      const hidden = row.querySelector<HTMLInputElement>(`[name="private-${key}"]`)!.checked;
      if (value) parameters[key] = { value, private: hidden };
    });
    try {
      await api('POST', '/api/marketplace/listings', { file: file.value, name: name.value, description: description.value, symbol: symbol.value, botType: type.value, parameters });
      announce('Listed');
      name.value = description.value = '';
      void show();
    } catch (e) {
      error.textContent = errorText(e);
    }
  });

  const listingRows = h('tbody');
  const listings = h('table', { class: 'grid', 'data-testid': 'listings' }, h('caption', {}, 'Listings, with performance since listing'), h('thead', {}, h('tr', {}, ...['Name', 'Symbol', 'Type', 'Return', 'Sharpe', 'Max drawdown', 'Trades', ''].map((t) => h('th', { scope: 'col' }, t)))), listingRows);
  const chart = new ListingChart();
  const deploymentRows = h('tbody');
  const deployments = h('table', { class: 'grid', 'data-testid': 'deployments' }, h('caption', {}, 'My deployments'), h('thead', {}, h('tr', {}, ...['Listing', 'Venue', 'Symbol', 'Status', 'Note', ''].map((t) => h('th', { scope: 'col' }, t)))), deploymentRows);

  const deploy = async (listing: Listing) => {
    const fields = [{ name: 'venue', label: 'Venue', value: 'BitMEX' }, ...Object.entries(listing.parameters).map(([key, p]) => ({ name: key, label: key, value: p.default == null ? '' : String(p.default) }))];
    const values = await ask(`Deploy ${listing.name}`, fields, 'Deploy', listing.privateParameters.length ? `Set by the author: ${listing.privateParameters.join(', ')}` : undefined);
    if (!values) return;
    const { venue, ...rest } = values;
    const parameters = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== ''));
    try {
      await api('POST', '/api/marketplace/deployments', { listingId: listing.id, venue, parameters });
      announce('Deployed');
      void show();
    } catch (e) {
      announce(errorText(e), 'error');
    }
  };
  const control = (deployment: Deployment, action: string) => async () => {
    try {
      if (action === 'remove') await api('DELETE', `/api/marketplace/deployments/${deployment.id}`);
      else await api('POST', `/api/marketplace/deployments/${deployment.id}/${action}`);
      void show();
    } catch (e) {
      announce(errorText(e), 'error');
    }
  };

  const show = async () => {
    try {
      if (!types.length) {
        types = await api<BotType[]>('GET', '/api/marketplace/bot-types');
        type.replaceChildren(...types.map((t) => h('option', { value: t.botType }, `${t.botType} (${t.signal})`)));
        syncParameters();
      }
      const [found, mine] = await Promise.all([api<Listing[]>('GET', '/api/marketplace/listings'), api<Deployment[]>('GET', '/api/marketplace/deployments')]);
      listingRows.replaceChildren(
        ...found.map((listing) => {
          const p = listing.performance;
          const button = h('button', { type: 'button', class: 'secondary', 'aria-label': `Deploy ${listing.name}` }, 'Deploy');
          button.addEventListener('click', () => void deploy(listing));
          const charting = h('button', { type: 'button', class: 'secondary', 'aria-label': `Chart ${listing.name}` }, 'Chart');
          charting.addEventListener('click', () => void chart.open(listing));
          return h('tr', { title: listing.description }, h('td', {}, listing.name), h('td', {}, listing.symbol), h('td', {}, listing.botType), h('td', {}, p ? percent(p.total_return) : '—'), h('td', {}, p?.sharpe_ratio == null ? '—' : p.sharpe_ratio.toFixed(2)), h('td', {}, p ? percent(p.max_drawdown) : '—'), h('td', {}, p ? String(p.trade_count) : '—'), h('td', {}, charting, button));
        }),
      );
      const names = new Map(found.map((l) => [l.id, l.name]));
      deploymentRows.replaceChildren(
        ...mine.map((d) => {
          const actions = ['pause', 'resume', 'stop', 'remove'].map((action) => {
            const button = h('button', { type: 'button', class: action === 'remove' ? 'danger' : 'secondary', 'aria-label': `${action} deployment ${d.id}` }, action[0].toUpperCase() + action.slice(1));
            button.addEventListener('click', () => void control(d, action)());
            return button;
          });
          return h('tr', { 'data-deployment': String(d.id) }, h('td', {}, names.get(d.listingId) ?? `#${d.listingId}`), h('td', {}, d.venue), h('td', {}, d.symbol), h('td', { 'data-testid': 'deployment-status' }, d.status), h('td', {}, d.reason ?? ''), h('td', {}, ...actions));
        }),
      );
    } catch (e) {
      error.textContent = errorText(e);
    }
  };
  const element = h('div', { class: 'page' }, h('h1', {}, 'Marketplace'), h('p', {}, 'List a Signals script as a Position, Grid or Market Maker bot, or deploy someone else’s onto your own venue. Scripts and private parameters stay with their author.'), listings, chart.element, deployments, create);
  return { element, show: () => void show() };
}
