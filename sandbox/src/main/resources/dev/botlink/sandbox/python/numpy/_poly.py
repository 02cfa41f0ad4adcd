"""polyfit and polyval: least-squares polynomial fits, as trading scripts use them for trend lines."""
import math

from ._array import ndarray, asarray


def polyval(p, x):
    """NumPy's Horner loop: y = y * x + c for each coefficient, highest power first."""
    coefficients = asarray(p, float).tolist()
    points = asarray(x, float)
    if not points.shape:
        y = 0.0
        for c in coefficients:
            y = y * float(points) + c
        return y
    values = []
    for v in points.tolist():
        y = 0.0
        for c in coefficients:
            y = y * v + c
        values.append(y)
    return ndarray._make(values, points.shape, 'f')


def polyfit(x, y, deg):
    """Coefficients (highest power first) minimising the squared error, like np.polyfit: the Vandermonde columns
    are scaled to unit norm and the least-squares problem is solved by Householder QR (NumPy uses an SVD; the
    results agree to rounding)."""
    xs, ys = asarray(x, float).tolist(), asarray(y, float).tolist()
    order = int(deg) + 1
    if deg < 0:
        raise ValueError('expected deg >= 0')
    if len(xs) != len(ys):
        raise TypeError('expected x and y to have same length')
    if not xs:
        raise TypeError('expected non-empty vector for x')
    if len(xs) < order:
        raise ValueError(f'polyfit of degree {deg} needs at least {order} points, got {len(xs)}')
    rows = [[v ** (order - 1 - j) for j in range(order)] for v in xs]
    scale = [math.sqrt(sum(r[j] * r[j] for r in rows)) or 1.0 for j in range(order)]
    a = [[r[j] / scale[j] for j in range(order)] for r in rows]
    solution = _least_squares(a, list(ys))
    return ndarray._make([solution[j] / scale[j] for j in range(order)], (order,), 'f')


def _least_squares(a, b):
    m, n = len(a), len(a[0])
    for k in range(n):
        norm = math.sqrt(sum(a[i][k] * a[i][k] for i in range(k, m)))
        if norm == 0:
            raise ValueError('polyfit: the x values do not determine a polynomial of this degree')
        alpha = -norm if a[k][k] >= 0 else norm
        v = [0.0] * m
        v[k] = a[k][k] - alpha
        for i in range(k + 1, m):
            v[i] = a[i][k]
        vv = sum(v[i] * v[i] for i in range(k, m))
        if vv == 0:
            continue
        for j in range(k, n):
            dot = sum(v[i] * a[i][j] for i in range(k, m))
            factor = 2 * dot / vv
            for i in range(k, m):
                a[i][j] -= factor * v[i]
        dot = sum(v[i] * b[i] for i in range(k, m))
        factor = 2 * dot / vv
        for i in range(k, m):
            b[i] -= factor * v[i]
    x = [0.0] * n
    for k in range(n - 1, -1, -1):
        x[k] = (b[k] - sum(a[k][j] * x[j] for j in range(k + 1, n))) / a[k][k]
    return x
