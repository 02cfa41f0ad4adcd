"""Array creation and reshaping: zeros, arange, linspace, concatenate, append, roll, where, sort, unique..."""
import builtins
import math

from . import _dtype
from ._array import ndarray, array, asarray, shape_arg, broadcast_shape, broadcast_to_shape, MAX_SIZE


def _filled(shape, value, dtype):
    shape = shape_arg(shape)
    kind = _dtype.kind_of(dtype) if dtype is not None else _dtype.kind_of_value(value)
    size = 1
    for n in shape:
        size *= n
    return ndarray._make([_dtype.caster(kind)(value)] * size, shape, kind)


def zeros(shape, dtype=float):
    return _filled(shape, 0, dtype)


def ones(shape, dtype=float):
    return _filled(shape, 1, dtype)


def empty(shape, dtype=float):
    return _filled(shape, 0, dtype)


def full(shape, fill_value, dtype=None):
    return _filled(shape, fill_value, dtype)


def zeros_like(a, dtype=None):
    a = asarray(a)
    return _filled(a.shape, 0, dtype or a.dtype)


def ones_like(a, dtype=None):
    a = asarray(a)
    return _filled(a.shape, 1, dtype or a.dtype)


def empty_like(a, dtype=None):
    return zeros_like(a, dtype)


def full_like(a, fill_value, dtype=None):
    a = asarray(a)
    return _filled(a.shape, fill_value, dtype or a.dtype)


def arange(start, stop=None, step=1, dtype=None):
    """Like NumPy: values start + i * (second - first), so float steps give NumPy's exact values."""
    if stop is None:
        start, stop = 0, start
    if step == 0:
        raise ZeroDivisionError('arange: step cannot be zero')
    length = builtins.max(int(math.ceil((stop - start) / step)), 0)
    if length > MAX_SIZE:
        raise ValueError(f'arange of {length} values exceeds the {MAX_SIZE} elements a bot may allocate')
    is_int = builtins.all(isinstance(v, int) for v in (start, stop, step))
    kind = _dtype.kind_of(dtype) if dtype is not None else ('i' if is_int else 'f')
    if kind == 'i':
        data = [int(start + i * step) for i in range(length)]
    else:
        first, second = float(start), float(start + step)
        delta = second - first
        data = [first + i * delta for i in range(length)]
        if length > 1:
            data[1] = second
    return ndarray._make(data, (length,), kind)


def linspace(start, stop, num=50, endpoint=True, retstep=False, dtype=None):
    """NumPy's algorithm: arange(num) * step + start, last value set to stop."""
    num = int(num)
    if num < 0:
        raise ValueError(f'Number of samples, {num}, must be non-negative.')
    if num > MAX_SIZE:
        raise ValueError(f'linspace of {num} values exceeds the {MAX_SIZE} elements a bot may allocate')
    div = num - 1 if endpoint else num
    start, stop = float(start), float(stop)
    delta = stop - start
    y = [float(i) for i in range(num)]
    if div > 0:
        step = delta / div
        if step == 0:
            y = [v / div * delta for v in y]
        else:
            y = [v * step for v in y]
    else:
        step = float('nan')
        y = [v * delta for v in y]
    y = [v + start for v in y]
    if endpoint and num > 1:
        y[-1] = stop
    result = ndarray._make(y, (num,), 'f')
    if dtype is not None:
        result = result.astype(dtype)
    return (result, step) if retstep else result


def concatenate(arrays, axis=0):
    parts = [asarray(a) for a in arrays]
    if not parts:
        raise ValueError('need at least one array to concatenate')
    kind = parts[0]._kind
    for p in parts[1:]:
        kind = _dtype.promote(kind, p._kind)
    cast = _dtype.caster(kind)
    if axis is None or builtins.all(p.ndim == 1 for p in parts):
        data = [cast(v) for p in parts for v in p._d]
        return ndarray._make(data, (len(data),), kind)
    if builtins.any(p.ndim != 2 for p in parts):
        raise ValueError('all the input arrays must have same number of dimensions')
    if axis in (0, -2):
        cols = parts[0].shape[1]
        if builtins.any(p.shape[1] != cols for p in parts):
            raise ValueError('all the input array dimensions except for the concatenation axis must match')
        data = [cast(v) for p in parts for v in p._d]
        return ndarray._make(data, (len(data) // cols if cols else 0, cols), kind)
    rows = parts[0].shape[0]
    if builtins.any(p.shape[0] != rows for p in parts):
        raise ValueError('all the input array dimensions except for the concatenation axis must match')
    data = []
    for r in range(rows):
        for p in parts:
            width = p.shape[1]
            data.extend(cast(v) for v in p._d[r * width:(r + 1) * width])
    return ndarray._make(data, (rows, builtins.sum(p.shape[1] for p in parts)), kind)


def append(arr, values, axis=None):
    if axis is None:
        return concatenate([asarray(arr).ravel(), asarray(values).ravel()])
    return concatenate([arr, values], axis)


def vstack(arrays):
    return concatenate([_as_row(a) for a in arrays], 0)


def hstack(arrays):
    parts = [asarray(a) for a in arrays]
    return concatenate(parts, 0 if builtins.all(p.ndim == 1 for p in parts) else 1)


def column_stack(arrays):
    return concatenate([asarray(a).reshape(-1, 1) if asarray(a).ndim == 1 else asarray(a) for a in arrays], 1)


def stack(arrays, axis=0):
    if axis != 0:
        return column_stack(arrays)
    return vstack(arrays)


def _as_row(a):
    a = asarray(a)
    return a.reshape(1, -1) if a.ndim == 1 else a


def roll(a, shift, axis=None):
    a = asarray(a)
    if axis is None or a.ndim == 1:
        n = a.size
        if n == 0:
            return a.copy()
        k = shift % n
        data = a._d[n - k:] + a._d[:n - k]
        return ndarray._make(data, a.shape, a._kind)
    rows, cols = a.shape
    if axis in (0, -2):
        k = shift % rows
        data = a._d[(rows - k) * cols:] + a._d[:(rows - k) * cols]
        return ndarray._make(data, a.shape, a._kind)
    k = shift % cols
    data = []
    for r in range(rows):
        row = a._d[r * cols:(r + 1) * cols]
        data.extend(row[cols - k:] + row[:cols - k])
    return ndarray._make(data, a.shape, a._kind)


def flip(a, axis=None):
    a = asarray(a)
    if a.ndim == 1:
        return ndarray._make(a._d[::-1], a.shape, a._kind)
    if axis is None:
        return ndarray._make(a._d[::-1], a.shape, a._kind)
    rows, cols = a.shape
    if axis in (0, -2):
        return ndarray._make([v for r in range(rows - 1, -1, -1) for v in a._d[r * cols:(r + 1) * cols]],
                             a.shape, a._kind)
    return ndarray._make([v for r in range(rows) for v in a._d[r * cols:(r + 1) * cols][::-1]], a.shape, a._kind)


def where(condition, x=None, y=None):
    if x is None and y is None:
        return nonzero(condition)
    if x is None or y is None:
        raise ValueError('either both or neither of x and y should be given')
    c, xa, ya = asarray(condition), asarray(x), asarray(y)
    shape = broadcast_shape(broadcast_shape(c.shape, xa.shape), ya.shape)
    kind = _dtype.promote(xa._kind, ya._kind)
    cast = _dtype.caster(kind)
    data = [cast(a if keep else b) for keep, a, b in zip(broadcast_to_shape(c, shape),
                                                           broadcast_to_shape(xa, shape),
                                                           broadcast_to_shape(ya, shape))]
    return ndarray._make(data, shape, kind)


def nonzero(a):
    a = asarray(a)
    if a.ndim == 1:
        return (_ints([i for i, v in enumerate(a._d) if v]),)
    rows, cols = a.shape
    hits = [i for i, v in enumerate(a._d) if v]
    return (_ints([i // cols for i in hits]), _ints([i % cols for i in hits]))


def _ints(values):
    return ndarray._make(values, (len(values),), 'i')


def argwhere(a):
    a = asarray(a)
    hits = nonzero(a)
    return ndarray._make([i for row in zip(*(h._d for h in hits)) for i in row], (hits[0].size, len(hits)), 'i')


def flatnonzero(a):
    return _ints([i for i, v in enumerate(asarray(a)._d) if v])


def _sort_key(v):
    # NumPy sorts NaN last.
    return (v != v, v)


def sort(a, axis=-1, kind=None):
    a = asarray(a)
    if axis is None or a.ndim == 1:
        return ndarray._make(sorted(a._d, key=_sort_key), (a.size,), a._kind)
    return _per_row(a, axis, lambda row: sorted(row, key=_sort_key))


def argsort(a, axis=-1, kind=None):
    a = asarray(a)
    if axis is None or a.ndim == 1:
        data = a._d
        return ndarray._make(sorted(range(len(data)), key=lambda i: _sort_key(data[i])), (a.size,), 'i')
    return _per_row(a, axis, lambda row: sorted(range(len(row)), key=lambda i: _sort_key(row[i])), 'i')


def _per_row(a, axis, fn, kind=None):
    rows, cols = a.shape
    out = ndarray._make(list(a._d), a.shape, kind or a._kind)
    if axis in (0, -2):
        for c in range(cols):
            out._d[c::cols] = fn(a._d[c::cols])
    else:
        for r in range(rows):
            out._d[r * cols:(r + 1) * cols] = fn(a._d[r * cols:(r + 1) * cols])
    return out


def unique(a, return_counts=False):
    a = asarray(a)
    values = sorted(set(v for v in a._d if v == v), key=_sort_key)
    if builtins.any(v != v for v in a._d):
        values.append(float('nan'))
    result = ndarray._make(values, (len(values),), a._kind)
    if return_counts:
        counts = [builtins.sum(1 for v in a._d if v == u or (u != u and v != v)) for u in values]
        return result, array(counts, int)
    return result


def diff(a, n=1, axis=-1):
    a = asarray(a)
    for _ in range(n):
        if a.ndim == 1:
            op = (lambda x, y: x != y) if a._kind == 'b' else (lambda x, y: y - x)
            a = ndarray._make([op(a._d[i], a._d[i + 1]) for i in range(a.size - 1)], (builtins.max(a.size - 1, 0),),
                              a._kind)
        else:
            rows, cols = a.shape
            if axis in (0, -2):
                data = [a._d[(r + 1) * cols + c] - a._d[r * cols + c] for r in range(rows - 1) for c in range(cols)]
                a = ndarray._make(data, (rows - 1, cols), a._kind)
            else:
                data = [a._d[r * cols + c + 1] - a._d[r * cols + c] for r in range(rows) for c in range(cols - 1)]
                a = ndarray._make(data, (rows, cols - 1), a._kind)
    return a


def tile(a, reps):
    a = asarray(a)
    if not isinstance(reps, int) or a.ndim != 1:
        raise NotImplementedError("Botlink's np.tile repeats 1-D arrays a whole number of times")
    return ndarray._make(a._d * reps, (a.size * reps,), a._kind)


def repeat(a, repeats, axis=None):
    a = asarray(a)
    return ndarray._make([v for v in a._d for _ in range(int(repeats))], (a.size * int(repeats),), a._kind)


def eye(n, m=None, dtype=float):
    m = n if m is None else m
    result = zeros((n, m), dtype)
    for i in range(builtins.min(n, m)):
        result._d[i * m + i] = _dtype.caster(result._kind)(1)
    return result


identity = eye
