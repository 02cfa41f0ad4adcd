// The chart every page draws on: candles on the right scale, markers on the candles and a left scale for a line
// (equity), in the IDE's dark theme. Pages add their own layers.
import { CandlestickSeries, createChart, createSeriesMarkers, IChartApi, ISeriesApi, ISeriesMarkersPluginApi, LineSeries, Time, UTCTimestamp } from 'lightweight-charts';

export interface CandleChart {
  chart: IChartApi;
  candles: ISeriesApi<'Candlestick'>;
  markers: ISeriesMarkersPluginApi<Time>;
  /** The equity line on the left scale. */
  equity: ISeriesApi<'Line'>;
}

/** The dark theme every chart of the IDE uses. */
export const CHART_OPTIONS = {
  autoSize: true,
  layout: { background: { color: '#1b1d23' }, textColor: '#d7dae0' },
  grid: { vertLines: { color: '#2a2e37' }, horzLines: { color: '#2a2e37' } },
  timeScale: { timeVisible: true, secondsVisible: false },
};

/** Green up, red down, no borders. */
export const CANDLE_STYLE = { upColor: '#3fb950', downColor: '#f85149', wickUpColor: '#3fb950', wickDownColor: '#f85149', borderVisible: false };

export function createCandleChart(host: HTMLElement): CandleChart {
  const chart = createChart(host, { ...CHART_OPTIONS, leftPriceScale: { visible: true } });
  const candles = chart.addSeries(CandlestickSeries, CANDLE_STYLE);
  const markers = createSeriesMarkers(candles, []);
  const equity = chart.addSeries(LineSeries, { priceScaleId: 'left', color: '#58a6ff', lineWidth: 2, title: 'Equity' });
  return { chart, candles, markers, equity };
}

/** [epoch ms, value] points as a line's data: one point per second (the last of that second wins), in time order. */
export function perSecond(points: Iterable<[number, number]>): { time: UTCTimestamp; value: number }[] {
  const bySecond = new Map<number, number>();
  for (const [time, value] of points) bySecond.set(Math.floor(Number(time) / 1000), Number(value));
  return [...bySecond].sort((a, b) => a[0] - b[0]).map(([time, value]) => ({ time: time as UTCTimestamp, value }));
}
