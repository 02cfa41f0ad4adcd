"""scipy.interpolate on Botlink: CubicSpline and interp1d (1-D), with SciPy's algorithms."""
from ._cubic import CubicSpline
from ._interp1d import interp1d


def __getattr__(name):
    raise AttributeError(f"module 'scipy.interpolate' has no attribute '{name}': Botlink's scipy.interpolate "
                         "provides CubicSpline and interp1d only (see docs/python-libraries.md)")
