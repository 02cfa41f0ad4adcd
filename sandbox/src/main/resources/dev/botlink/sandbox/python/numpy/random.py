"""numpy.random's legacy functions (np.random.seed, rand, randn, normal, uniform, randint, choice, shuffle,
permutation) on the same Mersenne Twister and the same algorithms as NumPy's RandomState, so a seeded script
draws the same numbers as on CPython."""
import math
import random as _stdlib_random

from ._array import ndarray, asarray

_N = 624


class RandomState:
    """A legacy NumPy random stream: MT19937 seeded like NumPy, with its Gaussian cache."""

    def __init__(self, seed=None):
        self._mt = _stdlib_random.Random()
        self.seed(seed)

    def seed(self, seed=None):
        self._gauss = None
        if seed is None:
            self._mt.seed()
            return
        if isinstance(seed, bool) or not isinstance(seed, int):
            raise TypeError("Botlink's np.random.seed takes an integer seed")
        if not 0 <= seed <= 0xFFFFFFFF:
            raise ValueError('Seed must be between 0 and 2**32 - 1')
        key = [seed]
        for i in range(1, _N):
            previous = key[-1]
            key.append((1812433253 * (previous ^ (previous >> 30)) + i) & 0xFFFFFFFF)
        # Position 624 makes the next draw regenerate the whole state, as NumPy's seeding does.
        self._mt.setstate((3, tuple(key) + (_N,), None))

    def _double(self):
        return self._mt.random()

    def _uint32(self):
        return self._mt.getrandbits(32)

    def _uint64(self):
        high = self._uint32()
        return (high << 32) | self._uint32()

    def _gaussian(self):
        if self._gauss is not None:
            value, self._gauss = self._gauss, None
            return value
        while True:
            x1 = 2.0 * self._double() - 1.0
            x2 = 2.0 * self._double() - 1.0
            r2 = x1 * x1 + x2 * x2
            if 0.0 < r2 < 1.0:
                break
        f = math.sqrt(-2.0 * math.log(r2) / r2)
        self._gauss = f * x1
        return f * x2

    def _bounded(self, rng):
        """A value in [0, rng] by NumPy's masked rejection sampling."""
        if rng == 0:
            return 0
        mask = rng
        for shift in (1, 2, 4, 8, 16, 32):
            mask |= mask >> shift
        draw = self._uint32 if rng <= 0xFFFFFFFF else self._uint64
        if rng == 0xFFFFFFFF:
            return draw()
        while True:
            value = draw() & mask
            if value <= rng:
                return value

    def _fill(self, size, draw, kind='f'):
        if size is None:
            value = draw()
            return value
        shape = (size,) if isinstance(size, int) else tuple(size)
        count = 1
        for n in shape:
            count *= n
        return ndarray._make([draw() for _ in range(count)], shape, kind)

    def random_sample(self, size=None):
        return self._fill(size, self._double)

    random = ranf = sample = random_sample

    def rand(self, *shape):
        return self.random_sample(shape or None)

    def standard_normal(self, size=None):
        return self._fill(size, self._gaussian)

    def randn(self, *shape):
        return self.standard_normal(shape or None)

    def normal(self, loc=0.0, scale=1.0, size=None):
        if scale < 0:
            raise ValueError('scale < 0')
        return self._fill(size, lambda: loc + scale * self._gaussian())

    def uniform(self, low=0.0, high=1.0, size=None):
        span = high - low
        return self._fill(size, lambda: low + span * self._double())

    def randint(self, low, high=None, size=None, dtype=int):
        if high is None:
            low, high = 0, low
        rng = high - 1 - low
        if rng < 0:
            raise ValueError('low >= high')
        return self._fill(size, lambda: low + self._bounded(rng), 'i')

    def shuffle(self, x):
        """Shuffles a list or 1-D array in place (Fisher-Yates from the end, as NumPy)."""
        data = x._d if isinstance(x, ndarray) else x
        for i in range(len(data) - 1, 0, -1):
            j = self._bounded(i)
            data[i], data[j] = data[j], data[i]

    def permutation(self, x):
        values = asarray(list(range(x)) if isinstance(x, int) else x).copy()
        self.shuffle(values)
        return values

    def choice(self, a, size=None, replace=True, p=None):
        population = list(range(a)) if isinstance(a, int) else asarray(a).tolist()
        n = len(population)
        if n == 0:
            raise ValueError("'a' cannot be empty unless no samples are taken")
        if not replace:
            if p is not None:
                raise NotImplementedError("Botlink's np.random.choice(replace=False) takes no p")
            count = 1 if size is None else size
            if count > n:
                raise ValueError("Cannot take a larger sample than population when 'replace=False'")
            picked = self.permutation(n).tolist()[:count]
            return population[picked[0]] if size is None else asarray([population[i] for i in picked])
        if p is not None:
            weights = asarray(p, float).tolist()
            if len(weights) != n or any(w < 0 for w in weights) or abs(sum(weights) - 1) > 1e-8:
                raise ValueError('probabilities must be non-negative, sum to 1 and match a')
            cdf, total = [], 0.0
            for w in weights:
                total += w
                cdf.append(total)
            cdf = [c / cdf[-1] for c in cdf]
            import bisect
            pick = (lambda: bisect.bisect_right(cdf, self._double()))
        else:
            pick = (lambda: self._bounded(n - 1))
        if size is None:
            return population[pick()]
        indexes = self._fill(size, pick, 'i')
        return asarray([population[i] for i in indexes.tolist()])


_global = RandomState()

seed = _global.seed
random_sample = random = ranf = sample = _global.random_sample
rand = _global.rand
randn = _global.randn
standard_normal = _global.standard_normal
normal = _global.normal
uniform = _global.uniform
randint = _global.randint
choice = _global.choice
shuffle = _global.shuffle
permutation = _global.permutation


def default_rng(seed=None):
    raise NotImplementedError("np.random.default_rng (PCG64 Generator) is not in Botlink's numpy; use the legacy "
                              "functions (np.random.seed, rand, randn, normal, randint, choice) or RandomState")


def __getattr__(name):
    raise AttributeError(f"module 'numpy.random' has no attribute '{name}': Botlink's numpy.random provides seed, "
                         "rand, randn, random, normal, uniform, randint, choice, shuffle, permutation, RandomState")
