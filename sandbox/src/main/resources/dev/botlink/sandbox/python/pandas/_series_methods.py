"""Series methods: missing data, shifts and changes, windows, reductions (pandas' skipna semantics) and transforms."""
import math

import numpy
from numpy._reduce import float_sum

nan = float('nan')


def _isna(value):
    return value is None or (isinstance(value, float) and value != value)


class SeriesMethods:
    """Mixed into Series; every method returns a new Series unless it says otherwise."""

    # Conversion

    def astype(self, dtype, copy=True):
        if dtype in (str, 'str'):
            return self._like([str(v) for v in self._v], 'O')
        if dtype in (object, 'object', 'O'):
            return self._like(list(self._v), 'O')
        kind = numpy.dtype(dtype).kind
        cast = {'f': float, 'i': int, 'b': bool}[kind]
        try:
            return self._like([cast(v) for v in self._v], kind)
        except ValueError as e:
            raise ValueError(f'cannot convert the Series to {numpy.dtype(dtype).name}: {e}') from None

    def copy(self, deep=True):
        return self._like(list(self._v), self._kind)

    def to_dict(self):
        return dict(zip(self.index, self._v))

    def head(self, n=5):
        return self.iloc[:n]

    def tail(self, n=5):
        return self.iloc[-n:] if n else self.iloc[0:0]

    def reset_index(self, drop=False):
        if not drop:
            raise NotImplementedError("Series.reset_index() without drop=True is not in Botlink's pandas")
        from ._index import RangeIndex
        return self.__class__._make(list(self._v), RangeIndex(len(self._v)), self._kind, self.name)

    def rename(self, name):
        result = self.copy()
        result.name = name
        return result

    # Missing data

    def isna(self):
        return self._like([_isna(v) for v in self._v], 'b')

    isnull = isna

    def notna(self):
        return self._like([not _isna(v) for v in self._v], 'b')

    notnull = notna

    def ffill(self, limit=None):
        return self._fill(range(len(self._v)), limit)

    pad = ffill

    def bfill(self, limit=None):
        return self._fill(range(len(self._v) - 1, -1, -1), limit)

    backfill = bfill

    def _fill(self, order, limit):
        values = list(self._v)
        last, run = nan, 0
        for i in order:
            if _isna(values[i]):
                run += 1
                if not _isna(last) and (limit is None or run <= limit):
                    values[i] = last
            else:
                last, run = values[i], 0
        return self._like(values)

    def fillna(self, value=None, method=None, limit=None):
        if method in ('ffill', 'pad'):
            return self.ffill(limit)
        if method in ('bfill', 'backfill'):
            return self.bfill(limit)
        if value is None:
            raise ValueError("Must specify a fill 'value' or 'method'.")
        if hasattr(value, 'index') and hasattr(value, '_v'):
            return self._like([value[label] if _isna(v) and label in value.index else v
                               for label, v in zip(self.index, self._v)])
        return self._like([value if _isna(v) else v for v in self._v])

    def dropna(self):
        return self._take([i for i, v in enumerate(self._v) if not _isna(v)])

    def first_valid_index(self):
        return next((label for label, v in zip(self.index, self._v) if not _isna(v)), None)

    def last_valid_index(self):
        return next((label for label, v in zip(reversed(list(self.index)), reversed(self._v)) if not _isna(v)), None)

    # Shifts and changes

    def shift(self, periods=1, fill_value=None):
        n = len(self._v)
        fill = nan if fill_value is None else fill_value
        if periods >= 0:
            values = [fill] * min(periods, n) + self._v[:max(n - periods, 0)]
        else:
            values = self._v[-periods:] + [fill] * min(-periods, n)
        kind = self._kind if fill_value is not None or periods == 0 else None
        return self._like(values, kind)

    def diff(self, periods=1):
        previous = self.shift(periods)
        values = [a - b if not (_isna(a) or _isna(b)) else nan for a, b in zip(self._floats(), previous._v)]
        return self._like(values, 'f')

    def pct_change(self, periods=1):
        previous = self.shift(periods)
        values = []
        for a, b in zip(self._floats(), previous._v):
            values.append(nan if _isna(a) or _isna(b) else numpy._math.true_divide(a, b) - 1)
        return self._like(values, 'f')

    # Windows

    def rolling(self, window, min_periods=None, center=False):
        from ._window import Rolling
        return Rolling(self, window, min_periods, center)

    def expanding(self, min_periods=1):
        from ._window import Rolling
        return Rolling(self, None, min_periods, expanding=True)

    def ewm(self, com=None, span=None, halflife=None, alpha=None, min_periods=0, adjust=True, ignore_na=False):
        from ._window import ExponentialMovingWindow
        return ExponentialMovingWindow(self, com, span, halflife, alpha, min_periods, adjust, ignore_na)

    # Reductions (NaN skipped, as pandas does by default)

    def _present(self):
        return [v for v in self._floats() if v == v]

    def sum(self, skipna=True):
        if self._kind in 'ib':
            return sum(int(v) for v in self._v)
        values = self._floats()
        if not skipna and any(v != v for v in values):
            return numpy.float64(nan)
        return numpy.float64(float_sum([v if v == v else 0.0 for v in values]))

    def mean(self, skipna=True):
        values = self._floats()
        count = sum(1 for v in values if v == v)
        if (not skipna and count < len(values)) or count == 0:
            return numpy.float64(nan)
        return numpy.float64(float_sum([v if v == v else 0.0 for v in values]) / count)

    def var(self, ddof=1, skipna=True):
        values = self._floats()
        mask = [v != v for v in values]
        count = len(values) - sum(mask)
        if (not skipna and count < len(values)) or count - ddof <= 0:
            return numpy.float64(nan)
        filled = [0.0 if m else v for v, m in zip(values, mask)]
        average = float_sum(filled) / count
        squares = [0.0 if m else (average - v) * (average - v) for v, m in zip(values, mask)]
        return numpy.float64(float_sum(squares) / (count - ddof))

    def std(self, ddof=1, skipna=True):
        variance = self.var(ddof, skipna)
        return numpy.float64(math.sqrt(variance) if variance >= 0 else nan)

    def _extreme(self, pick, skipna):
        if self._kind == 'O':
            return pick(self._v)
        values = self._present() if skipna else self._floats()
        if not values or (not skipna and any(v != v for v in values)):
            return numpy.float64(nan)
        result = pick(v for v in self._v if not _isna(v))
        return self._box(result)

    def min(self, skipna=True):
        return self._extreme(min, skipna)

    def max(self, skipna=True):
        return self._extreme(max, skipna)

    def median(self, skipna=True):
        values = self._present()
        return numpy.median(values) if values else numpy.float64(nan)

    def quantile(self, q=0.5):
        values = self._present()
        if not values:
            return numpy.float64(nan)
        result = numpy.quantile(values, q)
        if isinstance(q, (list, tuple)):
            return self.__class__(result.tolist(), index=list(q), name=self.name)
        return result

    def count(self):
        return sum(1 for v in self._v if not _isna(v))

    def prod(self):
        result = 1.0 if self._kind == 'f' else 1
        for v in self._present() if self._kind == 'f' else self._v:
            result *= v
        return self._box(result)

    def idxmax(self):
        return self._arg_extreme(lambda a, b: a > b)

    def idxmin(self):
        return self._arg_extreme(lambda a, b: a < b)

    def _arg_extreme(self, better):
        best = None
        for i, v in enumerate(self._v):
            if not _isna(v) and (best is None or better(v, self._v[best])):
                best = i
        if best is None:
            raise ValueError('attempt to get argmax of an empty sequence')
        return self.index[best]

    def any(self):
        return any(bool(v) for v in self._v if not _isna(v))

    def all(self):
        return all(bool(v) for v in self._v if not _isna(v))

    def nunique(self):
        return len(set(v for v in self._v if not _isna(v)))

    def unique(self):
        seen, out = set(), []
        for v in self._v:
            key = 'nan' if _isna(v) else v
            if key not in seen:
                seen.add(key)
                out.append(v)
        return numpy.array(out) if self._kind != 'O' else out

    def value_counts(self):
        counts = {}
        for v in self._v:
            if not _isna(v):
                counts[v] = counts.get(v, 0) + 1
        ordered = sorted(counts.items(), key=lambda item: -item[1])
        return self.__class__([c for _, c in ordered], index=[v for v, _ in ordered], name='count')

    # Transforms

    def abs(self):
        return abs(self)

    def round(self, decimals=0):
        return self._like([numpy._math.round_value(v, decimals) for v in self._v], self._kind)

    def clip(self, lower=None, upper=None):
        values = []
        for v in self._v:
            if not _isna(v):
                v = max(v, lower) if lower is not None else v
                v = min(v, upper) if upper is not None else v
            values.append(v)
        return self._like(values, self._kind if self._kind != 'b' else None)

    def _cumulate(self, step):
        values, total = [], None
        for v in self._floats() if self._kind == 'f' else self._v:
            if _isna(v):
                values.append(nan)
                continue
            total = v if total is None else step(total, v)
            values.append(total)
        return self._like(values)

    def cumsum(self):
        return self._cumulate(lambda a, b: a + b)

    def cumprod(self):
        return self._cumulate(lambda a, b: a * b)

    def cummax(self):
        return self._cumulate(max)

    def cummin(self):
        return self._cumulate(min)

    def apply(self, func, *args, **kwargs):
        return self._like([func(v, *args, **kwargs) for v in self._v])

    def map(self, arg):
        if isinstance(arg, dict):
            return self._like([arg.get(v, nan) for v in self._v])
        return self._like([arg(v) for v in self._v])

    def where(self, cond, other=nan):
        keep = cond._v if hasattr(cond, '_v') else list(cond)
        return self._like([v if k else (other[i] if hasattr(other, '__getitem__') and not isinstance(other, str)
                                         else other) for i, (v, k) in enumerate(zip(self._v, keep))])

    def mask(self, cond, other=nan):
        keep = cond._v if hasattr(cond, '_v') else list(cond)
        return self.where([not k for k in keep], other)

    def between(self, left, right, inclusive='both'):
        low = (lambda v: v >= left) if inclusive in ('both', 'left') else (lambda v: v > left)
        high = (lambda v: v <= right) if inclusive in ('both', 'right') else (lambda v: v < right)
        return self._like([not _isna(v) and low(v) and high(v) for v in self._v], 'b')

    def sort_values(self, ascending=True):
        order = sorted(range(len(self._v)), key=lambda i: (_isna(self._v[i]), self._v[i]), reverse=not ascending)
        if not ascending:
            order = [i for i in order if not _isna(self._v[i])] + [i for i in order if _isna(self._v[i])]
        return self._take(order)

    def equals(self, other):
        return list(self._v) == list(other._v) and self.index.equals(other.index)
