"""Builds each talib function from its table entry: binds arguments like TA-Lib's Python signatures, converts
numpy arrays, lists and pandas Series to float lists for the host, and converts the results back."""
import math

import numpy

_EMPTY = object()


def _values(name, argument, value):
    """(float list, Series-or-None) for one input, without copying what is already a list of floats."""
    if hasattr(value, '_floats') and hasattr(value, 'index'):
        return value._floats(), value
    if isinstance(value, numpy.ndarray):
        if value.ndim != 1:
            raise ValueError(f'{name}: {argument} must be 1-dimensional, got shape {value.shape}')
        return (value._d if value.dtype.kind == 'f' else [float(v) for v in value._d]), None
    if isinstance(value, (str, bytes)) or not hasattr(value, '__iter__'):
        raise TypeError(f'{name}: {argument} must be an array of prices (numpy array, list or pandas Series), '
                        f'not {type(value).__name__}')
    try:
        return [float(v) for v in value], None
    except (TypeError, ValueError):
        raise TypeError(f'{name}: {argument} must hold numbers only') from None


def _option_value(name, option, value):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        try:
            value = float(value)
        except (TypeError, ValueError):
            raise TypeError(f'{name}: {option} must be a number, not {type(value).__name__}') from None
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f'{name}: {option} must be a finite number, got {value}')
    return float(value)


class TalibFunction:
    """One TA-Lib function, callable with TA-Lib's Python signature, e.g. RSI(real, timeperiod=14)."""

    def __init__(self, name, spec, call):
        self.__name__ = self.__qualname__ = name
        self._group, self._inputs, self._options, self._outputs, self._integer_outputs = spec
        self._parameters = list(self._inputs) + [o for o, _ in self._options]
        self._defaults = dict(self._options)
        self._call = call
        self.__doc__ = (f'{name}{self._text()}\n\n{self._group}\n\nInputs: {", ".join(self._inputs)}\n'
                        f'Outputs: {", ".join(self._outputs)}\nComputed by TA-Lib (Java port) on Botlink.')

    def _text(self):
        options = [f'{o}={d!r}' for o, d in self._options]
        return '(' + ', '.join(list(self._inputs) + options) + ')'

    @property
    def __signature__(self):
        import inspect
        kind = inspect.Parameter.POSITIONAL_OR_KEYWORD
        return inspect.Signature([inspect.Parameter(i, kind) for i in self._inputs]
                                 + [inspect.Parameter(o, kind, default=d) for o, d in self._options])

    def __repr__(self):
        return f'<function talib.{self.__name__}{self._text()}>'

    def _bind(self, args, kwargs):
        if len(args) > len(self._parameters):
            raise TypeError(f'{self.__name__}{self._text()}: takes {len(self._parameters)} arguments '
                            f'but {len(args)} were given')
        bound = dict(zip(self._parameters, args))
        for key, value in kwargs.items():
            if key not in self._defaults and key not in self._inputs:
                raise TypeError(f"{self.__name__}{self._text()}: got an unexpected keyword argument '{key}'")
            if key in bound:
                raise TypeError(f"{self.__name__}{self._text()}: got multiple values for argument '{key}'")
            bound[key] = value
        missing = [i for i in self._inputs if i not in bound]
        if missing:
            raise TypeError(f"{self.__name__}{self._text()}: missing required argument '{missing[0]}'")
        return bound

    def __call__(self, *args, **kwargs):
        bound = self._bind(args, kwargs)
        name = self.__name__
        arrays, series = [], None
        for argument in self._inputs:
            values, maybe_series = _values(name, argument, bound[argument])
            arrays.append(values)
            series = series if series is not None else maybe_series
        options = {o: _option_value(name, o, bound.get(o, d)) for o, d in self._options}
        results = self._call(name, arrays, options)
        converted = [_output(values, output in self._integer_outputs, series)
                     for values, output in zip(results, self._outputs)]
        return converted[0] if len(converted) == 1 else tuple(converted)


def make_function(name, spec, call):
    return TalibFunction(name, spec, call)


def _output(values, integer, series):
    if integer:
        array = numpy.ndarray._make([int(v) for v in values], (len(values),), 'i')
    else:
        array = numpy.ndarray._make(values if isinstance(values, list) else list(values), (len(values),), 'f')
    if series is None:
        return array
    import pandas
    return pandas.Series(array, index=series.index)
