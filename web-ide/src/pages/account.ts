// The account page: API key with the private websocket URL, and the webhook secret; each copyable and rotatable.
import { Account, api } from '../api';
import { announce, confirmAction, copyField, errorText, h } from '../ui';

export function accountPage(): { element: HTMLElement; show: () => void } {
  const body = h('div', { class: 'stack' });
  const element = h('div', { class: 'page' }, h('h1', {}, 'Account'), body);

  const rotate = (what: string, path: string, warning: string) => {
    const button = h('button', { type: 'button', class: 'danger', 'data-testid': `rotate-${path.split('/')[0]}` }, 'Rotate');
    button.addEventListener('click', async () => {
      if (!(await confirmAction(`Rotate the ${what}?`, warning, 'Rotate'))) return;
      try {
        await api('POST', `/api/account/${path}`);
        announce(`New ${what} made`);
        show();
      } catch (e) {
        announce(errorText(e), 'error');
      }
    });
    return button;
  };

  const show = async () => {
    try {
      const account = await api<Account>('GET', '/api/account');
      const streamUrl = `${account.streamUrl}`;
      body.replaceChildren(
        h('p', {}, 'Logged in as ', h('strong', { 'data-testid': 'account-username' }, account.username), '.'),
        h(
          'section',
          { class: 'card', 'aria-labelledby': 'api-key-title' },
          h('h2', { id: 'api-key-title' }, 'API key and private websocket feed'),
          h('p', {}, 'Programs outside Botlink read what your bots publish from the private websocket URL; the API key is its token.'),
          copyField('API key', account.apiKey, 'api-key', rotate('API key', 'api-key/rotate', 'The old key and websocket URL stop working at once.')),
          copyField('Private websocket URL', streamUrl, 'stream-url'),
        ),
        h(
          'section',
          { class: 'card', 'aria-labelledby': 'webhook-title' },
          h('h2', { id: 'webhook-title' }, 'Webhooks'),
          h('p', {}, 'Webhook URLs of your bots contain this secret; see the Bolt panel in the editor for each URL.'),
          copyField('Webhook secret', account.webhookSecret, 'webhook-secret', rotate('webhook secret', 'webhook-secret/rotate', 'Webhook URLs with the old secret stop working at once.')),
          copyField('Webhook base URL', account.webhookBaseUrl, 'webhook-base'),
        ),
      );
    } catch (e) {
      body.replaceChildren(h('p', { class: 'error', role: 'alert' }, errorText(e)));
    }
  };
  return { element, show: () => void show() };
}
