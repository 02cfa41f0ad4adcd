"""Rolling, expanding and exponentially weighted windows, computed with pandas' own online algorithms (Kahan
sums, Welford variance, pandas 2.2), so results match pandas to the last bit."""
import math

nan = float('nan')


def _bounds_fixed(n, window):
    return [max(0, i + 1 - window) for i in range(n)], [i + 1 for i in range(n)]


def roll_sum_or_mean(values, starts, ends, minp, mean):
    out = []
    nobs = neg_ct = same = 0
    total = comp_add = comp_remove = prev = 0.0
    for i in range(len(starts)):
        s, e = starts[i], ends[i]
        if i == 0 or s >= ends[i - 1]:
            comp_add = comp_remove = total = 0.0
            nobs = neg_ct = 0
            prev = values[s] if s < len(values) else nan
            same = 0
            adds = range(s, e)
            removes = ()
        else:
            removes = range(starts[i - 1], s)
            adds = range(ends[i - 1], e)
        for j in removes:
            val = values[j]
            if val == val:
                nobs -= 1
                y = -val - comp_remove
                t = total + y
                comp_remove = t - total - y
                total = t
                if math.copysign(1.0, val) < 0:
                    neg_ct -= 1
        for j in adds:
            val = values[j]
            if val == val:
                nobs += 1
                y = val - comp_add
                t = total + y
                comp_add = t - total - y
                total = t
                if math.copysign(1.0, val) < 0:
                    neg_ct += 1
                same = same + 1 if val == prev else 1
                prev = val
        out.append(_mean(minp, nobs, neg_ct, total, same, prev) if mean else _sum(minp, nobs, total, same, prev))
    return out


def _mean(minp, nobs, neg_ct, total, same, prev):
    if nobs >= minp and nobs > 0:
        result = total / nobs
        if same >= nobs:
            return prev
        if neg_ct == 0 and result < 0:
            return 0.0
        if neg_ct == nobs and result > 0:
            return 0.0
        return result
    return nan


def _sum(minp, nobs, total, same, prev):
    if nobs == 0 == minp:
        return 0.0
    if nobs >= minp:
        return prev * nobs if same >= nobs else total
    return nan


def roll_var(values, starts, ends, minp, ddof=1):
    minp = max(minp, 1)
    out = []
    nobs = mean_x = ssqdm_x = comp_add = comp_remove = 0.0
    same = 0
    prev = nan
    for i in range(len(starts)):
        s, e = starts[i], ends[i]
        if i == 0 or s >= ends[i - 1]:
            prev = values[s] if s < len(values) else nan
            same = 0
            nobs = mean_x = ssqdm_x = comp_add = comp_remove = 0.0
            removes, adds = (), range(s, e)
        else:
            removes, adds = range(starts[i - 1], s), range(ends[i - 1], e)
        for j in removes:
            val = values[j]
            if val == val:
                nobs -= 1
                if nobs:
                    prev_mean = mean_x - comp_remove
                    y = val - comp_remove
                    t = y - mean_x
                    comp_remove = t + mean_x - y
                    mean_x = mean_x - t / nobs
                    ssqdm_x = ssqdm_x - (val - prev_mean) * (val - mean_x)
                else:
                    mean_x = ssqdm_x = 0.0
        for j in adds:
            val = values[j]
            if val != val:
                continue
            nobs += 1
            same = same + 1 if val == prev else 1
            prev = val
            prev_mean = mean_x - comp_add
            y = val - comp_add
            t = y - mean_x
            comp_add = t + mean_x - y
            mean_x = mean_x + t / nobs if nobs else 0.0
            ssqdm_x = ssqdm_x + (val - prev_mean) * (val - mean_x)
        if nobs >= minp and nobs > ddof:
            out.append(0.0 if nobs == 1 or same >= nobs else ssqdm_x / (nobs - ddof))
        else:
            out.append(nan)
    return out


def roll_extreme(values, starts, ends, minp, pick):
    out = []
    for s, e in zip(starts, ends):
        present = [v for v in values[s:e] if v == v]
        out.append(pick(present) if len(present) >= max(minp, 1) else nan)
    return out


def roll_apply(values, starts, ends, minp, fn):
    out = []
    for s, e in zip(starts, ends):
        window = values[s:e]
        count = sum(1 for v in window if v == v)
        out.append(float(fn(window)) if count >= minp else nan)
    return out


def ewm_mean(values, com, adjust, ignore_na, minp):
    """pandas' ewm(...).mean(): weights renormalised each step (adjust=True) or recursive (adjust=False)."""
    if not values:
        return []
    alpha = 1.0 / (1.0 + com)
    old_wt_factor = 1.0 - alpha
    new_wt = 1.0 if adjust else alpha
    weighted = values[0]
    is_observation = weighted == weighted
    nobs = int(is_observation)
    out = [weighted if nobs >= minp else nan]
    old_wt = 1.0
    for cur in values[1:]:
        is_observation = cur == cur
        nobs += is_observation
        if weighted == weighted:
            if is_observation or not ignore_na:
                old_wt *= old_wt_factor
                if is_observation:
                    if weighted != cur:
                        weighted = old_wt * weighted + new_wt * cur
                        weighted /= (old_wt + new_wt)
                    if adjust:
                        old_wt += new_wt
                    else:
                        old_wt = 1.0
        elif is_observation:
            weighted = cur
        out.append(weighted if nobs >= minp else nan)
    return out


def ewm_var(values, com, adjust, ignore_na, minp, bias):
    """pandas' ewmcov of a series with itself: weighted variance, bias-corrected unless bias."""
    if not values:
        return []
    alpha = 1.0 / (1.0 + com)
    old_wt_factor = 1.0 - alpha
    new_wt = 1.0 if adjust else alpha
    mean = values[0]
    is_observation = mean == mean
    nobs = int(is_observation)
    if not is_observation:
        mean = nan
    out = [(0.0 if bias else nan) if nobs >= minp else nan]
    cov, sum_wt, sum_wt2, old_wt = 0.0, 1.0, 1.0, 1.0
    for cur in values[1:]:
        is_observation = cur == cur
        nobs += is_observation
        if mean == mean:
            if is_observation or not ignore_na:
                sum_wt *= old_wt_factor
                sum_wt2 *= old_wt_factor * old_wt_factor
                old_wt *= old_wt_factor
                if is_observation:
                    old_mean = mean
                    if mean != cur:
                        mean = ((old_wt * old_mean) + (new_wt * cur)) / (old_wt + new_wt)
                    cov = ((old_wt * (cov + ((old_mean - mean) * (old_mean - mean))))
                           + (new_wt * ((cur - mean) * (cur - mean)))) / (old_wt + new_wt)
                    sum_wt += new_wt
                    sum_wt2 += new_wt * new_wt
                    old_wt += new_wt
                    if not adjust:
                        sum_wt /= old_wt
                        sum_wt2 /= old_wt * old_wt
                        old_wt = 1.0
        elif is_observation:
            mean = cur
        if nobs < minp:
            out.append(nan)
        elif bias:
            out.append(cov)
        else:
            numerator = sum_wt * sum_wt
            denominator = numerator - sum_wt2
            out.append((numerator / denominator) * cov if denominator > 0 else nan)
    return out


class Rolling:
    """series.rolling(window, min_periods=None): mean, sum, std, var, min, max, median, count, apply."""

    def __init__(self, series, window, min_periods=None, center=False, expanding=False):
        if center:
            raise NotImplementedError("rolling(center=True) is not in Botlink's pandas")
        if not expanding and (isinstance(window, bool) or not isinstance(window, int) or window < 0):
            raise ValueError('window must be a non-negative integer (time-based windows are not in Botlink\'s pandas)')
        self._series = series
        n = len(series)
        if expanding:
            self._starts, self._ends = [0] * n, [i + 1 for i in range(n)]
            self._minp = 1 if min_periods is None else min_periods
        else:
            self._starts, self._ends = _bounds_fixed(n, window)
            self._minp = window if min_periods is None else min_periods
        if min_periods is not None and not expanding and min_periods > window:
            raise ValueError(f'min_periods {min_periods} must be <= window {window}')

    def _values(self):
        return self._series._floats()

    def _wrap(self, values):
        return self._series._like(values, 'f')

    def mean(self):
        return self._wrap(roll_sum_or_mean(self._values(), self._starts, self._ends, self._minp, True))

    def sum(self):
        return self._wrap(roll_sum_or_mean(self._values(), self._starts, self._ends, self._minp, False))

    def var(self, ddof=1):
        return self._wrap(roll_var(self._values(), self._starts, self._ends, self._minp, ddof))

    def std(self, ddof=1):
        variance = roll_var(self._values(), self._starts, self._ends, self._minp, ddof)
        return self._wrap([math.sqrt(v) if v >= 0 else (0.0 if v == v else nan) for v in variance])

    def min(self):
        return self._wrap(roll_extreme(self._values(), self._starts, self._ends, self._minp, min))

    def max(self):
        return self._wrap(roll_extreme(self._values(), self._starts, self._ends, self._minp, max))

    def median(self):
        import numpy
        return self.apply(lambda w: numpy.nanmedian(numpy.array(w)))

    def count(self):
        return self._wrap([float(sum(1 for v in self._values()[s:e] if v == v))
                           for s, e in zip(self._starts, self._ends)])

    def apply(self, func, raw=False):
        import numpy

        def call(window):
            argument = numpy.array(window) if raw else self._series._like(window, 'f')
            return func(argument)
        return self._wrap(roll_apply(self._values(), self._starts, self._ends, self._minp, call))

    def __getattr__(self, name):
        raise AttributeError(f"'Rolling' object has no attribute '{name}' in Botlink's pandas "
                             "(mean, sum, std, var, min, max, median, count, apply)")


class ExponentialMovingWindow:
    """series.ewm(span=|alpha=|com=|halflife=, adjust=True, min_periods=0, ignore_na=False): mean, var, std."""

    def __init__(self, series, com=None, span=None, halflife=None, alpha=None, min_periods=0, adjust=True,
                 ignore_na=False):
        given = [p for p in (com, span, halflife, alpha) if p is not None]
        if len(given) != 1:
            raise ValueError('comass, span, halflife, and alpha are mutually exclusive' if given
                             else 'Must pass one of comass, span, halflife, or alpha')
        if span is not None:
            if span < 1:
                raise ValueError('span must satisfy: span >= 1')
            com = (span - 1) / 2.0
        elif halflife is not None:
            if halflife <= 0:
                raise ValueError('halflife must satisfy: halflife > 0')
            com = 1 / (1 - math.exp(math.log(0.5) / halflife)) - 1
        elif alpha is not None:
            if not 0 < alpha <= 1:
                raise ValueError('alpha must satisfy: 0 < alpha <= 1')
            com = (1 - alpha) / alpha
        elif com < 0:
            raise ValueError('comass must satisfy: comass >= 0')
        self._series = series
        self._com = float(com)
        self._adjust = adjust
        self._ignore_na = ignore_na
        self._minp = max(int(min_periods or 0), 1)

    def mean(self):
        values = self._series._floats()
        return self._series._like(ewm_mean(values, self._com, self._adjust, self._ignore_na, self._minp), 'f')

    def var(self, bias=False):
        values = self._series._floats()
        return self._series._like(ewm_var(values, self._com, self._adjust, self._ignore_na, self._minp, bias), 'f')

    def std(self, bias=False):
        variance = self.var(bias)._v
        return self._series._like([math.sqrt(v) if v >= 0 else (0.0 if v == v else nan) for v in variance], 'f')

    def __getattr__(self, name):
        raise AttributeError(f"'ExponentialMovingWindow' object has no attribute '{name}' in Botlink's pandas "
                             "(mean, var, std)")
