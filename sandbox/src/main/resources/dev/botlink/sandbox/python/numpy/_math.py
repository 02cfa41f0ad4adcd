"""Element operations with NumPy's float semantics: no exceptions, inf and NaN instead (NumPy only warns)."""
import math
import operator

nan = float('nan')
inf = float('inf')


def add(a, b):
    return a + b


def subtract(a, b):
    return a - b


def multiply(a, b):
    return a * b


def true_divide(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        if a != a or a == 0:
            return nan
        return math.copysign(inf, a) * math.copysign(1.0, b)


def floor_divide(a, b):
    try:
        return a // b
    except ZeroDivisionError:
        if isinstance(a, int) and isinstance(b, int):
            return 0
        return true_divide(a, b)


def remainder(a, b):
    try:
        return a % b
    except ZeroDivisionError:
        if isinstance(a, int) and isinstance(b, int):
            return 0
        return nan


def power(a, b):
    try:
        result = a ** b
    except ZeroDivisionError:
        return inf
    except OverflowError:
        return inf if a > 0 or float(b) % 2 == 0 else -inf
    if isinstance(result, complex):
        return nan
    return result


def maximum(a, b):
    if a != a or b != b:
        return nan
    return a if a >= b else b


def minimum(a, b):
    if a != a or b != b:
        return nan
    return a if a <= b else b


def round_value(x, decimals=0):
    """NumPy's rounding: scale, round half to even, unscale (not Python's exact decimal rounding)."""
    if isinstance(x, bool):
        x = int(x)
    if isinstance(x, int):
        if decimals >= 0:
            return x
        factor = 10 ** (-decimals)
        return int(round(x / factor)) * factor
    if x != x or x in (inf, -inf):
        return x
    if decimals >= 0:
        factor = 10.0 ** decimals
        scaled = x * factor
        if scaled in (inf, -inf):
            return x
        return math.copysign(float(round(scaled)) / factor, x)
    factor = 10.0 ** (-decimals)
    return math.copysign(float(round(x / factor)) * factor, x)


def _unary(fn, domain=None, outside=nan):
    """Wraps a math function so that domain errors give NaN (or a chosen value) and overflow gives inf."""
    def apply(x):
        if x != x:
            return nan
        if domain is not None and not domain(x):
            return outside(x) if callable(outside) else outside
        try:
            return fn(x)
        except OverflowError:
            return inf
        except ValueError:
            return nan
    return apply


def _log_outside(x):
    return -inf if x == 0 else nan


exp = _unary(math.exp)
expm1 = _unary(math.expm1)
log = _unary(math.log, lambda x: x > 0, _log_outside)
log10 = _unary(math.log10, lambda x: x > 0, _log_outside)
log2 = _unary(math.log2, lambda x: x > 0, _log_outside)
log1p = _unary(math.log1p, lambda x: x > -1, lambda x: -inf if x == -1 else nan)
sqrt = _unary(math.sqrt, lambda x: x >= 0)
sin = _unary(math.sin)
cos = _unary(math.cos)
tan = _unary(math.tan)
arcsin = _unary(math.asin, lambda x: -1 <= x <= 1)
arccos = _unary(math.acos, lambda x: -1 <= x <= 1)
arctan = _unary(math.atan)
sinh = _unary(math.sinh)
cosh = _unary(math.cosh)
tanh = _unary(math.tanh)
floor = _unary(lambda x: float(math.floor(x)) if x not in (inf, -inf) else x)
ceil = _unary(lambda x: float(math.ceil(x)) if x not in (inf, -inf) else x)
trunc = _unary(lambda x: float(math.trunc(x)) if x not in (inf, -inf) else x)
rint = _unary(lambda x: float(round(x)) if x not in (inf, -inf) else x)
degrees = _unary(math.degrees)
radians = _unary(math.radians)


def absolute(x):
    return abs(x)


def negative(x):
    return -x


def sign(x):
    if x != x:
        return nan
    result = (x > 0) - (x < 0)
    return float(result) if isinstance(x, float) else result


def square(x):
    return power(x, 2)


def isnan(x):
    return x != x


def isinf(x):
    return x in (inf, -inf)


def isfinite(x):
    return x == x and x not in (inf, -inf)


def logical_not(x):
    return not x


def invert(x):
    return not x if isinstance(x, bool) else ~x


COMPARISONS = {
    'greater': operator.gt, 'greater_equal': operator.ge, 'less': operator.lt,
    'less_equal': operator.le, 'equal': operator.eq, 'not_equal': operator.ne,
}
