"""scipy.interpolate.interp1d for 1-D data: linear, nearest, nearest-up, previous, next, zero, slinear, cubic."""
import bisect

import numpy

from ._cubic import CubicSpline

nan = float('nan')
_KINDS = ('linear', 'nearest', 'nearest-up', 'previous', 'next', 'zero', 'slinear', 'cubic')


class interp1d:
    """Interpolates y = f(x); outside x it raises (bounds_error) or gives fill_value, or extrapolates."""

    def __init__(self, x, y, kind='linear', axis=-1, copy=True, bounds_error=None, fill_value=nan,
                 assume_sorted=False):
        if isinstance(kind, int) or kind not in _KINDS:
            raise NotImplementedError(f"interp1d kind={kind!r} is not in Botlink's scipy; use one of {_KINDS}")
        xs = [float(v) for v in numpy.asarray(x, float).tolist()]
        y_array = numpy.asarray(y, float)
        if y_array.ndim != 1:
            raise NotImplementedError("Botlink's interp1d interpolates 1-D y only")
        ys = [float(v) for v in y_array.tolist()]
        if len(xs) != len(ys):
            raise ValueError(f'x and y arrays must be equal in length along interpolation axis.')
        if len(xs) < 1 or (kind in ('linear', 'slinear') and len(xs) < 2) or (kind == 'cubic' and len(xs) < 4):
            raise ValueError(f'x and y arrays must have at least {4 if kind == "cubic" else 2} entries')
        if not assume_sorted:
            order = sorted(range(len(xs)), key=lambda i: xs[i])
            xs, ys = [xs[i] for i in order], [ys[i] for i in order]
        self.x, self.y = numpy.array(xs), numpy.array(ys)
        self._x, self._y = xs, ys
        self.kind = kind
        self._extrapolate = isinstance(fill_value, str) and fill_value == 'extrapolate'
        if isinstance(fill_value, str) and not self._extrapolate:
            raise ValueError(f"fill_value must be a number, a (below, above) pair or 'extrapolate', not {fill_value!r}")
        if bounds_error is None:
            bounds_error = not self._extrapolate
        if bounds_error and self._extrapolate:
            raise ValueError('Cannot extrapolate and raise at the same time.')
        self.bounds_error = bounds_error
        if self._extrapolate:
            self._below = self._above = None
        elif isinstance(fill_value, (tuple, list)) and len(fill_value) == 2:
            self._below, self._above = float(fill_value[0]), float(fill_value[1])
        else:
            self._below = self._above = float(fill_value)
        self.fill_value = fill_value
        self._spline = CubicSpline(xs, ys) if kind == 'cubic' else None
        half = [v / 2.0 for v in xs]
        self._midpoints = [half[i + 1] + half[i] for i in range(len(xs) - 1)]

    def __call__(self, x):
        points = numpy.asarray(x, float)
        values = [self._one(v) for v in (points.tolist() if points.ndim else [float(points)])]
        if not points.ndim:
            return numpy.ndarray._make(values, (), 'f')
        return numpy.array(values).reshape(points.shape)

    def _one(self, v):
        if v != v:
            return nan
        xs = self._x
        if v < xs[0] or v > xs[-1]:
            if self.bounds_error:
                side, edge = ('below', 'minimum') if v < xs[0] else ('above', 'maximum')
                raise ValueError(f"A value ({v}) in x_new is {side} the interpolation range's {edge} value "
                                 f"({xs[0] if v < xs[0] else xs[-1]}).")
            if not self._extrapolate:
                return self._below if v < xs[0] else self._above
        return self._interpolate(v)

    def _interpolate(self, v):
        xs, ys, kind = self._x, self._y, self.kind
        if kind in ('linear', 'slinear'):
            if not self._extrapolate and v == xs[-1]:
                return ys[-1]
            hi = min(max(bisect.bisect_left(xs, v), 1), len(xs) - 1)
            lo = hi - 1
            if not self._extrapolate:
                lo = min(max(bisect.bisect_right(xs, v) - 1, 0), len(xs) - 2)
                hi = lo + 1
            slope = (ys[hi] - ys[lo]) / (xs[hi] - xs[lo])
            return slope * (v - xs[lo]) + ys[lo]
        if kind == 'cubic':
            return float(self._spline(v))
        if kind in ('nearest', 'nearest-up'):
            side = bisect.bisect_left if kind == 'nearest' else bisect.bisect_right
            return ys[min(max(side(self._midpoints, v), 0), len(ys) - 1)]
        if kind in ('previous', 'zero'):
            i = bisect.bisect_right(xs, v) - 1
            return ys[max(i, 0)] if i >= 0 or not self._extrapolate else nan
        i = bisect.bisect_left(xs, v)
        return ys[i] if i < len(ys) else nan
