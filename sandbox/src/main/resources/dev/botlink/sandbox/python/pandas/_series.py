"""Series: a labelled 1-D column of numbers (float64, int64, bool) or, for dates and text, Python objects."""
import operator

import numpy
from numpy import _math

from ._index import Index, RangeIndex, ensure_index
from ._series_methods import SeriesMethods

nan = float('nan')
MAX_LENGTH = 10_000_000


def _kind_of(values):
    kind = 'b'
    for v in values:
        if isinstance(v, bool):
            continue
        if isinstance(v, int):
            kind = 'i' if kind in 'bi' else kind
        elif isinstance(v, float):
            kind = 'f'
        else:
            return 'O'
    return kind if values else 'f'


def _normalized(values, kind):
    """Values stored as their kind's Python type (ints in a float Series become floats, as in pandas)."""
    if kind == 'f':
        return [v if type(v) is float else float(v) for v in values]
    if kind == 'i':
        return [v if type(v) is int else int(v) for v in values]
    return values


class Series(SeriesMethods):
    """pandas.Series for bots: ffill, rolling, ewm, shift, diff, pct_change, iloc/loc, arithmetic, reductions."""

    __hash__ = None

    def __init__(self, data=None, index=None, dtype=None, name=None, copy=False):
        if isinstance(data, Series):
            values, kind = list(data._v), data._kind
            index = data.index if index is None else index
            name = data.name if name is None else name
        elif isinstance(data, dict):
            keys = list(data.keys()) if index is None else list(index)
            values = [data.get(k, nan) for k in keys]
            index, kind = keys, None
        elif isinstance(data, numpy.ndarray):
            if data.ndim != 1:
                raise ValueError('Data must be 1-dimensional')
            values, kind = data.tolist(), data.dtype.kind
        elif data is None:
            values, kind = [], 'f'
        elif isinstance(data, (str, bytes)) or not hasattr(data, '__iter__'):
            n = len(index) if index is not None else 1
            values, kind = [data] * n, None
        else:
            values, kind = list(data), None
        if len(values) > MAX_LENGTH:
            raise ValueError(f'Series of {len(values)} values exceeds the {MAX_LENGTH} a bot may allocate')
        if kind is None:
            values = [nan if v is None else v for v in values]
            kind = _kind_of(values)
            values = _normalized(values, kind)
        self._v = values
        self._kind = kind
        self.index = ensure_index(index, len(values))
        self.name = name
        if dtype is not None:
            converted = self.astype(dtype)
            self._v, self._kind = converted._v, converted._kind

    @classmethod
    def _make(cls, values, index, kind, name=None):
        series = object.__new__(cls)
        series._v = values
        series._kind = kind
        series.index = index
        series.name = name
        return series

    @classmethod
    def _from_values(cls, array, like):
        """A Series holding a numpy result computed from like's values (numpy functions on Series)."""
        if isinstance(array, numpy.ndarray):
            return cls._make(array.tolist(), like.index, array.dtype.kind, like.name)
        return array

    def _like(self, values, kind=None):
        kind = kind or _kind_of(values)
        return Series._make(_normalized(values, kind), self.index, kind, self.name)

    def _floats(self):
        if self._kind == 'O':
            raise TypeError(f"this operation needs numbers, but the Series holds objects (e.g. {self._v[0]!r})")
        return self._v if self._kind == 'f' else [float(v) for v in self._v]

    # Data access

    @property
    def values(self):
        return self.to_numpy()

    def to_numpy(self, dtype=None, copy=False):
        if self._kind == 'O':
            return list(self._v)
        array = numpy.array(self._v, dtype=_numpy_dtype(self._kind))
        return array.astype(dtype) if dtype is not None else array

    @property
    def array(self):
        return self.to_numpy()

    def tolist(self):
        return list(self._v)

    to_list = tolist

    @property
    def dtype(self):
        return _Dtype(self._kind)

    @property
    def shape(self):
        return (len(self._v),)

    @property
    def size(self):
        return len(self._v)

    @property
    def ndim(self):
        return 1

    @property
    def empty(self):
        return not self._v

    def __len__(self):
        return len(self._v)

    def __iter__(self):
        return iter(self._v)

    def __contains__(self, label):
        return label in self.index

    def __bool__(self):
        raise ValueError('The truth value of a Series is ambiguous. Use a.empty, a.bool(), a.item(), a.any() or a.all().')

    def keys(self):
        return self.index

    def items(self):
        return zip(self.index, self._v)

    def item(self):
        if len(self._v) != 1:
            raise ValueError('can only convert an array of size 1 to a Python scalar')
        return self._v[0]

    @property
    def iloc(self):
        return _ILoc(self)

    @property
    def loc(self):
        return _Loc(self)

    iat = iloc
    at = loc

    def _box(self, value):
        return numpy.float64(value) if self._kind == 'f' else value

    def _take(self, positions):
        return Series._make([self._v[p] for p in positions], self.index.take(positions), self._kind, self.name)

    def __getitem__(self, key):
        if isinstance(key, slice):
            return self.iloc[key]
        mask = _as_mask(key, len(self._v))
        if mask is not None:
            return self._take([i for i, keep in enumerate(mask) if keep])
        if isinstance(key, (list, numpy.ndarray)):
            return self._take([self.index.get_loc(k) for k in key])
        try:
            return self._box(self._v[self.index.get_loc(key)])
        except KeyError:
            if isinstance(key, int) and not isinstance(key, bool) and not self.index.is_default() \
                    and not any(isinstance(label, int) for label in self.index):
                return self.iloc[key]
            raise

    def __setitem__(self, key, value):
        if isinstance(key, slice):
            self.iloc[key] = value
            return
        mask = _as_mask(key, len(self._v))
        if mask is not None:
            self._assign([i for i, keep in enumerate(mask) if keep], value)
        elif key in self.index:
            self._assign([self.index.get_loc(key)], value)
        else:
            self._v.append(value)
            self.index = Index(self.index.tolist() + [key], self.index.name)
            self._kind = _kind_of(self._v)

    def _assign(self, positions, value):
        values = list(value) if isinstance(value, (list, tuple, numpy.ndarray, Series)) else [value] * len(positions)
        if len(values) != len(positions):
            raise ValueError(f'cannot set {len(values)} values into {len(positions)} positions')
        for p, v in zip(positions, values):
            self._v[p] = nan if v is None else v
        self._kind = _kind_of(self._v)

    # Arithmetic and comparison

    def _binary(self, other, fn, kind=None):
        if isinstance(other, Series):
            left, right, index = _align(self, other)
        elif isinstance(other, (list, tuple, numpy.ndarray)):
            right = list(other)
            if len(right) != len(self._v):
                raise ValueError('Lengths must match to compare' if kind == 'b' else
                                 f'operands could not be combined: lengths {len(self._v)} and {len(right)}')
            left, index = self._v, self.index
        else:
            left, right, index = self._v, [other] * len(self._v), self.index
        values = [_apply(fn, a, b, kind) for a, b in zip(left, right)]
        kind = kind or _kind_of(values)
        return Series._make(_normalized(values, kind), index, kind, self.name)

    def __neg__(self):
        return self._like([-v for v in self._v], self._kind)

    def __abs__(self):
        return self._like([abs(v) for v in self._v], self._kind)

    def __invert__(self):
        return self._like([_math.invert(v) for v in self._v], self._kind)

    def __repr__(self):
        from ._format import series_repr
        return series_repr(self)

    __str__ = __repr__

    def __getattr__(self, name):
        if name.startswith('_'):
            raise AttributeError(name)
        if name in ('str', 'dt', 'cat', 'plot'):
            raise AttributeError(f"Series.{name} is not in Botlink's pandas subset (see docs/python-libraries.md)")
        raise AttributeError(f"'Series' object has no attribute '{name}' (not in Botlink's pandas subset, "
                             "see docs/python-libraries.md)")


def _apply(fn, a, b, kind):
    if kind == 'b':
        try:
            return bool(fn(a, b))
        except TypeError:
            return False
    if (isinstance(a, float) and a != a) or (isinstance(b, float) and b != b):
        if fn in (operator.and_, operator.or_, operator.xor):
            return False
        return nan
    return fn(a, b)


def _as_mask(key, n):
    if isinstance(key, Series) and key._kind == 'b':
        return key._v
    if isinstance(key, numpy.ndarray) and key.dtype.kind == 'b':
        return key.tolist()
    if isinstance(key, list) and key and all(isinstance(k, bool) for k in key):
        if len(key) != n:
            raise IndexError(f'Boolean index has wrong length: {len(key)} instead of {n}')
        return key
    return None


def _align(a, b):
    """Values of a and b on shared labels: positional when the indexes are equal, else the sorted union with NaN."""
    if a.index.equals(b.index) or (a.index.is_default() and b.index.is_default() and len(a) == len(b)):
        return a._v, b._v, a.index
    labels = list(a.index)
    seen = set(labels)
    labels += [label for label in b.index if label not in seen]
    try:
        labels.sort()
    except TypeError:
        pass
    left = [a._v[a.index.get_loc(label)] if label in a.index else nan for label in labels]
    right = [b._v[b.index.get_loc(label)] if label in b.index else nan for label in labels]
    return left, right, Index(labels)


def _binary_methods(fn, kind=None):
    def forward(self, other):
        return self._binary(other, fn, kind)

    def reverse(self, other):
        return self._binary(other, lambda x, y: fn(y, x), kind)
    return forward, reverse


for _name, _fn, _k in (('add', _math.add, None), ('sub', _math.subtract, None), ('mul', _math.multiply, None),
                       ('truediv', _math.true_divide, 'f'), ('floordiv', _math.floor_divide, None),
                       ('mod', _math.remainder, None), ('pow', _math.power, None),
                       ('and', operator.and_, 'b'), ('or', operator.or_, 'b'), ('xor', operator.xor, 'b')):
    _forward, _reverse = _binary_methods(_fn, _k)
    setattr(Series, f'__{_name}__', _forward)
    setattr(Series, f'__r{_name}__', _reverse)
    if _name in ('add', 'sub', 'mul', 'truediv', 'floordiv', 'mod', 'pow'):
        setattr(Series, _name, _forward)
        setattr(Series, 'r' + _name, _reverse)


def _in_place(name):
    def apply(self, other):
        result = getattr(self, f'__{name}__')(other)
        self._v, self._kind, self.index = result._v, result._kind, result.index
        return self
    return apply


for _name in ('add', 'sub', 'mul', 'truediv', 'floordiv', 'mod', 'pow'):
    setattr(Series, f'__i{_name}__', _in_place(_name))
Series.div = Series.truediv
Series.subtract = Series.sub
Series.multiply = Series.mul
Series.divide = Series.truediv

for _name, _fn in (('gt', operator.gt), ('ge', operator.ge), ('lt', operator.lt), ('le', operator.le),
                   ('eq', operator.eq), ('ne', operator.ne)):
    _forward = _binary_methods(_fn, 'b')[0]
    setattr(Series, f'__{_name}__', _forward)
    setattr(Series, _name, _forward)


def _numpy_dtype(kind):
    return {'f': float, 'i': int, 'b': bool}[kind]


class _Dtype:
    __slots__ = ('kind',)

    def __init__(self, kind):
        self.kind = kind

    @property
    def name(self):
        return {'f': 'float64', 'i': 'int64', 'b': 'bool', 'O': 'object'}[self.kind]

    def __eq__(self, other):
        if self.kind == 'O':
            return other is object or other == 'object' or other == 'O'
        try:
            return numpy.dtype.of_kind(self.kind) == other
        except TypeError:
            return False

    def __hash__(self):
        return hash(self.name)

    def __str__(self):
        return self.name

    def __repr__(self):
        return f"dtype('{self.name}')"


class _ILoc:
    __slots__ = ('_s',)

    def __init__(self, series):
        self._s = series

    def _positions(self, key):
        n = len(self._s._v)
        if isinstance(key, slice):
            return list(range(n)[key]), False
        mask = _as_mask(key, n)
        if mask is not None:
            return [i for i, keep in enumerate(mask) if keep], False
        if isinstance(key, (list, numpy.ndarray)):
            return [_position(int(k), n) for k in key], False
        if isinstance(key, tuple):
            raise IndexError('Too many indexers: a Series has one axis')
        return [_position(operator.index(key), n)], True

    def __getitem__(self, key):
        positions, scalar = self._positions(key)
        if scalar:
            return self._s._box(self._s._v[positions[0]])
        return self._s._take(positions)

    def __setitem__(self, key, value):
        self._s._assign(self._positions(key)[0], value)


class _Loc:
    __slots__ = ('_s',)

    def __init__(self, series):
        self._s = series

    def __getitem__(self, key):
        if isinstance(key, slice):
            labels = self._s.index
            start = 0 if key.start is None else labels.get_loc(key.start)
            stop = len(labels) if key.stop is None else labels.get_loc(key.stop) + 1
            return self._s._take(range(start, stop)[::key.step or 1])
        return self._s[key]

    def __setitem__(self, key, value):
        self._s[key] = value


def _position(index, n):
    if index < -n or index >= n:
        raise IndexError('single positional indexer is out-of-bounds')
    return index + n if index < 0 else index
