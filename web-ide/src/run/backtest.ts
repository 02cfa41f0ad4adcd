// The Backtest panel: backtests the open file (POST /api/backtests) over a chosen data source, symbol and period,
// follows its progress (the IDE channel's `backtest` events, and GET polling), cancels it, then draws the report:
// candles with the fills as markers, the equity curve, the metrics table. Below, the account's past backtests, and
// CSV imports (POST /api/backtests/imports).
import { CandlestickSeries, createChart, createSeriesMarkers, IChartApi, ISeriesApi, ISeriesMarkersPluginApi, LineSeries, SeriesMarker, Time, UTCTimestamp } from 'lightweight-charts';
import { api, ApiError, session } from '../api';
import { announce, confirmAction, errorText, h } from '../ui';
import { CANDLE_STYLE, CHART_OPTIONS } from './candle-chart';

export interface BacktestMetrics {
  pnl?: number | string;
  returnPct?: number | string;
  sharpe?: number | string | null;
  sortino?: number | string | null;
  maxDrawdownPct?: number | string;
  winRate?: number | string | null;
  exposurePct?: number | string;
  fees?: number | string;
  trades?: number;
  fills?: number;
}

interface Fill {
  time: number | string;
  side: string;
  price: number | string;
  size: number | string;
  fee?: number | string;
}

/** A report candle: {time, open, high, low, close} or [time, open, high, low, close, volume]. */
type Candle = { time: number | string; open: number | string; high: number | string; low: number | string; close: number | string } | (number | string)[];

export interface Backtest {
  id: string;
  name?: string;
  status: 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';
  createdAt?: string;
  finishedAt?: string | null;
  metrics?: BacktestMetrics | null;
  progress?: { percent?: number; etaSeconds?: number | null; simulatedTime?: string | number | null };
  error?: string | null;
  report?: { metrics: BacktestMetrics; equity?: [number | string, number | string][]; drawdown?: [number, number][]; fills?: Fill[]; candles?: Candle[]; log?: { time: unknown; level: string; message: string }[] } | null;
}

export interface ImportInfo {
  importId: string;
  name: string;
  kind: string;
  symbol: string | null;
  rows: number;
  from: string;
  to: string;
}

/** What the panel needs of the editor: the open file (saved first) and whether it is a Signals bot. */
export interface OpenScript {
  path: string;
  signals: boolean;
}

const FINISHED = new Set(['completed', 'failed', 'cancelled']);
const METRICS: [keyof BacktestMetrics, string, string][] = [
  ['pnl', 'PnL', ''],
  ['returnPct', 'Return', ' %'],
  ['sharpe', 'Sharpe', ''],
  ['sortino', 'Sortino', ''],
  ['maxDrawdownPct', 'Max drawdown', ' %'],
  ['winRate', 'Win rate', ''],
  ['exposurePct', 'Exposure', ' %'],
  ['fees', 'Fees', ''],
  ['trades', 'Trades', ''],
  ['fills', 'Fills', ''],
];
const SYMBOLS = ['XBTUSD', 'XBTUSDT', 'ETHUSDT', 'PERP_BTC_USDT', 'PERP_ETH_USDT'];
const POLL_MS = 1000;

function millis(time: number | string): number {
  return typeof time === 'number' ? time : Date.parse(time);
}

/** Money (PnL, fees) exactly as reported; ratios to 4 decimals (the JSON report keeps every digit). */
function metricText(key: keyof BacktestMetrics, value: number | string): string {
  if (key === 'pnl' || key === 'fees' || typeof value !== 'number' || Number.isInteger(value)) return String(value);
  return String(Number(value.toFixed(4)));
}

function candleOf(c: Candle) {
  const [time, open, high, low, close] = Array.isArray(c) ? c : [c.time, c.open, c.high, c.low, c.close];
  return { time: Math.floor(millis(time) / 1000) as UTCTimestamp, open: Number(open), high: Number(high), low: Number(low), close: Number(close) };
}

/** The last of the ascending {@code times} at or before {@code time} (the first one when all are later). */
function atOrBefore(times: number[], time: number): number {
  let low = 0;
  let high = times.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (times[mid] <= time) low = mid;
    else high = mid - 1;
  }
  return times[low] ?? time;
}

function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  return h('div', { class: 'field' }, h('label', { htmlFor: control.id }, label), control, hint ? h('span', { class: 'muted small' }, hint) : null);
}

export class BacktestPanel {
  private readonly file = h('p', { class: 'muted small', 'data-testid': 'backtest-file' });
  private readonly data = h('select', { id: 'bt-data', 'data-testid': 'backtest-data' });
  private readonly seed = h('input', { id: 'bt-seed', type: 'number', value: '42', min: '0', step: '1' });
  private readonly seedField = field('Seed', this.seed);
  private readonly exchange = h('select', { id: 'bt-exchange' }, h('option', { value: 'bitmex' }, 'BitMEX'), h('option', { value: 'woo' }, 'WOO'));
  private readonly symbol = h('input', { id: 'bt-symbol', value: 'XBTUSD', list: 'bt-symbols', spellcheck: false, autocomplete: 'off' });
  private readonly from = h('input', { id: 'bt-from', type: 'datetime-local', step: '60' });
  private readonly to = h('input', { id: 'bt-to', type: 'datetime-local', step: '60' });
  private readonly balance = h('input', { id: 'bt-balance', inputMode: 'decimal', placeholder: 'default', autocomplete: 'off' });
  private readonly execution = h('select', { id: 'bt-execution' }, ...['position', 'grid', 'market-maker'].map((t) => h('option', { value: t }, t)));
  private readonly parameters = h('textarea', { id: 'bt-parameters', rows: 3, class: 'mono', spellcheck: false, placeholder: '{"max_position": 1}' });
  private readonly executionFields = h('fieldset', { class: 'plain', hidden: true }, h('legend', {}, 'Execution (Signals bot)'), field('Bot type', this.execution), field('Parameters (JSON)', this.parameters));
  private readonly runButton = h('button', { type: 'submit', class: 'primary', 'data-testid': 'backtest-run' }, 'Run backtest');
  private readonly progress = h('progress', { id: 'bt-progress', max: 100, value: 0, 'data-testid': 'backtest-progress' });
  private readonly progressText = h('span', { role: 'status', class: 'small', 'data-testid': 'backtest-status' });
  private readonly cancelButton = h('button', { type: 'button', class: 'danger', 'data-testid': 'backtest-cancel', disabled: true }, 'Cancel');
  private readonly problem = h('p', { class: 'error small', role: 'alert', 'data-testid': 'backtest-error' });
  private readonly candleHost = h('div', { class: 'bt-chart', 'data-testid': 'backtest-candles', 'aria-label': 'Candles with the backtest fills', role: 'img' });
  private readonly equityHost = h('div', { class: 'bt-chart small-chart', 'data-testid': 'backtest-equity', 'aria-label': 'Equity curve', role: 'img' });
  private readonly metrics = h('tbody');
  private readonly candleSection = h('div', {}, h('h3', { class: 'panel-title' }, 'Candles and fills'), this.candleHost);
  private readonly result = h(
    'section',
    { class: 'bt-result', hidden: true, 'aria-label': 'Backtest report', 'data-testid': 'backtest-result' },
    this.candleSection,
    h('h3', { class: 'panel-title' }, 'Equity'),
    this.equityHost,
    h('table', { class: 'grid compact', 'data-testid': 'backtest-metrics' }, h('caption', { class: 'sr-only' }, 'Backtest metrics'), this.metrics),
  );
  private readonly history = h('tbody', { 'data-testid': 'backtest-history' });
  private readonly importFile = h('input', { id: 'bt-import-file', type: 'file', accept: '.csv,text/csv' });
  private readonly importKind = h('select', { id: 'bt-import-kind' }, h('option', { value: 'trades' }, 'trades (time, price, size, side)'), h('option', { value: 'candles' }, 'candles (time, open, high, low, close, volume)'));
  private readonly importNote = h('p', { class: 'small muted', role: 'status', 'data-testid': 'import-status' });
  readonly element: HTMLElement;
  private script: () => Promise<OpenScript | null> = async () => null;
  private current: string | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private candleChart: IChartApi | null = null;
  private candleSeries: ISeriesApi<'Candlestick'> | null = null;
  private candleMarkers: ISeriesMarkersPluginApi<Time> | null = null;
  private equityMarkers: ISeriesMarkersPluginApi<Time> | null = null;
  private equityChart: IChartApi | null = null;
  private equitySeries: ISeriesApi<'Line'> | null = null;
  private imports: ImportInfo[] = [];
  /** Whether the current backtest's end has been shown (its report drawn), so the next one may start. */
  private finishedShown = true;

  constructor() {
    const form = h(
      'form',
      { class: 'bt-form', 'aria-label': 'Backtest settings' },
      this.file,
      field('Data', this.data),
      this.seedField,
      h('div', { class: 'pair' }, field('Exchange', this.exchange), field('Symbol', this.symbol)),
      h('datalist', { id: 'bt-symbols' }, ...SYMBOLS.map((s) => h('option', { value: s }))),
      h('div', { class: 'pair' }, field('From (UTC)', this.from), field('To (UTC)', this.to)),
      field('Starting balance (USD)', this.balance),
      this.executionFields,
      h('div', { class: 'row' }, this.runButton, this.cancelButton),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.start();
    });
    this.data.addEventListener('change', () => (this.seedField.hidden = this.data.value !== 'synthetic'));
    this.cancelButton.addEventListener('click', () => void this.cancel());
    const importForm = h(
      'form',
      { class: 'bt-form', 'aria-label': 'Import CSV data' },
      field('CSV file', this.importFile),
      field('It holds', this.importKind),
      h('div', { class: 'row' }, h('button', { type: 'submit', class: 'secondary', 'data-testid': 'import-upload' }, 'Import')),
      this.importNote,
    );
    importForm.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.upload();
    });
    this.element = h(
      'div',
      { class: 'backtest-panel', 'data-testid': 'backtest-panel' },
      form,
      h('div', { class: 'bt-progress' }, h('label', { htmlFor: 'bt-progress', class: 'sr-only' }, 'Backtest progress'), this.progress, this.progressText),
      this.problem,
      this.result,
      h('h3', { class: 'panel-title' }, 'Past backtests'),
      h('div', { class: 'table-wrap' }, h('table', { class: 'grid compact' }, h('caption', { class: 'sr-only' }, 'Past backtests'), h('thead', {}, h('tr', {}, ...['Backtest', 'Status', 'Return', ''].map((c) => h('th', { scope: 'col' }, c)))), this.history)),
      h('details', { class: 'bt-import' }, h('summary', {}, 'Import CSV data'), importForm),
    );
    this.seedField.hidden = true;
    this.renderData();
  }

  /** The editor's open file, saved; null when none is open (the panel says so). */
  bind(script: () => Promise<OpenScript | null>): void {
    this.script = script;
  }

  /** The open file changed: its name, and the execution fields for Signals bots. */
  setFile(file: OpenScript | null): void {
    this.file.textContent = file ? `Backtests ${file.path}` : 'Open a file to backtest it.';
    this.executionFields.hidden = !file?.signals;
    this.runButton.disabled = !file || (this.current !== null && !this.finishedShown);
  }

  async show(): Promise<void> {
    await Promise.all([this.refreshHistory(), this.refreshImports()]);
  }

  /** A `backtest` event of the IDE channel: {id, status, percent, etaSeconds}. */
  onEvent(data: Record<string, unknown>): void {
    if (String(data.id) !== this.current) {
      if (FINISHED.has(String(data.status))) void this.refreshHistory();
      return;
    }
    this.showProgress({ id: String(data.id), status: data.status as Backtest['status'], progress: { percent: Number(data.percent ?? 0), etaSeconds: data.etaSeconds as number | null } });
    if (FINISHED.has(String(data.status))) void this.poll();
  }

  private async start(): Promise<void> {
    const script = await this.script();
    if (!script) {
      announce('Open a file to backtest it');
      return;
    }
    const body: Record<string, unknown> = { file: script.path, exchange: this.exchange.value, symbol: this.symbol.value.trim() };
    const choice = this.data.value;
    body.data = choice.startsWith('import:') ? { kind: 'import', importId: choice.slice(7) } : choice === 'synthetic' ? { kind: 'synthetic', seed: Number(this.seed.value || 0) } : { kind: choice };
    const utc = (local: string) => (local.length === 16 ? `${local}:00Z` : `${local}Z`);
    if (this.from.value) body.from = utc(this.from.value);
    if (this.to.value) body.to = utc(this.to.value);
    if (this.balance.value.trim()) body.startingBalance = this.balance.value.trim();
    if (script.signals) {
      let parameters: unknown = {};
      try {
        parameters = this.parameters.value.trim() ? JSON.parse(this.parameters.value) : {};
      } catch (e) {
        this.problem.textContent = `The parameters are not JSON: ${errorText(e)}`;
        this.parameters.focus();
        return;
      }
      body.execution = { type: this.execution.value, parameters };
    }
    this.problem.textContent = '';
    try {
      const created = await api<{ id: string; status: Backtest['status'] }>('POST', '/api/backtests', body);
      this.current = String(created.id);
      this.finishedShown = false;
      this.runButton.disabled = true;
      this.result.hidden = true;
      this.showProgress({ id: this.current, status: created.status, progress: { percent: 0 } });
      announce(`Backtest ${this.current} started`);
      void this.refreshHistory();
      this.schedulePoll();
    } catch (e) {
      this.problem.textContent = e instanceof ApiError ? e.message : errorText(e);
    }
  }

  private async cancel(): Promise<void> {
    if (!this.current) return;
    try {
      await api('POST', `/api/backtests/${encodeURIComponent(this.current)}/cancel`);
      announce(`Cancelling backtest ${this.current}`);
      void this.poll();
    } catch (e) {
      announce(errorText(e), 'error');
    }
  }

  private schedulePoll(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.poll(), POLL_MS);
  }

  private async poll(): Promise<void> {
    const id = this.current;
    if (!id || !session.token) return;
    try {
      const backtest = await api<Backtest>('GET', `/api/backtests/${encodeURIComponent(id)}`);
      if (id !== this.current) return;
      this.showProgress(backtest);
      if (FINISHED.has(backtest.status)) {
        if (!this.finishedShown) {
          this.finishedShown = true;
          this.showReport(backtest);
          void this.refreshHistory();
        }
        return;
      }
    } catch (e) {
      this.progressText.textContent = errorText(e);
    }
    this.schedulePoll();
  }

  private showProgress(backtest: Backtest): void {
    const percent = Math.max(0, Math.min(100, Number(backtest.progress?.percent ?? 0)));
    const done = FINISHED.has(backtest.status);
    this.progress.value = backtest.status === 'completed' ? 100 : percent;
    this.progress.setAttribute('aria-valuetext', `${backtest.status} ${Math.round(this.progress.value)}%`);
    const eta = backtest.progress?.etaSeconds;
    this.progressText.textContent = `Backtest ${backtest.id}: ${backtest.status}${done ? '' : ` ${percent.toFixed(0)}%`}${!done && typeof eta === 'number' ? `, about ${Math.ceil(eta)} s left` : ''}`;
    this.element.dataset.status = backtest.status;
    this.cancelButton.disabled = done;
    this.runButton.disabled = !done;
    if (backtest.status === 'failed') this.problem.textContent = backtest.error ?? 'The backtest failed.';
  }

  /** Draws a finished backtest's report: candles with the fills (or, without candles, the fills on the equity curve), equity, metrics. */
  private showReport(backtest: Backtest): void {
    const report = backtest.report;
    if (!report) {
      this.result.hidden = true;
      return;
    }
    this.result.hidden = false;
    this.ensureCharts();
    const candles = (report.candles ?? []).map(candleOf).filter((c) => Number.isFinite(c.open));
    this.candleSection.hidden = candles.length === 0;
    this.candleSeries!.setData(candles);
    const equityPoints = new Map<number, number>();
    for (const [time, value] of report.equity ?? []) equityPoints.set(Math.floor(Number(time) / 1000), Number(value));
    const equity = [...equityPoints].sort((a, b) => a[0] - b[0]).map(([time, value]) => ({ time: time as UTCTimestamp, value }));
    this.equitySeries!.setData(equity);
    // Each fill goes to the bar (or equity point) holding its time: markers must sit on the series' own times.
    const times = (candles.length ? candles : equity).map((p) => Number(p.time));
    const fills = report.fills ?? [];
    const markers: SeriesMarker<Time>[] = fills.map((f) => ({
      time: atOrBefore(times, Math.floor(millis(f.time) / 1000)) as UTCTimestamp,
      position: f.side === 'Buy' ? 'belowBar' : 'aboveBar',
      color: f.side === 'Buy' ? '#3fb950' : '#f85149',
      shape: f.side === 'Buy' ? 'arrowUp' : 'arrowDown',
      text: `${f.side} ${f.size} @ ${f.price}`,
    }));
    markers.sort((a, b) => Number(a.time) - Number(b.time));
    this.candleMarkers!.setMarkers(candles.length ? markers : []);
    this.equityMarkers!.setMarkers(candles.length ? [] : markers);
    this.result.dataset.markers = String(times.length ? markers.length : 0);
    this.result.dataset.markersOn = candles.length ? 'candles' : 'equity';
    this.candleChart!.timeScale().fitContent();
    this.equityChart!.timeScale().fitContent();
    this.metrics.replaceChildren(
      ...METRICS.map(([key, label, unit]) => {
        const value = report.metrics?.[key];
        return h('tr', { 'data-metric': key }, h('th', { scope: 'row' }, label), h('td', {}, value === undefined || value === null ? '–' : `${metricText(key, value)}${unit}`));
      }),
    );
  }

  private ensureCharts(): void {
    if (this.candleChart) return;
    this.candleChart = createChart(this.candleHost, CHART_OPTIONS);
    this.candleSeries = this.candleChart.addSeries(CandlestickSeries, CANDLE_STYLE);
    this.candleMarkers = createSeriesMarkers(this.candleSeries, []);
    this.equityChart = createChart(this.equityHost, CHART_OPTIONS);
    this.equitySeries = this.equityChart.addSeries(LineSeries, { color: '#d29922', lineWidth: 2, title: 'Equity' });
    this.equityMarkers = createSeriesMarkers(this.equitySeries, []);
  }

  private async refreshHistory(): Promise<void> {
    let list: Backtest[];
    try {
      list = await api<Backtest[]>('GET', '/api/backtests');
    } catch (e) {
      this.history.replaceChildren(h('tr', {}, h('td', { colSpan: 4, class: 'muted' }, errorText(e))));
      return;
    }
    if (!list.length) {
      this.history.replaceChildren(h('tr', {}, h('td', { colSpan: 4, class: 'muted' }, 'No backtests yet.')));
      return;
    }
    this.history.replaceChildren(
      ...list.slice(0, 50).map((b) =>
        h(
          'tr',
          {},
          h('td', {}, h('button', { type: 'button', class: 'link', 'aria-label': `Open backtest ${b.id}`, onclick: () => void this.open(String(b.id)) }, b.name ?? `#${b.id}`)),
          h('td', {}, b.status),
          h('td', {}, b.metrics?.returnPct === undefined || b.metrics?.returnPct === null ? '–' : `${metricText('returnPct', b.metrics.returnPct)} %`),
          h('td', {}, h('button', { type: 'button', class: 'secondary small', 'aria-label': `Delete backtest ${b.id}`, onclick: () => void this.remove(String(b.id)) }, '×')),
        ),
      ),
    );
  }

  /** Shows a past backtest (its progress if it still runs). */
  private async open(id: string): Promise<void> {
    this.current = id;
    this.finishedShown = false;
    this.result.hidden = true;
    this.problem.textContent = '';
    await this.poll();
  }

  private async remove(id: string): Promise<void> {
    if (!(await confirmAction(`Delete backtest ${id}?`, 'Its report is deleted too.'))) return;
    try {
      await api('DELETE', `/api/backtests/${encodeURIComponent(id)}`);
      if (this.current === id) {
        this.current = null;
        this.result.hidden = true;
      }
      await this.refreshHistory();
    } catch (e) {
      announce(errorText(e), 'error');
    }
  }

  private async refreshImports(): Promise<void> {
    try {
      this.imports = await api<ImportInfo[]>('GET', '/api/backtests/imports');
    } catch {
      this.imports = [];
    }
    this.renderData();
  }

  private renderData(): void {
    const chosen = this.data.value;
    this.data.replaceChildren(
      h('option', { value: 'btc-trades' }, 'BTC trades (Bitstamp, 2013-11-25)'),
      h('option', { value: 'eth-5m' }, 'ETH 5-minute bars (2023-03-13)'),
      h('option', { value: 'synthetic' }, 'Synthetic trades (seeded)'),
      ...this.imports.map((i) => h('option', { value: `import:${i.importId}` }, `Import: ${i.name} (${i.rows} ${i.kind})`)),
    );
    if ([...this.data.options].some((o) => o.value === chosen)) this.data.value = chosen;
    this.seedField.hidden = this.data.value !== 'synthetic';
  }

  /** Uploads the chosen CSV gzipped (the platform's body limit applies to the compressed bytes). */
  private async upload(): Promise<void> {
    const file = this.importFile.files?.[0];
    if (!file) {
      this.importNote.textContent = 'Choose a CSV file first.';
      return;
    }
    this.importNote.textContent = `Importing ${file.name}…`;
    try {
      const body = await new Response(file.stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
      const query = new URLSearchParams({ kind: this.importKind.value, symbol: this.symbol.value.trim(), name: file.name.slice(0, 64) });
      const response = await fetch(`/api/backtests/imports?${query}`, { method: 'POST', headers: { Authorization: `Bearer ${session.token}`, 'Content-Type': 'text/csv', 'Content-Encoding': 'gzip', Accept: 'application/json' }, body });
      const answer = (await response.json().catch(() => ({}))) as Partial<ImportInfo> & { message?: string };
      if (!response.ok) {
        this.importNote.textContent = answer.message ?? `${response.status} ${response.statusText}`;
        return;
      }
      this.importNote.textContent = `Imported ${answer.rows} ${answer.kind} from ${answer.from} to ${answer.to}.`;
      await this.refreshImports();
      this.data.value = `import:${answer.importId}`;
      this.seedField.hidden = true;
    } catch (e) {
      this.importNote.textContent = errorText(e);
    }
  }
}
