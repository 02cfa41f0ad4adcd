// Small DOM helpers shared by the pages: element building, copy to clipboard, accessible dialogs and notices.
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, unknown> = {},
  ...children: (Node | string | null | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2).toLowerCase(), value as EventListener);
    } else if (key === 'class') {
      element.className = String(value);
    } else if (key in element && !key.includes('-') && key !== 'list') {
      (element as unknown as Record<string, unknown>)[key] = value;
    } else {
      element.setAttribute(key, value === true ? '' : String(value));
    }
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child);
  }
  return element;
}

export async function copy(text: string, button?: HTMLElement): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = h('textarea', { value: text, 'aria-hidden': 'true' });
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
  if (button) {
    const label = button.textContent;
    button.textContent = 'Copied';
    setTimeout(() => (button.textContent = label), 1200);
  }
  announce('Copied to the clipboard');
}

/** A read-only value with Copy (and optionally a second action) buttons. */
export function copyField(label: string, value: string, testId: string, ...extra: HTMLElement[]): HTMLElement {
  const id = `field-${testId}`;
  const input = h('input', { id, value, readOnly: true, class: 'mono', 'data-testid': testId, spellcheck: false });
  const button = h('button', { type: 'button', 'aria-label': `Copy ${label}` }, 'Copy');
  button.addEventListener('click', () => copy(input.value, button));
  return h('div', { class: 'field' }, h('label', { htmlFor: id }, label), h('div', { class: 'row' }, input, button, ...extra));
}

const live = h('div', { class: 'sr-only', 'aria-live': 'polite', role: 'status' });
document.body.append(live);

/** Says something to screen readers and shows it briefly as a toast. */
export function announce(message: string, kind: 'info' | 'error' = 'info'): void {
  live.textContent = message;
  const toast = h('div', { class: `toast ${kind}`, role: kind === 'error' ? 'alert' : undefined }, message);
  document.body.append(toast);
  setTimeout(() => toast.remove(), kind === 'error' ? 6000 : 2500);
}

export interface DialogField {
  name: string;
  label: string;
  value?: string;
  options?: { value: string; label: string }[];
}

/** A modal form; resolves with the field values, or null when cancelled (Escape or Cancel). */
export function ask(title: string, fields: DialogField[], submitLabel = 'OK', message?: string): Promise<Record<string, string> | null> {
  return new Promise((resolve) => {
    const inputs = fields.map((field) => {
      const id = `dialog-${field.name}`;
      const control = field.options
        ? h('select', { id, name: field.name }, ...field.options.map((o) => h('option', { value: o.value, selected: o.value === field.value }, o.label)))
        : h('input', { id, name: field.name, value: field.value ?? '', autocomplete: 'off', spellcheck: false });
      return h('div', { class: 'field' }, h('label', { htmlFor: id }, field.label), control);
    });
    const cancel = h('button', { type: 'button', class: 'secondary' }, 'Cancel');
    const form = h(
      'form',
      { method: 'dialog' },
      h('h2', {}, title),
      message ? h('p', {}, message) : null,
      ...inputs,
      h('div', { class: 'actions' }, cancel, h('button', { type: 'submit', class: 'primary' }, submitLabel)),
    );
    const dialog = h('dialog', { 'aria-label': title }, form);
    document.body.append(dialog);
    let answered = false;
    const finish = (value: Record<string, string> | null) => {
      if (answered) return;
      answered = true;
      dialog.close();
      dialog.remove();
      resolve(value);
    };
    cancel.addEventListener('click', () => finish(null));
    dialog.addEventListener('close', () => finish(null));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const values: Record<string, string> = {};
      new FormData(form).forEach((value, key) => (values[key] = String(value)));
      finish(values);
    });
    dialog.showModal();
    const first = dialog.querySelector<HTMLElement>('input, select');
    if (first instanceof HTMLInputElement) first.select();
    first?.focus();
  });
}

export async function confirmAction(title: string, message: string, action = 'Delete'): Promise<boolean> {
  return (await ask(title, [], action, message)) !== null;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
