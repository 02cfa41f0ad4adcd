"""Botlink's numpy: the part of NumPy that trading bots use, in pure Python with NumPy's float64 results.

Arrays are 1-D or 2-D of float64, int64 or bool. Anything not provided raises an error naming it; see
docs/python-libraries.md for the full list.
"""
import math as _m

from ._dtype import float64, int64, bool_, dtype, float_, double, int_
from ._array import ndarray, array, asarray
from ._create import (zeros, ones, empty, full, zeros_like, ones_like, empty_like, full_like, arange, linspace,
                      concatenate, append, vstack, hstack, column_stack, stack, roll, flip, where, nonzero,
                      argwhere, flatnonzero, sort, argsort, unique, diff, tile, repeat, eye, identity)
from ._reduce import (sum, mean, var, std, amax, amin, argmax, argmin, ptp, prod, any, all, count_nonzero, nansum,
                      nanmean, nanvar, nanstd, nanmax, nanmin, nanmedian, percentile, quantile, median, average, cumsum,
                      cumprod)
from ._functions import (exp, expm1, log, log10, log2, log1p, sqrt, sin, cos, tan, arcsin, arccos, arctan, sinh,
                         cosh, tanh, floor, ceil, trunc, rint, degrees, radians, absolute, abs, fabs, negative, sign,
                         square, isnan, isinf, isfinite, logical_not, invert, add, subtract, multiply, divide,
                         true_divide, floor_divide, mod, remainder, power, maximum, minimum, fmax, fmin, arctan2,
                         hypot, logical_and, logical_or, logical_xor, greater, greater_equal, less, less_equal,
                         equal, not_equal, clip, round, around, round_, nan_to_num, isclose, allclose, array_equal,
                         interp, dot, matmul, convolve, outer)
from ._poly import polyfit, polyval
from . import random

__version__ = '1.26.4+botlink'

nan = NaN = NAN = float('nan')
inf = Inf = Infinity = PINF = float('inf')
NINF = float('-inf')
pi = _m.pi
e = _m.e
euler_gamma = 0.5772156649015329
newaxis = None
max = amax
min = amin
float32_missing = None
del float32_missing

floating = float
integer = int
number = (int, float)
bool8 = bool_


def isscalar(element):
    return isinstance(element, (int, float, bool, str))


def ndim(a):
    return asarray(a).ndim


def shape(a):
    return asarray(a).shape


def size(a):
    return asarray(a).size


def transpose(a):
    return asarray(a).transpose()


def reshape(a, newshape):
    return asarray(a).reshape(newshape)


def ravel(a):
    return asarray(a).ravel()


def copy(a):
    return array(a)


def _install_methods():
    def method(fn):
        return lambda self, *args, **kwargs: fn(self, *args, **kwargs)
    for name, fn in (('sum', sum), ('mean', mean), ('var', var), ('std', std), ('max', amax), ('min', amin),
                     ('argmax', argmax), ('argmin', argmin), ('ptp', ptp), ('prod', prod), ('any', any),
                     ('all', all), ('cumsum', cumsum), ('cumprod', cumprod), ('round', round), ('clip', clip),
                     ('nonzero', nonzero), ('dot', dot), ('argsort', argsort), ('repeat', repeat)):
        setattr(ndarray, name, method(fn))

    def sort_in_place(self, axis=-1, kind=None):
        self._d[:] = sort(self, axis)._d
    ndarray.sort = sort_in_place
    ndarray.__matmul__ = lambda self, other: dot(self, other)
    ndarray.__rmatmul__ = lambda self, other: dot(other, self)


_install_methods()

_MISSING_HINTS = {
    'float32': 'use np.float64',
    'float16': 'use np.float64',
    'int32': 'use np.int64',
    'linalg': 'not available in Botlink yet',
    'fft': 'not available in Botlink yet',
    'load': 'bots have no file system',
    'save': 'bots have no file system',
    'loadtxt': 'bots have no file system',
    'genfromtxt': 'bots have no file system',
    'datetime64': 'use the datetime module',
}


def __getattr__(name):
    hint = _MISSING_HINTS.get(name, 'see docs/python-libraries.md for what is available')
    raise AttributeError(f"module 'numpy' has no attribute '{name}': Botlink's numpy subset does not "
                         f"provide numpy.{name} ({hint})")
