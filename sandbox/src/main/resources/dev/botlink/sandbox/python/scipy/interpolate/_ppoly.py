"""Piecewise-polynomial evaluation as SciPy's PPoly does it (power series summed term by term)."""
import bisect

nan = float('nan')


def find_interval(breaks, value, extrapolate):
    """The piece holding value: x[i] <= value < x[i+1], the last piece for the right end; -1 outside without
    extrapolation or for NaN."""
    if value != value:
        return -1
    n = len(breaks) - 1
    if value < breaks[0] or value > breaks[-1]:
        if not extrapolate:
            return -1
        return 0 if value < breaks[0] else n - 1
    if value == breaks[-1]:
        return n - 1
    return min(bisect.bisect_right(breaks, value) - 1, n - 1)


def evaluate(coefficients, breaks, value, nu, extrapolate):
    """The nu-th derivative at value of the piecewise polynomial with coefficients[k][i] (highest power first)."""
    i = find_interval(breaks, value, extrapolate)
    if i < 0:
        return nan
    s = value - breaks[i]
    order = len(coefficients)
    result = 0.0
    z = 1.0
    for kp in range(order):
        if nu == 0:
            prefactor = 1.0
        elif kp < nu:
            continue
        else:
            prefactor = 1.0
            for k in range(kp, kp - nu, -1):
                prefactor *= k
        result = result + coefficients[order - kp - 1][i] * z * prefactor
        if kp < order - 1 and kp >= nu:
            z *= s
    return result
