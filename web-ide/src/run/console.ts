// The bot console: log lines coloured by level, following the newest line unless scrolled up, searchable.
import { h } from '../ui';

export const MAX_LINES = 5000;

export interface ConsoleLine {
  id?: unknown;
  time?: unknown;
  level?: unknown;
  message?: unknown;
}

export class BotConsole {
  private readonly list = h('ol', { class: 'console-lines', 'data-testid': 'console', 'aria-label': 'Bot log', tabIndex: 0 });
  private readonly search = h('input', { type: 'search', placeholder: 'Search the log', 'aria-label': 'Search the log', 'data-testid': 'console-search' });
  private readonly follow = h('input', { type: 'checkbox', checked: true, id: 'console-follow' });
  private readonly count = h('span', { class: 'muted', 'aria-live': 'off' });
  readonly element = h(
    'div',
    { class: 'console' },
    h('div', { class: 'toolbar' }, this.search, h('label', { class: 'check' }, this.follow, ' Follow'), this.count, h('button', { type: 'button', class: 'secondary', onclick: () => this.clear() }, 'Clear')),
    this.list,
  );

  constructor() {
    this.search.addEventListener('input', () => this.filter());
    this.list.addEventListener('scroll', () => {
      const atBottom = this.list.scrollHeight - this.list.scrollTop - this.list.clientHeight < 8;
      if (!atBottom && this.follow.checked) this.follow.checked = false;
    });
  }

  /** Shows the lines of another bot (or of none). */
  showLines(lines: ConsoleLine[]): void {
    this.clear();
    lines.forEach((line) => this.add(line));
  }

  add(line: ConsoleLine): void {
    const level = String(line.level ?? 'INFO').toUpperCase();
    const time = typeof line.time === 'string' ? line.time.slice(11, 19) : '';
    const item = h('li', { class: `log ${level.toLowerCase()}` }, h('time', {}, time), h('span', { class: 'level' }, level), h('span', { class: 'message' }, String(line.message ?? '')));
    item.hidden = !this.matches(item);
    this.list.append(item);
    while (this.list.childElementCount > MAX_LINES) this.list.firstElementChild?.remove();
    this.count.textContent = `${this.list.childElementCount} lines`;
    if (this.follow.checked) this.list.scrollTop = this.list.scrollHeight;
  }


  clear(): void {
    this.list.replaceChildren();
    this.count.textContent = '';
  }

  private matches(item: HTMLElement): boolean {
    const query = this.search.value.trim().toLowerCase();
    return !query || (item.textContent ?? '').toLowerCase().includes(query);
  }

  private filter(): void {
    for (const item of this.list.children) (item as HTMLElement).hidden = !this.matches(item as HTMLElement);
  }
}
