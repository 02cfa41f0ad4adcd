"""ndarray: NumPy's array for 1-D and 2-D data, stored as a flat Python list with a shape and a kind."""
import operator
from itertools import repeat

from . import _dtype
from . import _math

MAX_SIZE = 10_000_000


def _size_of(shape):
    size = 1
    for n in shape:
        size *= n
    return size


def _check_shape(shape):
    if len(shape) > 2:
        raise ValueError(f"Botlink's numpy handles 1-D and 2-D arrays, not shape {shape}")
    if any(not isinstance(n, int) or n < 0 for n in shape):
        raise ValueError(f"negative or non-integer dimensions are not allowed: {shape}")
    if _size_of(shape) > MAX_SIZE:
        raise ValueError(f"array of shape {shape} exceeds the {MAX_SIZE} elements a bot may allocate")
    return shape


def shape_arg(shape):
    if isinstance(shape, int):
        return _check_shape((shape,))
    return _check_shape(tuple(int(n) for n in shape))


class ndarray:
    """An N-dimensional array (N = 1 or 2 here) of float64, int64 or bool."""

    __slots__ = ('_d', '_shape', '_kind')
    __hash__ = None

    def __init__(self, shape, dtype=float):
        kind = _dtype.kind_of(dtype)
        self._shape = shape_arg(shape)
        self._d = [_dtype.ZERO[kind]] * _size_of(self._shape)
        self._kind = kind

    @classmethod
    def _make(cls, data, shape, kind):
        array = object.__new__(cls)
        array._d = data
        array._shape = shape
        array._kind = kind
        return array

    # Shape and type

    @property
    def shape(self):
        return self._shape

    @property
    def ndim(self):
        return len(self._shape)

    @property
    def size(self):
        return len(self._d)

    @property
    def dtype(self):
        return _dtype.dtype.of_kind(self._kind)

    @property
    def itemsize(self):
        return self.dtype.itemsize

    @property
    def nbytes(self):
        return self.itemsize * len(self._d)

    @property
    def T(self):
        return self.transpose()

    def __len__(self):
        if not self._shape:
            raise TypeError('len() of unsized object')
        return self._shape[0]

    def __iter__(self):
        if not self._shape:
            raise TypeError('iteration over a 0-d array')
        if len(self._shape) == 1:
            return (_dtype.box(v, self._kind) for v in self._d)
        return (self[i] for i in range(self._shape[0]))

    def __contains__(self, value):
        return any(v == value for v in self._d)

    def __bool__(self):
        if len(self._d) != 1:
            raise ValueError('The truth value of an array with more than one element is ambiguous. '
                             'Use a.any() or a.all()')
        return bool(self._d[0])

    def __float__(self):
        return float(self._single('float'))

    def __int__(self):
        return int(self._single('int'))

    def __index__(self):
        if self._kind == 'f':
            raise TypeError('only integer scalar arrays can be converted to a scalar index')
        return int(self._single('index'))

    def _single(self, what):
        if len(self._d) != 1:
            raise TypeError(f'only length-1 arrays can be converted to Python {what}s')
        return self._d[0]

    def __getattr__(self, name):
        raise AttributeError(f"'numpy.ndarray' object has no attribute '{name}' "
                             "(not in Botlink's numpy subset, see docs/python-libraries.md)")

    # Indexing

    def _rows_cols(self):
        return (self._shape[0], self._shape[1]) if len(self._shape) == 2 else (1, self._shape[0])

    def _select(self, key):
        """Flat positions and the result shape (None for a scalar) that key selects."""
        keys = key if isinstance(key, tuple) else (key,)
        if any(k is Ellipsis for k in keys):
            keys = tuple(k for k in keys if k is not Ellipsis)
        if len(keys) > len(self._shape):
            raise IndexError(f'too many indices for array: array is {len(self._shape)}-dimensional, '
                             f'but {len(keys)} were indexed')
        keys = keys + (slice(None),) * (len(self._shape) - len(keys))
        picks = [_axis_positions(k, n, axis) for axis, (k, n) in enumerate(zip(keys, self._shape))]
        if len(picks) == 1:
            positions, scalar = picks[0]
            return positions, None if scalar else (len(positions),)
        (rows, row_scalar), (cols, col_scalar) = picks
        width = self._shape[1]
        if _is_fancy(keys[0]) and _is_fancy(keys[1]):
            if len(rows) != len(cols):
                raise IndexError('shape mismatch: indexing arrays could not be broadcast together')
            return [r * width + c for r, c in zip(rows, cols)], (len(rows),)
        positions = [r * width + c for r in rows for c in cols]
        shape = tuple(len(p) for p, s in ((rows, row_scalar), (cols, col_scalar)) if not s)
        return positions, shape or None

    def __getitem__(self, key):
        positions, shape = self._select(key)
        if shape is None:
            return _dtype.box(self._d[positions[0]], self._kind)
        data = self._d
        return ndarray._make([data[p] for p in positions], shape, self._kind)

    def __setitem__(self, key, value):
        positions, _ = self._select(key)
        cast = _dtype.caster(self._kind)
        if isinstance(value, (list, tuple, ndarray)) or hasattr(value, 'to_numpy'):
            values = asarray(value)._d
            if len(values) == 1:
                values = values * len(positions)
            elif len(values) != len(positions):
                if positions and len(positions) % len(values) == 0 and len(self._shape) == 2:
                    values = values * (len(positions) // len(values))
                else:
                    raise ValueError(f'could not broadcast input array of size {len(values)} '
                                     f'into {len(positions)} positions')
        else:
            values = [value] * len(positions)
        data = self._d
        for p, v in zip(positions, values):
            data[p] = cast(v)

    # Conversion

    def tolist(self):
        if len(self._shape) == 2:
            rows, cols = self._shape
            return [self._d[r * cols:(r + 1) * cols] for r in range(rows)]
        return list(self._d)

    def item(self, *index):
        if not index:
            return self._single('scalar')
        return self[index if len(index) > 1 else index[0]]

    def copy(self):
        return ndarray._make(list(self._d), self._shape, self._kind)

    def astype(self, dtype, copy=True):
        kind = _dtype.kind_of(dtype)
        cast = _dtype.caster(kind)
        return ndarray._make([cast(v) for v in self._d], self._shape, kind)

    def reshape(self, *shape, order='C'):
        if len(shape) == 1 and not isinstance(shape[0], int):
            shape = tuple(shape[0])
        if shape.count(-1) == 1:
            known = _size_of([n for n in shape if n != -1]) or 1
            shape = tuple(len(self._d) // known if n == -1 else n for n in shape)
        shape = shape_arg(shape)
        if _size_of(shape) != len(self._d):
            raise ValueError(f'cannot reshape array of size {len(self._d)} into shape {shape}')
        return ndarray._make(list(self._d), shape, self._kind)

    def flatten(self, order='C'):
        return ndarray._make(list(self._d), (len(self._d),), self._kind)

    ravel = flatten

    def transpose(self, *axes):
        if len(self._shape) < 2:
            return self.copy()
        rows, cols = self._shape
        data = self._d
        return ndarray._make([data[r * cols + c] for c in range(cols) for r in range(rows)], (cols, rows),
                             self._kind)

    def fill(self, value):
        cast = _dtype.caster(self._kind)
        self._d[:] = [cast(value)] * len(self._d)

    def __repr__(self):
        from ._print import array_repr
        return array_repr(self)

    def __str__(self):
        from ._print import array_str
        return array_str(self)

    def __format__(self, spec):
        if spec and not self._shape:
            return format(_dtype.box(self._d[0], self._kind), spec)
        if spec:
            raise TypeError('unsupported format string passed to numpy.ndarray.__format__')
        return str(self)

    # Arithmetic and comparison

    def __neg__(self):
        return apply1(operator.neg, self)

    def __pos__(self):
        return self.copy()

    def __abs__(self):
        return apply1(abs, self)

    def __invert__(self):
        return apply1(_math.invert, self)

    def __round__(self, ndigits=None):
        return apply1(lambda v: _math.round_value(v, ndigits or 0), self)


def _binary_methods(fn, kind=None):
    def forward(self, other):
        return apply2(fn, self, other, kind)

    def reverse(self, other):
        return apply2(fn, other, self, kind)
    return forward, reverse


for _name, _fn, _kind in (
        ('add', operator.add, None), ('sub', operator.sub, None), ('mul', operator.mul, None),
        ('truediv', _math.true_divide, 'f'), ('floordiv', _math.floor_divide, None),
        ('mod', _math.remainder, None), ('pow', _math.power, None), ('and', operator.and_, None),
        ('or', operator.or_, None), ('xor', operator.xor, None)):
    _forward, _reverse = _binary_methods(_fn, _kind)
    setattr(ndarray, f'__{_name}__', _forward)
    setattr(ndarray, f'__r{_name}__', _reverse)

def _in_place(fn, kind=None):
    """a += b and friends: NumPy writes into a's own storage (other names for a see it) and keeps a's dtype."""
    def apply(self, other):
        result = apply2(fn, self, other, kind)
        if result is NotImplemented:
            return NotImplemented
        if result._shape != self._shape:
            raise ValueError(f'non-broadcastable output operand with shape {self._shape} doesn\'t match the '
                             f'broadcast shape {result._shape}')
        if _dtype.promote(self._kind, result._kind) != self._kind:
            raise TypeError(f"Cannot cast ufunc output from dtype('{result.dtype.name}') to "
                            f"dtype('{self.dtype.name}') with casting rule 'same_kind'")
        cast = _dtype.caster(self._kind)
        self._d[:] = result._d if result._kind == self._kind else [cast(v) for v in result._d]
        return self
    return apply


for _name, _fn, _kind in (
        ('add', operator.add, None), ('sub', operator.sub, None), ('mul', operator.mul, None),
        ('truediv', _math.true_divide, 'f'), ('floordiv', _math.floor_divide, None),
        ('mod', _math.remainder, None), ('pow', _math.power, None), ('and', operator.and_, None),
        ('or', operator.or_, None), ('xor', operator.xor, None)):
    setattr(ndarray, f'__i{_name}__', _in_place(_fn, _kind))

for _name, _fn in (('gt', operator.gt), ('ge', operator.ge), ('lt', operator.lt), ('le', operator.le),
                   ('eq', operator.eq), ('ne', operator.ne)):
    setattr(ndarray, f'__{_name}__', _binary_methods(_fn, 'b')[0])


def _is_fancy(key):
    return isinstance(key, (list, ndarray))


def _axis_positions(key, n, axis):
    """Indices along one axis that key selects, and whether the axis disappears (an integer key)."""
    if isinstance(key, slice):
        return list(range(n)[key]), False
    if isinstance(key, (list, ndarray)):
        values = asarray(key)
        if values._kind == 'b':
            if len(values._d) != n:
                raise IndexError(f'boolean index did not match indexed array along axis {axis}; '
                                 f'size of axis is {n} but size of boolean index is {len(values._d)}')
            return [i for i, keep in enumerate(values._d) if keep], False
        if values._kind != 'i' and values._d:
            raise IndexError('arrays used as indices must be of integer (or boolean) type')
        return [_normalize(i, n, axis) for i in values._d], False
    if key is None:
        raise IndexError("Botlink's numpy does not support np.newaxis/None in indexes; use reshape")
    try:
        index = operator.index(key)
    except TypeError:
        raise IndexError('only integers, slices (`:`), ellipsis (`...`) and integer or boolean arrays '
                         f'are valid indices, not {type(key).__name__}') from None
    return [_normalize(index, n, axis)], True


def _normalize(index, n, axis):
    if index < -n or index >= n:
        raise IndexError(f'index {index} is out of bounds for axis {axis} with size {n}')
    return index + n if index < 0 else index


def asarray(value, dtype=None):
    """value as an ndarray; an ndarray of the right dtype is returned as is."""
    if isinstance(value, ndarray):
        return value if dtype is None or _dtype.kind_of(dtype) == value._kind else value.astype(dtype)
    return array(value, dtype)


def array(value, dtype=None, copy=True, ndmin=0):
    """A new ndarray from a number, a (nested) list/tuple, an iterable, a pandas Series or an ndarray."""
    if isinstance(value, ndarray):
        return value.astype(dtype) if dtype is not None else value.copy()
    if hasattr(value, 'to_numpy'):
        return array(value.to_numpy(), dtype)
    if isinstance(value, (bool, int, float)):
        values, shape = [value], ()
    else:
        values, shape = _flatten(value)
    kind = _dtype.kind_of(dtype) if dtype is not None else _infer_kind(values)
    cast = _dtype.caster(kind)
    if shape == () and ndmin:
        shape = (1,)
    return ndarray._make([cast(v) for v in values], _check_shape(shape), kind)


def _flatten(value):
    if isinstance(value, (str, bytes, dict)):
        raise TypeError(f"Botlink's numpy holds numbers only, not {type(value).__name__}")
    items = list(value)
    if len(items) > MAX_SIZE:
        raise ValueError(f'array exceeds the {MAX_SIZE} elements a bot may allocate')
    if items and all(isinstance(i, ndarray) or (hasattr(i, '__len__') and not isinstance(i, str)) for i in items):
        rows = [asarray(i) for i in items]
        width = len(rows[0]._d)
        if any(r.ndim != 1 or len(r._d) != width for r in rows):
            raise ValueError('setting an array element with a sequence: rows must be 1-D and of equal length')
        return [v for r in rows for v in r._d], (len(rows), width)
    for i in items:
        if not isinstance(i, (bool, int, float)):
            if isinstance(i, (str, bytes)):
                raise TypeError(f"Botlink's numpy holds numbers only, not str ({i!r})")
            if isinstance(i, ndarray) or hasattr(i, '__len__'):
                raise ValueError('setting an array element with a sequence: the nested lists are ragged')
            if i is None:
                raise TypeError("Botlink's numpy holds numbers only, not None (use np.nan for missing values)")
            try:
                float(i)
            except (TypeError, ValueError):
                raise TypeError(f"Botlink's numpy holds numbers only, not {type(i).__name__} ({i!r})") from None
    return items, (len(items),)


def _infer_kind(values):
    kind = 'b'
    for v in values:
        if isinstance(v, bool):
            continue
        if isinstance(v, int):
            kind = 'i'
        else:
            return 'f'
    return kind if values else 'f'


def _operand(value):
    if isinstance(value, ndarray):
        return value
    if isinstance(value, (list, tuple)):
        return array(value)
    if hasattr(value, 'to_numpy'):
        return None
    return value


def apply1(fn, a, kind=None):
    """fn on every element of array-like a (or on scalar a)."""
    if not isinstance(a, ndarray):
        if isinstance(a, (list, tuple)):
            a = array(a)
        else:
            return fn(a)
    result_kind = kind or a._kind
    data = [fn(v) for v in a._d]
    if result_kind == 'f' and a._kind != 'f':
        data = [float(v) for v in data]
    return ndarray._make(data, a._shape, result_kind)


def apply2(fn, a, b, kind=None):
    """fn element-wise over a and b with NumPy broadcasting (scalars, same shapes, rows against 2-D)."""
    a, b = _operand(a), _operand(b)
    if a is None or b is None:
        return NotImplemented
    a_array, b_array = isinstance(a, ndarray), isinstance(b, ndarray)
    if not a_array and not b_array:
        return fn(a, b)
    if not a_array:
        if not isinstance(a, (bool, int, float)):
            return _foreign(fn, b, a)
        result_kind = kind or _arith_kind(_dtype.kind_of_value(a), b._kind)
        data, shape = list(map(fn, repeat(a), b._d)), b._shape
    elif not b_array:
        if not isinstance(b, (bool, int, float)):
            return _foreign(fn, a, b)
        result_kind = kind or _arith_kind(a._kind, _dtype.kind_of_value(b))
        data, shape = list(map(fn, a._d, repeat(b))), a._shape
    else:
        result_kind = kind or _arith_kind(a._kind, b._kind)
        left, right, shape = broadcast_pair(a, b)
        data = list(map(fn, left, right))
    return ndarray._make(data, shape, result_kind)


def _foreign(fn, array_, other):
    if fn is operator.eq:
        return ndarray._make([False] * len(array_._d), array_._shape, 'b')
    if fn is operator.ne:
        return ndarray._make([True] * len(array_._d), array_._shape, 'b')
    return NotImplemented


def _arith_kind(a, b):
    kind = _dtype.promote(a, b)
    return 'i' if kind == 'b' and not (a == b == 'b') else kind


def broadcast_shape(a, b):
    if a == b:
        return a
    a_pad = (1,) * (len(b) - len(a)) + a
    b_pad = (1,) * (len(a) - len(b)) + b
    shape = []
    for x, y in zip(a_pad, b_pad):
        if x != y and x != 1 and y != 1:
            raise ValueError(f'operands could not be broadcast together with shapes {a} {b}')
        shape.append(max(x, y))
    return tuple(shape)


def broadcast_to_shape(a, shape):
    """The flat data of a repeated to fill shape."""
    if a._shape == shape:
        return a._d
    if len(a._d) == 1:
        return a._d * _size_of(shape)
    source = (1,) * (len(shape) - len(a._shape)) + a._shape
    if len(shape) == 1:
        return a._d * shape[0]
    rows, cols = shape
    src_rows, src_cols = source
    data = a._d
    out = []
    for r in range(rows):
        base = (r if src_rows != 1 else 0) * src_cols
        out.extend(data[base:base + src_cols] * cols if src_cols == 1 else data[base:base + src_cols])
    return out


def broadcast_pair(a, b):
    shape = broadcast_shape(a._shape, b._shape)
    return broadcast_to_shape(a, shape), broadcast_to_shape(b, shape), shape
