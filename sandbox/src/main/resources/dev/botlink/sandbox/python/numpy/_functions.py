"""NumPy's element-wise functions (ufuncs) and small numeric helpers: clip, round, isclose, interp, dot..."""
import builtins
import math

from . import _dtype
from . import _math
from ._array import ndarray, asarray, apply1, apply2, broadcast_pair
from ._reduce import float_sum


def _box_scalar(value):
    if isinstance(value, float):
        return _dtype.float64(value)
    return value


def _ufunc1(fn, kind=None, name=None):
    float_result = kind == 'f'

    def ufunc(x, out=None, **kwargs):
        if isinstance(x, ndarray) or isinstance(x, (list, tuple)):
            return apply1(fn, x, kind)
        if hasattr(x, 'to_numpy'):
            return x.__class__._from_values(ufunc(x.to_numpy()), x)
        value = fn(float(x) if float_result else x)
        return _box_scalar(value)
    ufunc.__name__ = name or fn.__name__
    return ufunc


def _ufunc2(fn, kind=None, name=None):
    def ufunc(x1, x2, out=None, **kwargs):
        if hasattr(x1, 'to_numpy') or hasattr(x2, 'to_numpy'):
            series = x1 if hasattr(x1, 'to_numpy') else x2
            left = x1.to_numpy() if hasattr(x1, 'to_numpy') else x1
            right = x2.to_numpy() if hasattr(x2, 'to_numpy') else x2
            return series.__class__._from_values(ufunc(left, right), series)
        result = apply2(fn, x1, x2, kind)
        return _box_scalar(result)
    ufunc.__name__ = name or fn.__name__
    return ufunc


exp = _ufunc1(_math.exp, 'f', 'exp')
expm1 = _ufunc1(_math.expm1, 'f', 'expm1')
log = _ufunc1(_math.log, 'f', 'log')
log10 = _ufunc1(_math.log10, 'f', 'log10')
log2 = _ufunc1(_math.log2, 'f', 'log2')
log1p = _ufunc1(_math.log1p, 'f', 'log1p')
sqrt = _ufunc1(_math.sqrt, 'f', 'sqrt')
sin = _ufunc1(_math.sin, 'f', 'sin')
cos = _ufunc1(_math.cos, 'f', 'cos')
tan = _ufunc1(_math.tan, 'f', 'tan')
arcsin = _ufunc1(_math.arcsin, 'f', 'arcsin')
arccos = _ufunc1(_math.arccos, 'f', 'arccos')
arctan = _ufunc1(_math.arctan, 'f', 'arctan')
sinh = _ufunc1(_math.sinh, 'f', 'sinh')
cosh = _ufunc1(_math.cosh, 'f', 'cosh')
tanh = _ufunc1(_math.tanh, 'f', 'tanh')
floor = _ufunc1(_math.floor, 'f', 'floor')
ceil = _ufunc1(_math.ceil, 'f', 'ceil')
trunc = _ufunc1(_math.trunc, 'f', 'trunc')
rint = _ufunc1(_math.rint, 'f', 'rint')
degrees = _ufunc1(_math.degrees, 'f', 'degrees')
radians = _ufunc1(_math.radians, 'f', 'radians')
absolute = abs = _ufunc1(_math.absolute, None, 'absolute')
fabs = _ufunc1(_math.absolute, 'f', 'fabs')
negative = _ufunc1(_math.negative, None, 'negative')
sign = _ufunc1(_math.sign, None, 'sign')
square = _ufunc1(_math.square, None, 'square')
isnan = _ufunc1(_math.isnan, 'b', 'isnan')
isinf = _ufunc1(_math.isinf, 'b', 'isinf')
isfinite = _ufunc1(_math.isfinite, 'b', 'isfinite')
logical_not = _ufunc1(_math.logical_not, 'b', 'logical_not')
invert = _ufunc1(_math.invert, None, 'invert')

add = _ufunc2(_math.add, None, 'add')
subtract = _ufunc2(_math.subtract, None, 'subtract')
multiply = _ufunc2(_math.multiply, None, 'multiply')
divide = true_divide = _ufunc2(_math.true_divide, 'f', 'divide')
floor_divide = _ufunc2(_math.floor_divide, None, 'floor_divide')
mod = remainder = _ufunc2(_math.remainder, None, 'remainder')
power = _ufunc2(_math.power, None, 'power')
maximum = _ufunc2(_math.maximum, None, 'maximum')
minimum = _ufunc2(_math.minimum, None, 'minimum')
fmax = _ufunc2(lambda a, b: b if a != a else (a if b != b else builtins.max(a, b)), None, 'fmax')
fmin = _ufunc2(lambda a, b: b if a != a else (a if b != b else builtins.min(a, b)), None, 'fmin')
arctan2 = _ufunc2(math.atan2, 'f', 'arctan2')
hypot = _ufunc2(math.hypot, 'f', 'hypot')
logical_and = _ufunc2(lambda a, b: bool(a) and bool(b), 'b', 'logical_and')
logical_or = _ufunc2(lambda a, b: bool(a) or bool(b), 'b', 'logical_or')
logical_xor = _ufunc2(lambda a, b: bool(a) != bool(b), 'b', 'logical_xor')
for _name, _op in _math.COMPARISONS.items():
    globals()[_name] = _ufunc2(_op, 'b', _name)
greater, greater_equal, less, less_equal, equal, not_equal = (
    globals()[n] for n in ('greater', 'greater_equal', 'less', 'less_equal', 'equal', 'not_equal'))


def clip(a, a_min=None, a_max=None, out=None, **kwargs):
    if a_min is None and a_max is None:
        raise ValueError('One of max or min must be given')
    result = a
    if a_min is not None:
        result = maximum(result, a_min)
    if a_max is not None:
        result = minimum(result, a_max)
    return result


def round(a, decimals=0, out=None):
    if hasattr(a, 'to_numpy'):
        return a.round(decimals)
    if isinstance(a, (ndarray, list, tuple)):
        return apply1(lambda v: _math.round_value(v, decimals), a)
    return _box_scalar(_math.round_value(a, decimals))


around = round_ = round


def nan_to_num(x, copy=True, nan=0.0, posinf=None, neginf=None):
    big = 1.7976931348623157e308
    posinf = big if posinf is None else posinf
    neginf = -big if neginf is None else neginf

    def fix(v):
        if v != v:
            return nan
        if v == float('inf'):
            return posinf
        if v == float('-inf'):
            return neginf
        return v
    return _ufunc1(fix, None, 'nan_to_num')(x)


def isclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False):
    def close(x, y):
        if x != x or y != y:
            return equal_nan and x != x and y != y
        if x == y:
            return True
        return builtins.abs(x - y) <= atol + rtol * builtins.abs(y)
    return _box_scalar(apply2(close, a, b, 'b'))


def allclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False):
    result = isclose(a, b, rtol, atol, equal_nan)
    return builtins.all(result._d) if isinstance(result, ndarray) else bool(result)


def array_equal(a1, a2, equal_nan=False):
    a, b = asarray(a1), asarray(a2)
    if a.shape != b.shape:
        return False
    return builtins.all(x == y or (equal_nan and x != x and y != y) for x, y in zip(a._d, b._d))


def interp(x, xp, fp, left=None, right=None):
    """Piecewise-linear interpolation of increasing sample points xp, like np.interp."""
    xs, xpa, fpa = asarray(x, float), asarray(xp, float), asarray(fp, float)
    if xpa.size != fpa.size:
        raise ValueError('fp and xp are not of the same length.')
    if xpa.size == 0:
        raise ValueError('array of sample points is empty')
    import bisect
    px, py = xpa._d, fpa._d
    lo = py[0] if left is None else float(left)
    hi = py[-1] if right is None else float(right)

    def one(v):
        if v != v:
            return v
        if v < px[0]:
            return lo
        if v > px[-1]:
            return hi
        if v == px[-1]:
            return py[-1]
        j = bisect.bisect_right(px, v) - 1
        slope = (py[j + 1] - py[j]) / (px[j + 1] - px[j])
        result = slope * (v - px[j]) + py[j]
        if result != result:
            result = slope * (v - px[j + 1]) + py[j + 1]
            if result != result and py[j] == py[j + 1]:
                result = py[j]
        return result
    if isinstance(x, (ndarray, list, tuple)):
        return ndarray._make([one(v) for v in xs._d], xs.shape, 'f')
    return _dtype.float64(one(float(x)))


def dot(a, b):
    a, b = asarray(a), asarray(b)
    if a.ndim == 1 and b.ndim == 1:
        if a.size != b.size:
            raise ValueError(f'shapes {a.shape} and {b.shape} not aligned')
        return _box_scalar(_dot_values(a._d, b._d))
    left = a if a.ndim == 2 else a.reshape(1, -1)
    right = b if b.ndim == 2 else b.reshape(-1, 1)
    n, k = left.shape
    k2, m = right.shape
    if k != k2:
        raise ValueError(f'shapes {a.shape} and {b.shape} not aligned: {k} (dim 1) != {k2} (dim 0)')
    columns = [right._d[c::m] for c in range(m)]
    data = [_dot_values(left._d[r * k:(r + 1) * k], col) for r in range(n) for c, col in enumerate(columns)]
    kind = 'f' if 'f' in (a._kind, b._kind) else 'i'
    result = ndarray._make(data, (n, m), kind)
    if a.ndim == 1:
        return result.reshape(-1)
    if b.ndim == 1:
        return result.reshape(-1)
    return result


matmul = dot


def _dot_values(x, y):
    products = [p * q for p, q in zip(x, y)]
    if builtins.any(isinstance(v, float) for v in products):
        return float_sum([float(v) for v in products])
    return builtins.sum(products)


def convolve(a, v, mode='full'):
    a, v = asarray(a, float)._d, asarray(v, float)._d
    if not a or not v:
        raise ValueError('v cannot be empty' if not v else 'a cannot be empty')
    if len(v) > len(a):
        a, v = v, a
    n, m = len(a), len(v)
    full = [float_sum([a[i - j] * v[j] for j in range(builtins.max(0, i - n + 1), builtins.min(i, m - 1) + 1)])
            for i in range(n + m - 1)]
    if mode == 'full':
        out = full
    elif mode == 'valid':
        out = full[m - 1:n]
    elif mode == 'same':
        start = (m - 1) // 2
        out = full[start:start + n]
    else:
        raise ValueError(f"mode must be 'full', 'same' or 'valid', not {mode!r}")
    return ndarray._make(out, (len(out),), 'f')


def outer(a, b):
    a, b = asarray(a).ravel(), asarray(b).ravel()
    left, right, shape = broadcast_pair(a.reshape(-1, 1), b.reshape(1, -1))
    return ndarray._make([x * y for x, y in zip(left, right)], shape, _dtype.promote(a._kind, b._kind))
