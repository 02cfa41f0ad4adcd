"""@cron.run(every=seconds | on=level | expr='m h dom mon dow'): methods run on the bot's clock, on threads
from its pool. Jobs start after the bot's __init__ unless cron.options['auto_start'] is False, in which case
the script calls cron.start(run_now=...) itself (usually in on_start)."""
import math
import time
import threading

import _botlink
from profitview import candles

options = {'auto_start': True}
_jobs = []
_lock = threading.Lock()
_bot = [None]
_started = [False]
MAX_JOBS = 64


class _Job:
    def __init__(self, function, every, on, expr):
        self.function = function
        self.every = every
        self.on = on
        self.expr = _CronExpression(expr) if expr is not None else None
        self.next_ms = None
        self.handle = None

    def target(self):
        bot = _bot[0]
        bound = getattr(bot, self.function.__name__, None) if bot is not None else None
        if bound is not None and getattr(bound, '__func__', None) is self.function:
            return bound
        return self.function

    def next_after(self, now_ms):
        if self.every is not None:
            step = int(self.every * 1000)
            self.next_ms = now_ms + step if self.next_ms is None else max(self.next_ms + step, now_ms)
        elif self.on is not None:
            self.next_ms = candles.candle_bin(now_ms + 1, self.on, ceil=True)
        else:
            self.next_ms = self.expr.next_after(now_ms)
        return self.next_ms


def run(every=None, on=None, expr=None):
    """Decorator: run the function every N seconds, at each level boundary ('1m', '1h', ...) or per cron expr."""
    given = [name for name, value in (('every', every), ('on', on), ('expr', expr)) if value is not None]
    if len(given) != 1:
        raise ValueError('cron.run takes exactly one of every=, on= or expr=')
    if every is not None and (isinstance(every, bool) or not isinstance(every, (int, float))
                              or not math.isfinite(every) or every < 0.01):
        raise ValueError(f"cron.run(every=...) must be a number of seconds >= 0.01, not {every!r}")
    if on is not None:
        candles.level_millis(on)
    if expr is not None:
        _CronExpression(expr)

    def decorate(function):
        with _lock:
            if len(_jobs) >= MAX_JOBS:
                raise ValueError(f"a bot may have at most {MAX_JOBS} cron jobs")
            _jobs.append(_Job(function, every, on, expr))
        return function
    return decorate


def start(run_now=False):
    """Starts every job; with run_now=True each also runs once immediately."""
    with _lock:
        if _started[0]:
            return
        _started[0] = True
        jobs = list(_jobs)
    now = _now_ms()
    for job in jobs:
        if run_now:
            _botlink.spawn(lambda job=job: _call(job), f"cron-{job.function.__name__}")
        _arm(job, now)


def stop():
    """Stops every job; running ones finish."""
    with _lock:
        _started[0] = False
        for job in _jobs:
            if job.handle is not None:
                _botlink.cancel(job.handle)
                job.handle = None


def _now_ms():
    return _botlink.now_micros() // 1000


def _arm(job, now_ms):
    delay = max(0, job.next_after(now_ms) - now_ms) / 1000.0
    job.handle = _botlink.schedule(delay, lambda: _fire(job), f"cron-{job.function.__name__}")


def _fire(job):
    if not _started[0]:
        return
    _arm(job, _now_ms())
    _call(job)


def _call(job):
    try:
        job.target()()
    except BaseException as error:
        from profitview import _runtime
        _runtime.report(f"cron job {job.function.__name__}", error)


def attach(bot):
    _bot[0] = bot


class _CronExpression:
    """Five fields, UTC: minute hour day-of-month month day-of-week (0 or 7 = Sunday)."""

    _BOUNDS = ((0, 59), (0, 23), (1, 31), (1, 12), (0, 7))

    def __init__(self, text):
        if not isinstance(text, str) or len(text.split()) != 5:
            raise ValueError(f"cron expr must have 5 fields 'minute hour day month weekday', not {text!r}")
        self.text = text
        self.fields = [self._parse(part, low, high) for part, (low, high) in zip(text.split(), self._BOUNDS)]
        if 7 in self.fields[4]:
            self.fields[4].add(0)

    def _parse(self, part, low, high):
        values = set()
        for item in part.split(','):
            base, _, step = item.partition('/')
            try:
                step = int(step) if step else 1
                if base == '*':
                    first, last = low, high
                elif '-' in base:
                    first, last = (int(x) for x in base.split('-', 1))
                else:
                    first = last = int(base)
            except ValueError:
                raise ValueError(f"cron field {part!r} is not valid") from None
            if step < 1 or first < low or last > high or first > last:
                raise ValueError(f"cron field {part!r} must be within {low}-{high}")
            values.update(range(first, last + 1, step))
        return values

    def matches(self, minute_ms):
        tm = time.gmtime(minute_ms // 1000)
        weekday = (tm.tm_wday + 1) % 7
        return (tm.tm_min in self.fields[0] and tm.tm_hour in self.fields[1] and tm.tm_mday in self.fields[2]
                and tm.tm_mon in self.fields[3] and weekday in self.fields[4])

    def next_after(self, now_ms):
        minute = now_ms // 60_000 * 60_000 + 60_000
        for _ in range(366 * 24 * 60):
            if self.matches(minute):
                return minute
            minute += 60_000
        raise ValueError(f"cron expr {self.text!r} never matches")

