// A listing's chart on the marketplace page: candles of its symbol on its exchange's replayed market, the listing's
// stored signals as markers (GET /api/marketplace/listings/{id}/signals) and the equity of its reference execution
// (performance.pnl_history, the "performance since listing") on the left scale. Refreshed every few seconds while open.
import { SeriesMarker, Time, UTCTimestamp } from 'lightweight-charts';
import { api } from '../api';
import { CandleChart, createCandleChart, perSecond } from '../run/candle-chart';
import { errorText, h } from '../ui';

export interface ChartedListing {
  id: number;
  name: string;
  exchange: string;
  symbol: string;
}

interface ListingSignal {
  time: number;
  kind: 'size' | 'mid' | 'quote';
  value: number | null;
  bid: number | null;
  ask: number | null;
}

const REFRESH_MS = 5000;
const MINUTE = 60;

export class ListingChart {
  private readonly title = h('h2', { id: 'listing-chart-title' }, 'Listing chart');
  private readonly host = h('div', { class: 'chart-host', 'data-testid': 'listing-chart' });
  private readonly status = h('p', { class: 'muted', role: 'status', 'data-testid': 'listing-chart-status' });
  readonly element = h(
    'section',
    { class: 'card', 'aria-labelledby': 'listing-chart-title', 'data-testid': 'listing-chart-panel', hidden: true },
    this.title,
    this.host,
    this.status,
    h('p', { class: 'muted small' }, 'Signals of the listing as markers (arrows: target position up or down, dots: mid or quote signals); the blue line on the left scale is the equity of the listing’s reference execution since it was listed.'),
  );
  private drawn: CandleChart | null = null;
  private listing: ChartedListing | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;

  async open(listing: ChartedListing): Promise<void> {
    this.listing = listing;
    this.title.textContent = `${listing.name}: ${listing.symbol} on ${listing.exchange}`;
    this.element.hidden = false;
    this.drawn ??= createCandleChart(this.host);
    clearInterval(this.timer);
    this.timer = setInterval(() => void this.load(false), REFRESH_MS);
    await this.load(true);
    this.element.scrollIntoView({ block: 'nearest' });
  }

  close(): void {
    clearInterval(this.timer);
    this.element.hidden = true;
  }

  private async load(fit: boolean): Promise<void> {
    const listing = this.listing;
    const drawn = this.drawn;
    if (!listing || !drawn) return;
    try {
      const [market, signals, current] = await Promise.all([
        api<{ candles: { time: number; open: number; high: number; low: number; close: number }[] }>('GET', `/api/markets/${encodeURIComponent(listing.exchange)}/${encodeURIComponent(listing.symbol)}/candles?level=1m&limit=500`),
        api<ListingSignal[]>('GET', `/api/marketplace/listings/${listing.id}/signals`),
        api<{ performance?: { pnl_history?: [number, number][] } }>('GET', `/api/marketplace/listings/${listing.id}`),
      ]);
      drawn.candles.setData(market.candles.map((c) => ({ time: (c.time / 1000) as UTCTimestamp, open: +c.open, high: +c.high, low: +c.low, close: +c.close })));
      drawn.markers.setMarkers(markersOf(signals));
      const equity = perSecond(current.performance?.pnl_history ?? []);
      drawn.equity.setData(equity);
      this.element.dataset.signals = String(signals.length);
      this.element.dataset.equityPoints = String(equity.length);
      if (fit) drawn.chart.timeScale().fitContent();
      this.status.textContent = `${signals.length} signals, ${equity.length} equity samples, ${market.candles.length} candles`;
    } catch (e) {
      this.status.textContent = errorText(e);
    }
  }
}

function markersOf(signals: ListingSignal[]): SeriesMarker<Time>[] {
  const bar = (time: number) => (Math.floor(time / 1000 / MINUTE) * MINUTE) as UTCTimestamp;
  return signals
    .map((s): SeriesMarker<Time> => {
      if (s.kind === 'size') {
        const target = Number(s.value ?? 0);
        return target === 0
          ? { time: bar(s.time), position: 'inBar', color: '#d7dae0', shape: 'circle', text: 'flat' }
          : { time: bar(s.time), position: target > 0 ? 'belowBar' : 'aboveBar', color: target > 0 ? '#3fb950' : '#f85149', shape: target > 0 ? 'arrowUp' : 'arrowDown', text: `target ${target}` };
      }
      const text = s.kind === 'mid' ? `mid ${s.value}` : `quote ${s.bid} / ${s.ask}`;
      return { time: bar(s.time), position: 'inBar', color: '#58a6ff', shape: 'circle', text };
    })
    .sort((a, b) => Number(a.time) - Number(b.time));
}
