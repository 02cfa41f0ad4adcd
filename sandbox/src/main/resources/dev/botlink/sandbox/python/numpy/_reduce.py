"""Reductions (sum, mean, std, min, percentile...) computed the way NumPy computes them, so float results match
to the last bit: sums are pairwise like NumPy's add.reduce on contiguous data."""
import builtins
import math

from . import _dtype
from ._array import ndarray, asarray, array

nan = float('nan')
_BLOCK = 128


def pairwise_sum(values, start=0, n=None):
    """NumPy's pairwise summation (8 accumulators, blocks of 128) of floats."""
    if n is None:
        n = len(values) - start
    if n < 8:
        result = 0.0
        for i in range(start, start + n):
            result += values[i]
        return result
    if n <= _BLOCK:
        r = list(values[start:start + 8])
        i = 8
        last = n - n % 8
        while i < last:
            base = start + i
            r[0] += values[base]
            r[1] += values[base + 1]
            r[2] += values[base + 2]
            r[3] += values[base + 3]
            r[4] += values[base + 4]
            r[5] += values[base + 5]
            r[6] += values[base + 6]
            r[7] += values[base + 7]
            i += 8
        result = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
        while i < n:
            result += values[start + i]
            i += 1
        return result
    half = n // 2
    half -= half % 8
    return pairwise_sum(values, start, half) + pairwise_sum(values, start + half, n - half)


def float_sum(values, contiguous=True):
    if contiguous:
        return 0.0 + pairwise_sum(values)
    result = 0.0
    for v in values:
        result += v
    return result


def _along(a, axis, fn, name):
    """fn(values, kind, contiguous) over the whole array (axis None) or along one axis of a 2-D array."""
    a = asarray(a)
    if axis is None or (a.ndim <= 1 and axis in (0, -1)):
        return fn(a._d, a._kind, True)
    if a.ndim != 2 or axis not in (0, 1, -1, -2):
        raise ValueError(f'{name}: axis {axis} is out of bounds for array of dimension {a.ndim}')
    rows, cols = a.shape
    if axis in (0, -2):
        results = [fn(a._d[c::cols], a._kind, False) for c in range(cols)]
    else:
        results = [fn(a._d[r * cols:(r + 1) * cols], a._kind, True) for r in range(rows)]
    return array([_plain(v) for v in results])


def _plain(value):
    return float(value) if isinstance(value, float) else value


def _floats(values, kind):
    return values if kind == 'f' else [float(v) for v in values]


def _sum(values, kind, contiguous):
    if kind == 'f':
        return _dtype.float64(float_sum(values, contiguous))
    return builtins.sum(int(v) for v in values)


def _mean(values, kind, contiguous):
    if not values:
        return _dtype.float64(nan)
    return _dtype.float64(float_sum(_floats(values, kind), contiguous) / len(values))


def _variance(values, kind, contiguous, ddof):
    n = len(values)
    floats = _floats(values, kind)
    mean = float_sum(floats, contiguous) / n if n else nan
    squares = [(v - mean) * (v - mean) for v in floats]
    count = max(n - ddof, 0)
    total = float_sum(squares, contiguous)
    if count == 0:
        return nan
    return total / count


def sum(a, axis=None, dtype=None, out=None, keepdims=False, initial=0):
    return _along(a, axis, _sum, 'sum')


def mean(a, axis=None, dtype=None, out=None, keepdims=False):
    return _along(a, axis, _mean, 'mean')


def var(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False):
    return _along(a, axis, lambda v, k, c: _dtype.float64(_variance(v, k, c, ddof)), 'var')


def _sqrt(value):
    return math.sqrt(value) if value >= 0 else nan


def std(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False):
    return _along(a, axis, lambda v, k, c: _dtype.float64(_sqrt(_variance(v, k, c, ddof))), 'std')


def _extreme(pick, name):
    def reduce(values, kind, contiguous):
        if not values:
            raise ValueError(f'zero-size array to reduction operation {name} which has no identity')
        if kind == 'f' and builtins_any(v != v for v in values):
            return _dtype.float64(nan)
        return _dtype.box(pick(values), kind)
    return reduce


def amax(a, axis=None, out=None, keepdims=False, initial=None):
    return _along(a, axis, _extreme(max, 'maximum'), 'max')


def amin(a, axis=None, out=None, keepdims=False, initial=None):
    return _along(a, axis, _extreme(min, 'minimum'), 'min')


def _arg(better, name):
    def reduce(values, kind, contiguous):
        if not values:
            raise ValueError(f'attempt to get {name} of an empty sequence')
        best = 0
        for i, v in enumerate(values):
            if v != v:
                return i
            if better(v, values[best]):
                best = i
        return best
    return reduce


def argmax(a, axis=None, out=None):
    return _along(a, axis, _arg(lambda x, y: x > y, 'argmax'), 'argmax')


def argmin(a, axis=None, out=None):
    return _along(a, axis, _arg(lambda x, y: x < y, 'argmin'), 'argmin')


def ptp(a, axis=None):
    return _along(a, axis, lambda v, k, c: _extreme(max, 'maximum')(v, k, c) - _extreme(min, 'minimum')(v, k, c),
                  'ptp')


def prod(a, axis=None, dtype=None, out=None, keepdims=False, initial=1):
    def reduce(values, kind, contiguous):
        result = 1.0 if kind == 'f' else 1
        for v in values:
            result *= v
        return _dtype.box(result, 'f' if kind == 'f' else 'i')
    return _along(a, axis, reduce, 'prod')


def any(a, axis=None, out=None, keepdims=False):
    return _along(a, axis, lambda v, k, c: builtins_any(v), 'any')


def all(a, axis=None, out=None, keepdims=False):
    return _along(a, axis, lambda v, k, c: builtins_all(v), 'all')


def count_nonzero(a, axis=None):
    return _along(a, axis, lambda v, k, c: len([x for x in v if x]), 'count_nonzero')


def _without_nan(values):
    return [v for v in values if v == v]


def nansum(a, axis=None, dtype=None, out=None, keepdims=False):
    return _along(a, axis, lambda v, k, c: _sum([x if x == x else 0.0 for x in v], k, c), 'nansum')


def nanmean(a, axis=None, dtype=None, out=None, keepdims=False):
    def reduce(values, kind, contiguous):
        count = len(_without_nan(values))
        total = float_sum([x if x == x else 0.0 for x in _floats(values, kind)], contiguous)
        return _dtype.float64(total / count if count else nan)
    return _along(a, axis, reduce, 'nanmean')


def nanvar(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False):
    return _along(a, axis, lambda v, k, c: _dtype.float64(_variance(_without_nan(v), k, True, ddof)), 'nanvar')


def nanstd(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False):
    def reduce(values, kind, contiguous):
        variance = _variance(_without_nan(values), kind, True, ddof)
        return _dtype.float64(_sqrt(variance))
    return _along(a, axis, reduce, 'nanstd')


def nanmax(a, axis=None, out=None, keepdims=False):
    return _along(a, axis, lambda v, k, c: _extreme(max, 'maximum')(_without_nan(v) or [nan], k, c), 'nanmax')


def nanmin(a, axis=None, out=None, keepdims=False):
    return _along(a, axis, lambda v, k, c: _extreme(min, 'minimum')(_without_nan(v) or [nan], k, c), 'nanmin')


def _quantile_of_sorted(ordered, q):
    """NumPy's default ('linear') quantile of sorted values, q in [0, 1], with NumPy's lerp."""
    n = len(ordered)
    virtual = n * q + (1 + q * (1 - 1 - 1)) - 1
    if virtual >= n - 1:
        return float(ordered[-1])
    if virtual < 0:
        return float(ordered[0])
    below = math.floor(virtual)
    gamma = virtual - below
    a, b = float(ordered[below]), float(ordered[below + 1])
    diff = b - a
    if gamma >= 0.5:
        return b - diff * (1 - gamma)
    return a + diff * gamma


def _quantiles(a, q, axis, scale, name):
    qs = asarray(q, float)
    fractions = [v / 100 for v in qs._d] if scale != 1 else list(qs._d)
    if not builtins_all(0 <= f <= 1 for f in fractions):
        raise ValueError('Percentiles must be in the range [0, 100]' if scale != 1
                         else 'Quantiles must be in the range [0, 1]')

    def reduce_one(fraction):
        def reduce(values, kind, contiguous):
            if not values:
                return nan
            if kind == 'f' and builtins_any(v != v for v in values):
                return _dtype.float64(nan)
            return _dtype.float64(_quantile_of_sorted(sorted(values), fraction))
        return reduce
    results = [_along(a, axis, reduce_one(f), name) for f in fractions]
    if not isinstance(q, (list, tuple, ndarray)):
        return results[0]
    return array([_plain(r) if not isinstance(r, ndarray) else r.tolist() for r in results])


def percentile(a, q, axis=None, out=None, overwrite_input=False, method='linear', keepdims=False):
    if method != 'linear':
        raise NotImplementedError(f"np.percentile method={method!r} is not in Botlink's numpy; only 'linear'")
    return _quantiles(a, q, axis, 0.01, 'percentile')


def quantile(a, q, axis=None, out=None, overwrite_input=False, method='linear', keepdims=False):
    if method != 'linear':
        raise NotImplementedError(f"np.quantile method={method!r} is not in Botlink's numpy; only 'linear'")
    return _quantiles(a, q, axis, 1, 'quantile')


def median(a, axis=None, out=None, overwrite_input=False, keepdims=False):
    def reduce(values, kind, contiguous):
        if not values:
            return _dtype.float64(nan)
        if kind == 'f' and builtins_any(v != v for v in values):
            return _dtype.float64(nan)
        ordered = sorted(values)
        middle = len(ordered) // 2
        if len(ordered) % 2:
            return _dtype.float64(float(ordered[middle]))
        return _dtype.float64((float(ordered[middle - 1]) + float(ordered[middle])) / 2)
    return _along(a, axis, reduce, 'median')


def average(a, axis=None, weights=None, returned=False):
    if weights is None:
        result = mean(a, axis)
        return (result, float(asarray(a).size)) if returned else result
    a, w = asarray(a, float), asarray(weights, float)
    if a.shape != w.shape:
        raise TypeError("Botlink's np.average needs weights of the same shape as a")
    total = float_sum(w._d)
    if total == 0:
        raise ZeroDivisionError("Weights sum to zero, can't be normalized")
    result = _dtype.float64(float_sum([x * y for x, y in zip(a._d, w._d)]) / total)
    return (result, total) if returned else result


def cumulate(a, axis, step, name):
    a = asarray(a)
    kind = 'i' if a._kind == 'b' else a._kind

    def run(values):
        out, total = [], None
        for v in values:
            total = v if total is None else step(total, v)
            out.append(total)
        return out
    if axis is None or a.ndim == 1:
        return ndarray._make([_dtype.caster(kind)(v) for v in run(a._d)], (a.size,), kind)
    rows, cols = a.shape
    out = a.astype(kind)
    if axis in (0, -2):
        for c in range(cols):
            out._d[c::cols] = run(a._d[c::cols])
    else:
        for r in range(rows):
            out._d[r * cols:(r + 1) * cols] = run(a._d[r * cols:(r + 1) * cols])
    return out


def cumsum(a, axis=None, dtype=None, out=None):
    return cumulate(a, axis, lambda x, y: x + y, 'cumsum')


def cumprod(a, axis=None, dtype=None, out=None):
    return cumulate(a, axis, lambda x, y: x * y, 'cumprod')


builtins_any = builtins.any
builtins_all = builtins.all


def nanmedian(a, axis=None, out=None, overwrite_input=False, keepdims=False):
    def reduce(values, kind, contiguous):
        present = _without_nan(values)
        return median(present) if present else _dtype.float64(nan)
    return _along(a, axis, reduce, 'nanmedian')
