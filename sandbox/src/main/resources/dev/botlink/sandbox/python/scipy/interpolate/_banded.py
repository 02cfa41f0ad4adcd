"""LU solve with partial pivoting as LAPACK's gbsv/gesv do it (multipliers scaled by the pivot's reciprocal,
column-oriented back substitution), so spline coefficients match SciPy's to rounding."""


def solve(matrix, rhs):
    """Solves matrix @ x = rhs for a small dense matrix (lists of floats); both arguments are consumed."""
    a, b = matrix, rhs
    n = len(b)
    for j in range(n):
        pivot = j
        for i in range(j + 1, n):
            if abs(a[i][j]) > abs(a[pivot][j]):
                pivot = i
        if a[pivot][j] == 0:
            raise ValueError('the spline system is singular: are the x values distinct?')
        if pivot != j:
            a[j], a[pivot] = a[pivot], a[j]
            b[j], b[pivot] = b[pivot], b[j]
        reciprocal = 1.0 / a[j][j]
        for i in range(j + 1, n):
            if a[i][j] != 0:
                a[i][j] *= reciprocal
                factor = a[i][j]
                row, top = a[i], a[j]
                for k in range(j + 1, n):
                    if top[k] != 0:
                        row[k] += factor * -top[k]
                b[i] += factor * -b[j]
    for j in range(n - 1, -1, -1):
        if b[j] != 0:
            b[j] = b[j] / a[j][j]
            value = b[j]
            for i in range(j - 1, -1, -1):
                b[i] -= value * a[i][j]
    return b
