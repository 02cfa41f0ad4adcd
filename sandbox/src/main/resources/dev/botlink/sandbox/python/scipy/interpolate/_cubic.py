"""scipy.interpolate.CubicSpline: SciPy's construction (slopes from a tridiagonal system, Hermite coefficients)."""
import numpy

from . import _banded
from . import _ppoly


def _boundary(bc, name):
    if bc == 'not-a-knot':
        return bc
    if bc == 'natural':
        return (2, 0.0)
    if bc == 'clamped':
        return (1, 0.0)
    if bc == 'periodic':
        raise NotImplementedError("CubicSpline bc_type='periodic' is not in Botlink's scipy")
    if isinstance(bc, (tuple, list)) and len(bc) == 2 and bc[0] in (1, 2):
        return (int(bc[0]), float(bc[1]))
    raise ValueError(f"bc_type {name} must be 'not-a-knot', 'natural', 'clamped' or (order, value) with order 1 "
                     f"or 2, not {bc!r}")


class CubicSpline:
    """A cubic spline through (x, y), x strictly increasing; call it for values or derivatives (nu)."""

    def __init__(self, x, y, axis=0, bc_type='not-a-knot', extrapolate=None):
        xs = [float(v) for v in numpy.asarray(x, float).tolist()]
        y_array = numpy.asarray(y, float)
        if y_array.ndim != 1:
            raise NotImplementedError("Botlink's CubicSpline interpolates 1-D y only")
        ys = [float(v) for v in y_array.tolist()]
        if len(xs) != len(ys):
            raise ValueError('The length of `y` along `axis`=0 doesn\'t match the length of `x`')
        if len(xs) < 2:
            raise ValueError('`x` must contain at least 2 elements.')
        if any(v != v or v in (float('inf'), float('-inf')) for v in xs + ys):
            raise ValueError('`x` and `y` must contain only finite values.')
        if any(b <= a for a, b in zip(xs, xs[1:])):
            raise ValueError('`x` must be strictly increasing sequence.')
        if isinstance(bc_type, (tuple, list)) and len(bc_type) == 2 and not isinstance(bc_type[0], (int, float)):
            start, end = (_boundary(b, 'start' if i == 0 else 'end') for i, b in enumerate(bc_type))
        else:
            start = end = _boundary(bc_type, '')
        self.x = numpy.array(xs)
        self.extrapolate = True if extrapolate is None else bool(extrapolate)
        self.axis = 0
        slopes = self._slopes(xs, ys, start, end)
        self._c = self._coefficients(xs, ys, slopes)
        self.c = numpy.array(self._c)
        self._breaks = xs

    @staticmethod
    def _slopes(x, y, start, end):
        n = len(x)
        dx = [x[i + 1] - x[i] for i in range(n - 1)]
        slope = [(y[i + 1] - y[i]) / dx[i] for i in range(n - 1)]
        if n == 2:
            start = (1, slope[0]) if start == 'not-a-knot' else start
            end = (1, slope[0]) if end == 'not-a-knot' else end
        if n == 3 and start == 'not-a-knot' and end == 'not-a-knot':
            a = [[1.0, 1.0, 0.0], [dx[1], 2 * (dx[0] + dx[1]), dx[0]], [0.0, 1.0, 1.0]]
            b = [2 * slope[0], 3 * (dx[0] * slope[1] + dx[1] * slope[0]), 2 * slope[1]]
            return _banded.solve(a, b)
        a = [[0.0] * n for _ in range(n)]
        b = [0.0] * n
        for i in range(1, n - 1):
            a[i][i - 1] = dx[i]
            a[i][i] = 2 * (dx[i - 1] + dx[i])
            a[i][i + 1] = dx[i - 1]
            b[i] = 3 * (dx[i] * slope[i - 1] + dx[i - 1] * slope[i])
        if start == 'not-a-knot':
            d = x[2] - x[0]
            a[0][0], a[0][1] = dx[1], d
            b[0] = ((dx[0] + 2 * d) * dx[1] * slope[0] + dx[0] ** 2 * slope[1]) / d
        elif start[0] == 1:
            a[0][0], a[0][1] = 1.0, 0.0
            b[0] = start[1]
        else:
            a[0][0], a[0][1] = 2 * dx[0], dx[0]
            b[0] = -0.5 * start[1] * dx[0] ** 2 + 3 * (y[1] - y[0])
        if end == 'not-a-knot':
            d = x[-1] - x[-3]
            a[-1][-1], a[-1][-2] = dx[-2], d
            b[-1] = (dx[-1] ** 2 * slope[-2] + (2 * d + dx[-1]) * dx[-2] * slope[-1]) / d
        elif end[0] == 1:
            a[-1][-1], a[-1][-2] = 1.0, 0.0
            b[-1] = end[1]
        else:
            a[-1][-1], a[-1][-2] = 2 * dx[-1], dx[-1]
            b[-1] = 0.5 * end[1] * dx[-1] ** 2 + 3 * (y[-1] - y[-2])
        return _banded.solve(a, b)

    @staticmethod
    def _coefficients(x, y, s):
        n = len(x)
        c = [[0.0] * (n - 1) for _ in range(4)]
        for i in range(n - 1):
            dx = x[i + 1] - x[i]
            slope = (y[i + 1] - y[i]) / dx
            t = (s[i] + s[i + 1] - 2 * slope) / dx
            c[0][i] = t / dx
            c[1][i] = (slope - s[i]) / dx - t
            c[2][i] = s[i]
            c[3][i] = y[i]
        return c

    def __call__(self, x, nu=0, extrapolate=None):
        if nu < 0 or int(nu) != nu:
            raise ValueError(f'Order of derivative cannot be negative or fractional: {nu}')
        extrapolate = self.extrapolate if extrapolate is None else extrapolate
        points = numpy.asarray(x, float)
        values = [_ppoly.evaluate(self._c, self._breaks, v, int(nu), extrapolate) for v in points.tolist()] \
            if points.ndim else [_ppoly.evaluate(self._c, self._breaks, float(points), int(nu), extrapolate)]
        result = numpy.array(values)
        return result.reshape(points.shape) if points.ndim else numpy.ndarray._make(values, (), 'f')

    def derivative(self, nu=1):
        """The nu-th derivative as a callable."""
        return _Derivative(self, nu)


class _Derivative:
    """spline.derivative(nu): calling it evaluates the nu-th derivative."""

    def __init__(self, spline, nu):
        self._spline = spline
        self._nu = nu
        self.x = spline.x

    def __call__(self, x, nu=0, extrapolate=None):
        return self._spline(x, self._nu + nu, extrapolate)
