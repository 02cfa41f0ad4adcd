// Venues: the account's named sets of exchange keys. Keys are write-only: sent once, never shown again.
import { api, Venue } from '../api';
import { announce, confirmAction, errorText, h } from '../ui';

const EXCHANGES: Record<string, string[]> = { paper: ['bitmex', 'woo'], live: ['bitmex', 'bybit', 'binance'] };

export function venuesPage(): { element: HTMLElement; show: () => void } {
  const rows = h('tbody');
  const table = h(
    'table',
    { class: 'grid', 'data-testid': 'venues' },
    h('caption', { class: 'sr-only' }, 'Your venues'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Exchange'), h('th', { scope: 'col' }, 'Mode'), h('th', { scope: 'col' }, 'Keys'), h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Actions')))),
    rows,
  );
  const error = h('p', { class: 'error', role: 'alert' });
  const name = h('input', { id: 'venue-name', required: true, placeholder: 'BitMEX-Live', autocomplete: 'off' });
  const mode = h('select', { id: 'venue-mode' }, h('option', { value: 'paper' }, 'Paper (simulated)'), h('option', { value: 'live' }, 'Live'));
  const exchange = h('select', { id: 'venue-exchange' });
  const apiKey = h('input', { id: 'venue-key', type: 'password', autocomplete: 'new-password' });
  const apiSecret = h('input', { id: 'venue-secret', type: 'password', autocomplete: 'new-password' });
  const keys = h(
    'div',
    { class: 'stack' },
    h('div', { class: 'field' }, h('label', { htmlFor: 'venue-key' }, 'API key (write-only)'), apiKey),
    h('div', { class: 'field' }, h('label', { htmlFor: 'venue-secret' }, 'API secret (write-only)'), apiSecret),
  );
  const syncMode = () => {
    exchange.replaceChildren(...EXCHANGES[mode.value].map((x) => h('option', { value: x }, x)));
    keys.hidden = mode.value !== 'live';
    apiKey.required = apiSecret.required = mode.value === 'live';
  };
  mode.addEventListener('change', syncMode);
  syncMode();
  const form = h(
    'form',
    { class: 'card', 'aria-labelledby': 'add-venue-title' },
    h('h2', { id: 'add-venue-title' }, 'Add a venue'),
    h('div', { class: 'field' }, h('label', { htmlFor: 'venue-name' }, 'Name (what your code passes as venue)'), name),
    h('div', { class: 'field' }, h('label', { htmlFor: 'venue-mode' }, 'Mode'), mode),
    h('div', { class: 'field' }, h('label', { htmlFor: 'venue-exchange' }, 'Exchange'), exchange),
    keys,
    error,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Add venue')),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    try {
      const live = mode.value === 'live';
      await api('POST', '/api/venues', {
        name: name.value,
        exchange: exchange.value,
        mode: mode.value,
        apiKey: live ? apiKey.value : undefined,
        apiSecret: live ? apiSecret.value : undefined,
      });
      apiKey.value = apiSecret.value = name.value = '';
      announce('Venue added');
      void show();
    } catch (e) {
      error.textContent = errorText(e);
    }
  });

  const show = async () => {
    try {
      const venues = await api<Venue[]>('GET', '/api/venues');
      rows.replaceChildren(
        ...venues.map((venue) => {
          const remove = h('button', { type: 'button', class: 'danger', 'aria-label': `Delete venue ${venue.name}` }, 'Delete');
          remove.addEventListener('click', async () => {
            if (!(await confirmAction(`Delete ${venue.name}?`, 'Bots that name this venue can no longer trade on it.'))) return;
            try {
              await api('DELETE', `/api/venues/${venue.id}`);
              void show();
            } catch (e) {
              announce(errorText(e), 'error');
            }
          });
          return h('tr', {}, h('td', {}, venue.name), h('td', {}, venue.exchange), h('td', {}, venue.mode), h('td', {}, venue.hasApiKey ? 'set' : '—'), h('td', {}, remove));
        }),
      );
    } catch (e) {
      error.textContent = errorText(e);
    }
  };
  const element = h('div', { class: 'page' }, h('h1', {}, 'Venues'), h('p', {}, 'A venue is your name for an exchange account. Paper venues trade on the simulated market; live venues need API keys, which are stored sealed and never shown again.'), table, form);
  return { element, show: () => void show() };
}
