"""Builds each talib function from its table entry: binds arguments like TA-Lib's Python signatures, converts
numpy arrays, lists and pandas Series to float lists for the host, and converts the results back."""
import inspect
import math


def _values(name, argument, value):
    """(float list, Series-or-None) for one input."""
    series = value if hasattr(value, 'to_numpy') and hasattr(value, 'index') else None
    if series is not None:
        value = series.to_numpy()
    if hasattr(value, 'tolist') and hasattr(value, 'ndim'):
        if value.ndim != 1:
            raise ValueError(f'{name}: {argument} must be 1-dimensional, got shape {value.shape}')
        value = value.tolist()
    elif isinstance(value, (str, bytes)) or not hasattr(value, '__iter__'):
        raise TypeError(f'{name}: {argument} must be an array of prices (numpy array, list or pandas Series), '
                        f'not {type(value).__name__}')
    try:
        return [float(v) for v in value], series
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
    return value


def make_function(name, spec, call):
    group, inputs, options, outputs, integer_outputs = spec
    parameters = [inspect.Parameter(i, inspect.Parameter.POSITIONAL_OR_KEYWORD) for i in inputs]
    parameters += [inspect.Parameter(o, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=d) for o, d in options]
    signature = inspect.Signature(parameters)

    def function(*args, **kwargs):
        try:
            bound = signature.bind(*args, **kwargs)
        except TypeError as e:
            raise TypeError(f'{name}{signature}: {e}') from None
        bound.apply_defaults()
        arrays, series = [], None
        for argument in inputs:
            values, maybe_series = _values(name, argument, bound.arguments[argument])
            arrays.append(values)
            series = series if series is not None else maybe_series
        chosen = {o: _option_value(name, o, bound.arguments[o]) for o, _ in options}
        results = call(name, arrays, {k: float(v) for k, v in chosen.items()})
        converted = [_output(values, output in integer_outputs, series) for values, output in zip(results, outputs)]
        return converted[0] if len(converted) == 1 else tuple(converted)

    function.__name__ = function.__qualname__ = name
    function.__signature__ = signature
    function.__doc__ = (f'{name}{signature}\n\n{group}\n\nInputs: {", ".join(inputs)}\n'
                        f'Outputs: {", ".join(outputs)}\nComputed by TA-Lib (Java port) on Botlink.')
    return function


def _output(values, integer, series):
    import numpy
    array = numpy.array([int(v) for v in values], dtype=numpy.int64) if integer else \
        numpy.array([float(v) for v in values], dtype=numpy.float64)
    if series is None:
        return array
    import pandas
    return pandas.Series(array, index=series.index)
