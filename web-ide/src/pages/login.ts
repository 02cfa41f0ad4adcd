// Log in and sign up: one form, two actions. Signing up logs in straight away. When the platform logs people in
// through an OpenID Connect provider, the page offers that provider's login instead.
import { api, session } from '../api';
import { providerName, startOidcLogin, usesProvider } from '../oidc';
import { errorText, h } from '../ui';

export function loginPage(onLoggedIn: () => void, problem: string | null = null): HTMLElement {
  if (usesProvider()) return providerLoginPage(problem);
  const error = h('p', { class: 'error', role: 'alert', 'data-testid': 'login-error' });
  const username = h('input', { id: 'login-username', name: 'username', autocomplete: 'username', required: true, spellcheck: false });
  const password = h('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true, minLength: 8 });
  const logIn = h('button', { type: 'submit', class: 'primary' }, 'Log in');
  const signUp = h('button', { type: 'button', class: 'secondary' }, 'Sign up');

  const login = async () => {
    const answer = await api<{ token: string }>('POST', '/api/auth/login', { username: username.value, password: password.value });
    session.set(answer.token);
    onLoggedIn();
  };
  const run = async (action: () => Promise<void>) => {
    error.textContent = '';
    logIn.disabled = signUp.disabled = true;
    try {
      await action();
    } catch (e) {
      error.textContent = errorText(e);
    } finally {
      logIn.disabled = signUp.disabled = false;
    }
  };
  const form = h(
    'form',
    { class: 'card login', 'aria-labelledby': 'login-title' },
    h('h1', { id: 'login-title' }, 'Botlink'),
    h('p', {}, 'Write, run and share Python trading bots.'),
    h('div', { class: 'field' }, h('label', { htmlFor: 'login-username' }, 'Username'), username),
    h('div', { class: 'field' }, h('label', { htmlFor: 'login-password' }, 'Password (at least 8 characters)'), password),
    error,
    h('div', { class: 'actions' }, signUp, logIn),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(login);
  });
  signUp.addEventListener('click', () => {
    if (!form.reportValidity()) return;
    void run(async () => {
      await api('POST', '/api/auth/signup', { username: username.value, password: password.value });
      await login();
    });
  });
  return h('div', { class: 'page center' }, form);
}

function providerLoginPage(problem: string | null): HTMLElement {
  const error = h('p', { class: 'error', role: 'alert', 'data-testid': 'login-error' }, problem ?? '');
  const logIn = h('button', { type: 'button', class: 'primary' }, `Log in with ${providerName()}`);
  logIn.addEventListener('click', () => {
    logIn.disabled = true;
    startOidcLogin().catch((e) => {
      error.textContent = errorText(e);
      logIn.disabled = false;
    });
  });
  return h(
    'div',
    { class: 'page center' },
    h(
      'section',
      { class: 'card login', 'aria-labelledby': 'login-title' },
      h('h1', { id: 'login-title' }, 'Botlink'),
      h('p', {}, 'Write, run and share Python trading bots. This Botlink logs you in through your organisation\'s login.'),
      error,
      h('div', { class: 'actions' }, logIn),
    ),
  );
}
