"""Time levels, candle_bin/time_range, and the rolling bars handed to candle_update_<level> callbacks."""
import math

MINUTE = 60_000
LEVELS = {
    '1m': MINUTE, '3m': 3 * MINUTE, '5m': 5 * MINUTE, '15m': 15 * MINUTE, '30m': 30 * MINUTE,
    '1h': 60 * MINUTE, '2h': 120 * MINUTE, '3h': 180 * MINUTE, '4h': 240 * MINUTE, '6h': 360 * MINUTE,
    '12h': 720 * MINUTE, '1d': 1440 * MINUTE, '1w': 10080 * MINUTE,
}
# Weeks start on Monday (1970-01-05), as exchanges bin them; the epoch itself was a Thursday.
_WEEK_OFFSET = 4 * 1440 * MINUTE
BAR_COUNT = 360
MAX_RANGE = 100_000


def level_millis(level):
    try:
        return LEVELS[level]
    except (KeyError, TypeError):
        raise ValueError(f"unknown level {level!r}: use one of {', '.join(LEVELS)}") from None


def _epoch_ms(value, name='value'):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValueError(f"{name} must be an epoch time in milliseconds, not {value!r}")
    return int(value)


def candle_bin(value, level, ceil=False):
    step = level_millis(level)
    value = _epoch_ms(value)
    offset = _WEEK_OFFSET if level == '1w' else 0
    floor = (value - offset) // step * step + offset
    return floor + step if ceil and floor != value else floor


def time_range(start, end, level, include_start=True):
    step = level_millis(level)
    start, end = _epoch_ms(start, 'start'), _epoch_ms(end, 'end')
    first = start if include_start else start + step
    if end >= first and (end - first) // step >= MAX_RANGE:
        raise ValueError(f"time_range would have more than {MAX_RANGE} values: use a larger level")
    return list(range(first, end + 1, step))


class Bars:
    """The last 360 OHLCV bars of one level, updated on every trade: bars.closes[-1] is the bar in progress."""

    __slots__ = ('level', 'step', 'times', '_opens', '_highs', '_lows', '_closes', '_volumes', '_arrays')

    def __init__(self, level):
        self.level = level
        self.step = level_millis(level)
        self.times, self._opens, self._highs, self._lows, self._closes, self._volumes = [], [], [], [], [], []
        self._arrays = None

    def update(self, time, price, size):
        start = candle_bin(time, self.level)
        self._arrays = None
        if self.times and start == self.times[-1]:
            self._highs[-1] = max(self._highs[-1], price)
            self._lows[-1] = min(self._lows[-1], price)
            self._closes[-1] = price
            self._volumes[-1] += size
        elif not self.times or start > self.times[-1]:
            self._append(start, price, price, price, price, size)
        elif start in self.times:
            i = self.times.index(start)
            self._highs[i] = max(self._highs[i], price)
            self._lows[i] = min(self._lows[i], price)
            self._volumes[i] += size

    def seed(self, candles):
        """Replaces the bars with history: a list of {time, open, high, low, close, volume}."""
        for series in (self.times, self._opens, self._highs, self._lows, self._closes, self._volumes):
            series.clear()
        self._arrays = None
        for c in sorted(candles, key=lambda c: c['time'])[-BAR_COUNT:]:
            self._append(candle_bin(c['time'], self.level), float(c['open']), float(c['high']), float(c['low']),
                         float(c['close']), float(c.get('volume', 0.0)))

    def _append(self, start, o, h, low, c, v):
        for series, value in zip((self.times, self._opens, self._highs, self._lows, self._closes, self._volumes),
                                 (start, o, h, low, c, v)):
            series.append(value)
            if len(series) > BAR_COUNT:
                del series[0]

    def _array(self, index, series):
        # numpy arrays when numpy is available (talib and numpy code expect them), lists otherwise.
        if self._arrays is None:
            self._arrays = [None] * 5
        if self._arrays[index] is None:
            try:
                import numpy
                self._arrays[index] = numpy.array(series, dtype=float)
            except ImportError:
                self._arrays[index] = list(series)
        return self._arrays[index]

    opens = property(lambda self: self._array(0, self._opens))
    highs = property(lambda self: self._array(1, self._highs))
    lows = property(lambda self: self._array(2, self._lows))
    closes = property(lambda self: self._array(3, self._closes))
    volumes = property(lambda self: self._array(4, self._volumes))

    def __len__(self):
        return len(self.times)

    def __getitem__(self, i):
        return {'time': self.times[i], 'open': self._opens[i], 'high': self._highs[i], 'low': self._lows[i],
                'close': self._closes[i], 'volume': self._volumes[i]}

    def __iter__(self):
        return (self[i] for i in range(len(self.times)))

    def __repr__(self):
        return f"<Bars {self.level}: {len(self.times)} bars>"
