// Open orders, fills and positions of the bots, updated from order, fill and position events.
import { h } from '../ui';

type Row = Record<string, unknown>;

function table(label: string, columns: string[], testId: string) {
  const body = h('tbody');
  const empty = h('p', { class: 'muted empty' });
  const element = h(
    'div',
    { class: 'table-wrap' },
    h('table', { class: 'grid compact', 'data-testid': testId }, h('caption', { class: 'sr-only' }, label), h('thead', {}, h('tr', {}, ...columns.map((c) => h('th', { scope: 'col' }, c)))), body),
    empty,
  );
  const render = (rows: Row[], emptyText: string) => {
    body.replaceChildren(...rows.map((row) => h('tr', {}, ...columns.map((c) => h('td', {}, format(row[c]))))));
    empty.textContent = rows.length ? '' : emptyText;
  };
  return { element, render };
}

function format(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' && value > 1e12 && value < 1e14) return new Date(value).toISOString().slice(11, 19);
  return String(value);
}

export class TradingTables {
  private readonly orders = new Map<string, Row>();
  private readonly fills: Row[] = [];
  private readonly positions = new Map<string, Row>();
  readonly ordersView = table('Open orders', ['venue', 'sym', 'side', 'order_price', 'remain_size', 'order_id'], 'orders');
  readonly fillsView = table('Fills', ['time', 'venue', 'sym', 'side', 'fill_size', 'fill_price'], 'fills');
  readonly positionsView = table('Positions', ['venue', 'sym', 'side', 'pos_size', 'entry_price', 'mark_price', 'liq_price'], 'positions');
  private note = 'Nothing yet.';

  /** Shown when the events cannot carry orders, fills and positions (polling mode). */
  setNote(note: string): void {
    this.note = note;
    this.render();
  }

  order(data: Row): void {
    const id = String(data.order_id ?? '');
    const remain = Number(data.remain_size ?? 0);
    const status = String(data.status ?? '').toLowerCase();
    if (remain <= 0 || ['filled', 'cancelled', 'canceled', 'rejected'].includes(status)) this.orders.delete(id);
    else this.orders.set(id, data);
    this.render();
  }

  fill(data: Row): void {
    this.fills.unshift(data);
    this.fills.length = Math.min(this.fills.length, 500);
    this.render();
  }

  position(data: Row): void {
    const key = `${data.venue}:${data.sym}`;
    if (Number(data.pos_size ?? 0) === 0) this.positions.delete(key);
    else this.positions.set(key, data);
    this.render();
  }

  reset(): void {
    this.orders.clear();
    this.fills.length = 0;
    this.positions.clear();
    this.render();
  }

  private render(): void {
    this.ordersView.render([...this.orders.values()], this.note);
    this.fillsView.render(this.fills, this.note);
    this.positionsView.render([...this.positions.values()], this.note);
  }
}
