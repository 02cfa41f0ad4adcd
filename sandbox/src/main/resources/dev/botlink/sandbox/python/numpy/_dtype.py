"""Scalar types and dtypes of Botlink's numpy: float64, int64 and bool, stored as Python values."""


class float64(float):
    """numpy.float64: a Python float, as in NumPy."""

    def item(self):
        return float(self)

    def __str__(self):
        return float.__repr__(self)

    def __repr__(self):
        return float.__repr__(self)

    def round(self, decimals=0):
        from ._math import round_value
        return float64(round_value(float(self), decimals))


class int64(int):
    """numpy.int64: a Python int, as in NumPy (without 64-bit wrap-around)."""

    def item(self):
        return int(self)


class bool_:
    """numpy.bool_: calling it gives a Python bool."""

    def __new__(cls, value=False):
        return bool(value)


class dtype:
    """The element type of an array: 'float64', 'int64' or 'bool'."""

    __slots__ = ('name', 'kind', 'type', 'itemsize')

    def __init__(self, spec):
        resolved = _KINDS[spec if isinstance(spec, _Kind) else kind_of(spec)]
        self.name, self.kind, self.type, self.itemsize = resolved

    @classmethod
    def of_kind(cls, kind):
        return cls(_Kind(kind))

    def __eq__(self, other):
        try:
            return kind_of(other) == self.kind
        except TypeError:
            return False

    def __hash__(self):
        return hash(self.name)

    def __repr__(self):
        return f"dtype('{self.name}')"

    def __str__(self):
        return self.name


class _Kind(str):
    """A kind letter given internally, so that 'f' is not mistaken for NumPy's float32 code."""


float_ = double = float64
int_ = int64

_KINDS = {'f': ('float64', 'f', float64, 8), 'i': ('int64', 'i', int64, 8), 'b': ('bool', 'b', bool_, 1)}

_NAMES = {
    'float64': 'f', 'f8': 'f', 'float': 'f', 'd': 'f', 'double': 'f', 'f64': 'f',
    'int64': 'i', 'i8': 'i', 'int': 'i', 'int_': 'i', 'l': 'i', 'q': 'i',
    'bool': 'b', '?': 'b', 'bool_': 'b', 'b1': 'b',
}


def kind_of(spec):
    """'f', 'i' or 'b' for anything NumPy accepts as one of our dtypes; TypeError naming what is not supported."""
    if isinstance(spec, dtype):
        return spec.kind
    if spec is float or spec is float64:
        return 'f'
    if spec is int or spec is int64:
        return 'i'
    if spec is bool or spec is bool_:
        return 'b'
    if isinstance(spec, str) and spec.lower() in _NAMES:
        return _NAMES[spec.lower()]
    raise TypeError(f"dtype {getattr(spec, '__name__', spec)!r} is not supported by Botlink's numpy, "
                    "which stores float64, int64 and bool")


ZERO = {'f': 0.0, 'i': 0, 'b': False}


def caster(kind):
    """Converts a Python value to the stored representation of kind."""
    if kind == 'f':
        return float
    if kind == 'i':
        return _to_int
    return bool


def _to_int(value):
    if isinstance(value, float) and value != value:
        raise ValueError('cannot convert float NaN to integer')
    if isinstance(value, float) and value in (float('inf'), float('-inf')):
        raise OverflowError('cannot convert float infinity to integer')
    return int(value)


def kind_of_value(value):
    """The kind NumPy gives a Python scalar."""
    if isinstance(value, bool):
        return 'b'
    if isinstance(value, int):
        return 'i'
    if isinstance(value, float):
        return 'f'
    raise TypeError(f"Botlink's numpy holds numbers only, not {type(value).__name__} ({value!r})")


def promote(a, b):
    """The kind of a result combining kinds a and b (bool < int64 < float64)."""
    order = 'bif'
    return a if order.index(a) >= order.index(b) else b


def box(value, kind):
    """A stored value as the scalar NumPy hands out."""
    return float64(value) if kind == 'f' else value
