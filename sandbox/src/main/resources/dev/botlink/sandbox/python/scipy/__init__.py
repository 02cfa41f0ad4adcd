"""Botlink's scipy: only scipy.interpolate (CubicSpline, interp1d), in pure Python with SciPy's algorithms."""
__version__ = '1.11.4+botlink'


_SUBMODULES = ('interpolate', 'stats', 'signal', 'optimize', 'linalg')


def __getattr__(name):
    if name in _SUBMODULES:
        # Like SciPy, submodules load on first attribute access (unavailable ones raise their ImportError).
        import importlib
        return importlib.import_module('scipy.' + name)
    raise AttributeError(f"module 'scipy' has no attribute '{name}': Botlink's scipy provides scipy.interpolate "
                         "only (CubicSpline, interp1d); see docs/python-libraries.md")
