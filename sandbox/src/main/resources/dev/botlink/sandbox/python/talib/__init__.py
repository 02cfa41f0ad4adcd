"""Botlink's talib: TA-Lib's functions with TA-Lib's Python names, parameters, defaults and outputs.

Every function is computed by TA-Lib itself (its Java port) through the host, so results equal TA-Lib's.
Inputs may be numpy arrays, lists or pandas Series; outputs are float64 arrays with leading NaN (integer arrays
for pattern and index functions), or Series when the input was a Series, like TA-Lib's own wrapper.
"""
import _botlink

from ._table import FUNCTIONS as _FUNCTIONS
from ._wrap import make_function

__version__ = '0.4.0'
__ta_version__ = '0.4.0'


class MA_Type:
    """Moving-average types for the matype options, as in TA-Lib."""
    SMA, EMA, WMA, DEMA, TEMA, TRIMA, KAMA, MAMA, T3 = range(9)

    _LOOKUP = {0: 'Simple Moving Average', 1: 'Exponential Moving Average', 2: 'Weighted Moving Average',
               3: 'Double Exponential Moving Average', 4: 'Triple Exponential Moving Average',
               5: 'Triangular Moving Average', 6: 'Kaufman Adaptive Moving Average',
               7: 'MESA Adaptive Moving Average', 8: 'Triple Generalized Double Exponential Moving Average'}

    def __getitem__(self, type_):
        return self._LOOKUP[type_]


MA_Type = MA_Type()

__all__ = ['MA_Type', 'get_functions', 'get_function_groups']
for _name, _spec in _FUNCTIONS.items():
    globals()[_name] = make_function(_name, _spec, _botlink.talib)
    __all__.append(_name)


def get_functions():
    """All function names, as TA-Lib lists them."""
    return [name for group in get_function_groups().values() for name in group]


def get_function_groups():
    """Function names by group ('Overlap Studies', 'Momentum Indicators', ...)."""
    groups = {}
    for name, spec in _FUNCTIONS.items():
        groups.setdefault(spec[0], []).append(name)
    return dict(sorted(groups.items()))


def set_unstable_period(name, period):
    raise NotImplementedError("talib.set_unstable_period is not available on Botlink: TA-Lib's defaults are used")


def __getattr__(name):
    raise AttributeError(f"module 'talib' has no attribute '{name}': Botlink's talib provides TA-Lib 0.4.0's "
                         f"{len(_FUNCTIONS)} functions (talib.get_functions() lists them), "
                         "without talib.abstract and talib.stream")
