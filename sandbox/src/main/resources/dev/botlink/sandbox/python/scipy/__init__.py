"""Botlink's scipy: only scipy.interpolate (CubicSpline, interp1d), in pure Python with SciPy's algorithms."""
__version__ = '1.11.4+botlink'


def __getattr__(name):
    raise AttributeError(f"module 'scipy' has no attribute '{name}': Botlink's scipy provides scipy.interpolate "
                         "only (CubicSpline, interp1d); see docs/python-libraries.md")
