// The chart: candles of a symbol from GET /api/markets/{venue}/{symbol}/candles, refreshed every few seconds, with
// the bots' fills and signals as markers (live, from the IDE channel), the equity curve of the charted venue
// (GET /api/equity/{venue}, then live `equity` events) on the left scale, and the PnL of the account's position in
// the charted symbol as a line on its own overlay scale.
import { IChartApi, ISeriesApi, ISeriesMarkersPluginApi, LineSeries, SeriesMarker, Time, UTCTimestamp } from 'lightweight-charts';
import { api, Venue } from '../api';
import { errorText, h } from '../ui';
import { createCandleChart, perSecond } from './candle-chart';

interface CandleView {
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

const LEVELS: Record<string, number> = { '1m': 60, '5m': 300, '15m': 900, '1h': 3600, '4h': 14400, '1d': 86400 };
const SYMBOLS = ['XBTUSD', 'XBTUSDT', 'ETHUSDT', 'LTCUSDT', 'SOLUSDT', 'PERP_BTC_USDT', 'PERP_ETH_USDT', 'PERP_LTC_USDT', 'PERP_SOL_USDT'];
const REFRESH_MS = 5000;

export class ChartPanel {
  private readonly venue = h('select', { id: 'chart-venue', 'aria-label': 'Venue' });
  private readonly symbol = h('input', { id: 'chart-symbol', value: 'XBTUSD', list: 'chart-symbols', 'aria-label': 'Symbol', size: 12, spellcheck: false });
  private readonly level = h('select', { id: 'chart-level', 'aria-label': 'Candle level' }, ...Object.keys(LEVELS).map((l) => h('option', { value: l }, l)));
  private readonly status = h('p', { class: 'muted', role: 'status', 'data-testid': 'chart-status' });
  private readonly host = h('div', { class: 'chart-host', 'data-testid': 'chart' });
  private readonly equityNote = h('p', { class: 'muted small', 'data-testid': 'chart-equity' });
  readonly element = h(
    'div',
    { class: 'chart-panel', 'data-testid': 'chart-panel' },
    h('div', { class: 'toolbar' }, this.venue, this.symbol, h('datalist', { id: 'chart-symbols' }, ...SYMBOLS.map((s) => h('option', { value: s }))), this.level),
    this.host,
    this.status,
    this.equityNote,
    h('p', { class: 'muted small' }, 'Fills (arrows) and signals (dots) of your bots appear as markers. The blue line on the left scale is the equity of this venue (wallet balance plus unrealised PnL) in the currency of your position here, sampled while your bots run; the yellow line is the realised plus unrealised PnL of your position in this symbol.'),
  );
  private chart: IChartApi | null = null;
  private series: ISeriesApi<'Candlestick'> | null = null;
  private markers: ISeriesMarkersPluginApi<Time> | null = null;
  private pnlSeries: ISeriesApi<'Line'> | null = null;
  private equitySeries: ISeriesApi<'Line'> | null = null;
  private equity: { venue: string; currency: string; points: [number, number][] } = { venue: '', currency: '', points: [] };
  /** Settlement currency of the account's position per venue and symbol, from position events. */
  private readonly currencies = new Map<string, string>();
  private readonly fills: { time: number; sym: string; side: string; size: unknown; price: unknown }[] = [];
  private readonly signals: { time: number; sym: string; text: string }[] = [];
  private readonly pnl: { time: number; venue: string; sym: string; value: number }[] = [];
  private timer: ReturnType<typeof setInterval> | undefined;
  private loadedKey = '';

  constructor() {
    for (const control of [this.venue, this.symbol, this.level]) control.addEventListener('change', () => void this.load(true));
  }

  /** Starts drawing and refreshing; called when the panel becomes visible. */
  async show(): Promise<void> {
    if (!this.chart) {
      const drawn = createCandleChart(this.host);
      this.chart = drawn.chart;
      this.series = drawn.candles;
      this.markers = drawn.markers;
      this.equitySeries = drawn.equity;
      this.pnlSeries = this.chart.addSeries(LineSeries, { priceScaleId: 'pnl', color: '#d29922', lineWidth: 2, title: 'PnL' });
      try {
        const venues = await api<Venue[]>('GET', '/api/venues');
        this.venue.replaceChildren(...venues.filter((v) => v.mode === 'paper').map((v) => h('option', { value: v.name }, v.name)));
      } catch (e) {
        this.status.textContent = errorText(e);
      }
    }
    clearInterval(this.timer);
    this.timer = setInterval(() => void this.load(false), REFRESH_MS);
    await this.load(true);
  }

  hide(): void {
    clearInterval(this.timer);
  }

  /** A fill of one of the bots: drawn when its symbol is on the chart. */
  addFill(data: Record<string, unknown>, eventTime: string): void {
    const time = typeof data.time === 'number' ? data.time : Date.parse(eventTime);
    this.fills.push({ time, sym: String(data.sym ?? ''), side: String(data.side ?? ''), size: data.fill_size, price: data.fill_price });
    if (this.fills.length > 1000) this.fills.shift();
    this.drawMarkers();
  }

  /** A signal of one of the bots ({size}, {mid} or {quote}/{bid, ask}): drawn when its symbol is on the chart. */
  addSignal(data: Record<string, unknown>, eventTime: string): void {
    const quote = Array.isArray(data.quote) ? data.quote : data.bid !== undefined || data.ask !== undefined ? [data.bid, data.ask] : null;
    const text = data.size !== undefined ? `target ${data.size}` : data.mid !== undefined ? `mid ${data.mid}` : quote ? `quote ${quote.join(' / ')}` : 'signal';
    this.signals.push({ time: Date.parse(eventTime), sym: String(data.sym ?? ''), text });
    if (this.signals.length > 1000) this.signals.shift();
    this.drawMarkers();
  }

  /** A position update: its realised + unrealised PnL becomes the next point of the PnL line for its symbol. */
  addPosition(data: Record<string, unknown>, eventTime: string): void {
    // The event carries the Link position (with PnL and currency) under `info`.
    const info = (typeof data.info === 'object' && data.info !== null ? data.info : data) as Record<string, unknown>;
    const value = Number(info.realised_pnl ?? 0) + Number(info.unrealised_pnl ?? 0);
    if (typeof info.currency === 'string') this.currencies.set(`${String(data.venue ?? '')}/${String(data.sym ?? '')}`, info.currency);
    if (!Number.isFinite(value)) return;
    this.pnl.push({ time: typeof data.time === 'number' ? data.time : Date.parse(eventTime), venue: String(data.venue ?? ''), sym: String(data.sym ?? ''), value });
    if (this.pnl.length > 5000) this.pnl.shift();
    this.drawPnl();
  }

  /** An equity sample of one of the account's venues: appended when it is the charted venue and currency. */
  addEquity(data: Record<string, unknown>): void {
    const time = Number(data.time);
    const value = Number(data.equity);
    if (data.venue !== this.equity.venue || data.currency !== this.equity.currency || !Number.isFinite(time) || !Number.isFinite(value)) return;
    const last = this.equity.points.at(-1);
    if (last && time <= last[0]) return;
    this.equity.points.push([time, value]);
    if (this.equity.points.length > 5000) this.equity.points.shift();
    this.drawEquity();
  }

  private async loadEquity(): Promise<void> {
    const venue = this.venue.value;
    const currency = this.currencies.get(`${venue}/${this.symbol.value}`);
    const query = currency ? `?currency=${encodeURIComponent(currency)}` : '';
    try {
      const answer = await api<{ venue: string; currency: string | null; points: [number, number][] }>('GET', `/api/equity/${encodeURIComponent(venue)}${query}`);
      this.equity = { venue: answer.venue, currency: answer.currency ?? '', points: answer.points.map(([t, v]) => [Number(t), Number(v)]) };
    } catch {
      // No samples in that currency yet (404): the curve starts once a bot of the account runs.
      this.equity = { venue, currency: currency ?? '', points: [] };
    }
    this.drawEquity();
  }

  private async load(reset: boolean): Promise<void> {
    if (!this.series || !this.venue.value) return;
    const key = `${this.venue.value}/${this.symbol.value}/${this.level.value}`;
    try {
      const answer = await api<{ candles: CandleView[] }>('GET', `/api/markets/${encodeURIComponent(this.venue.value)}/${encodeURIComponent(this.symbol.value)}/candles?level=${this.level.value}&limit=500`);
      const data = answer.candles.map((c) => ({ time: (c.time / 1000) as UTCTimestamp, open: +c.open, high: +c.high, low: +c.low, close: +c.close }));
      this.series.setData(data);
      if (reset || key !== this.loadedKey) this.chart?.timeScale().fitContent();
      this.loadedKey = key;
      const last = answer.candles.at(-1);
      this.status.textContent = last ? `${answer.candles.length} candles; last close ${last.close} at ${new Date(last.time).toISOString().slice(0, 16).replace('T', ' ')} UTC` : 'No candles yet.';
      this.drawMarkers();
      this.drawPnl();
      await this.loadEquity();
    } catch (e) {
      this.status.textContent = errorText(e);
    }
  }

  private drawMarkers(): void {
    if (!this.markers) return;
    const step = LEVELS[this.level.value] ?? 60;
    const bar = (time: number) => (Math.floor(time / 1000 / step) * step) as UTCTimestamp;
    const markers: SeriesMarker<Time>[] = this.fills
      .filter((f) => f.sym === this.symbol.value)
      .map((f): SeriesMarker<Time> => ({
        time: bar(f.time),
        position: f.side === 'Buy' ? 'belowBar' : 'aboveBar',
        color: f.side === 'Buy' ? '#3fb950' : '#f85149',
        shape: f.side === 'Buy' ? 'arrowUp' : 'arrowDown',
        text: `${f.side} ${f.size} @ ${f.price}`,
      }))
      .concat(this.signals.filter((s) => s.sym === this.symbol.value).map((s): SeriesMarker<Time> => ({ time: bar(s.time), position: 'inBar', color: '#58a6ff', shape: 'circle', text: s.text })));
    markers.sort((a, b) => Number(a.time) - Number(b.time));
    this.markers.setMarkers(markers);
    this.element.dataset.markers = String(markers.length);
  }

  /** One point per second (the last sample of that second wins). */
  private drawEquity(): void {
    if (!this.equitySeries) return;
    const points = perSecond(this.equity.points);
    this.equitySeries.setData(points);
    this.element.dataset.equityPoints = String(points.length);
    this.equityNote.textContent = this.equity.points.length
      ? `Equity of ${this.equity.venue}: ${this.equity.points.at(-1)?.[1]} ${this.equity.currency} (${this.equity.points.length} samples)`
      : 'Equity: no samples yet (they are taken while your bots run).';
  }

  /** One point per second (the last update of that second wins), for the charted venue and symbol. */
  private drawPnl(): void {
    if (!this.pnlSeries) return;
    const charted = this.pnl.filter((p) => p.sym === this.symbol.value && (p.venue === '' || p.venue === this.venue.value));
    this.pnlSeries.setData(perSecond(charted.map((p): [number, number] => [p.time, p.value])));
  }
}
