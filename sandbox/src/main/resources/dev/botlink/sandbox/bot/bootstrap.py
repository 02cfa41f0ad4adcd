# Runs first in every bot context, before the context has a bot (workers prepare spare contexts ahead of time).
# The host put one object, __botlink_modules (the sources shipped in the jar), in this module's globals; it
# disappears from the globals. The native module _botlink is built here; its bridge to the host arrives when the
# host gives the context to its bot (_activate). Modules shipped in the jar become importable, modules Botlink
# cannot offer fail with a clear message, threads come from the host, print goes to the bot log, and asyncio gets
# a loop that needs no sockets.
import importlib.machinery
import json
import linecache
import math
import sys
import types

_modules = globals().pop('__botlink_modules')
_bridge = None


def _check_str(name, value, limit=1_000_000):
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    if len(value) > limit:
        raise ValueError(f"{name} is longer than {limit} characters")
    return value


def _raise_if_error(result):
    # Host methods answer errors as a str starting with "!" instead of throwing across the boundary.
    if isinstance(result, str) and result.startswith('!'):
        kind, _, message = result[1:].partition(':')
        raise {'ValueError': ValueError, 'TypeError': TypeError}.get(kind, RuntimeError)(message)
    return result


def _make_native():
    native = types.ModuleType('_botlink', 'Botlink host bridge: the only door from a bot to the outside.')

    def talib(name, inputs, options):
        _check_str('name', name, 64)
        if not isinstance(inputs, (list, tuple)) or not all(isinstance(i, (list, tuple)) for i in inputs):
            raise TypeError('inputs must be a list of lists of floats')
        if len(inputs) > 8:
            raise ValueError('talib takes at most 8 input series')
        series = []
        for values in inputs:
            if len(values) > 1_000_000:
                raise ValueError('an input series is longer than 1000000 values')
            series.append([float(v) for v in values])
        if not isinstance(options, dict):
            raise TypeError('options must be a dict of str to float')
        opts = {}
        for key, value in options.items():
            _check_str('option name', key, 64)
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise TypeError(f"option {key} must be a number, not {type(value).__name__}")
            opts[key] = float(value)
        result = _raise_if_error(_bridge.talib(name, series, opts))
        return [list(output) for output in result]

    def log(level, message):
        _bridge.log(_check_str('level', level, 16), str(message))

    def call(method, venue, args):
        return json.loads(_raise_if_error(_bridge.call(_check_str('method', method, 64), venue, _to_json('args', args))))

    def publish(topic, data):
        _raise_if_error(_bridge.publish(_check_str('topic', topic, 256), _to_json('data', data)))

    def signal(payload):
        _raise_if_error(_bridge.signal(_to_json('signal', payload)))

    def redis_publish(channel, data):
        _raise_if_error(_bridge.redisPublish(_check_str('channel', channel, 256), _to_json('data', data)))

    def redis_subscribe(channel):
        _raise_if_error(_bridge.redisSubscribe(_check_str('channel', channel, 256)))

    def now_micros():
        return _bridge.nowMicros()

    def spawn(target, name):
        if not callable(target):
            raise TypeError('target must be callable')
        _raise_if_error(_bridge.spawn(target, _check_str('name', str(name), 256)))

    def schedule(delay, target, name):
        if isinstance(delay, bool) or not isinstance(delay, (int, float)) or not math.isfinite(delay) or delay < 0:
            raise ValueError(f"delay must be a finite number of seconds >= 0, not {delay!r}")
        if not callable(target):
            raise TypeError('target must be callable')
        return _raise_if_error(_bridge.schedule(float(delay), target, _check_str('name', str(name), 256)))

    def cancel(handle):
        _bridge.cancel(int(handle))

    def stop(reason):
        _bridge.stop(_check_str('reason', str(reason), 2000))

    def module_source(name):
        return _modules.moduleSource(_check_str('name', name, 256))

    for fn in (talib, log, call, publish, signal, redis_publish, redis_subscribe, now_micros, spawn, schedule,
               cancel, stop, module_source):
        setattr(native, fn.__name__, fn)
    native.settings = {}
    native.bot_id = None
    native.simulated = False
    return native


def _activate(bridge):
    """Called once by the host when it gives this context to its bot: from now on _botlink acts for that bot."""
    global _bridge
    if _bridge is not None:
        raise RuntimeError('this context already belongs to a bot')
    _bridge = bridge
    _native.settings.update(json.loads(bridge.settings()))
    _native.bot_id = bridge.botId()
    if bridge.simulated():
        _native.simulated = True
        _simulate_time()


def _simulate_time():
    """Simulated-time mode (backtests): everything that reads or waits on the clock follows the bot's simulated
    clock, which only moves when the host steps the bot. Runs before the user's script is loaded."""
    import datetime
    import threading
    import time

    now_micros = _bridge.nowMicros
    real_gmtime, real_localtime, real_strftime = time.gmtime, time.localtime, time.strftime

    def now_seconds():
        return now_micros() / 1_000_000

    def now_nanos():
        return now_micros() * 1000

    def sleep(seconds):
        if isinstance(seconds, bool) or not isinstance(seconds, (int, float)):
            raise TypeError(f"'{type(seconds).__name__}' object cannot be interpreted as an integer")
        if seconds < 0:
            raise ValueError('sleep length must be non-negative')
        _raise_if_error(_bridge.sleep(float(seconds)))

    def gmtime(secs=None):
        return real_gmtime(now_seconds() if secs is None else secs)

    def localtime(secs=None):
        return real_localtime(now_seconds() if secs is None else secs)

    def strftime(fmt, t=None):
        return real_strftime(fmt, localtime() if t is None else t)

    def ctime(secs=None):
        return time.asctime(localtime(secs))

    for name, fn in (('time', now_seconds), ('time_ns', now_nanos), ('monotonic', now_seconds),
                     ('monotonic_ns', now_nanos), ('sleep', sleep), ('gmtime', gmtime), ('localtime', localtime),
                     ('strftime', strftime), ('ctime', ctime)):
        setattr(time, name, fn)

    real_datetime = datetime.datetime

    def dt_now(cls, tz=None):
        micros = now_micros()
        return cls.fromtimestamp(micros // 1_000_000, tz).replace(microsecond=micros % 1_000_000)

    def dt_utcnow(cls):
        return dt_now(cls, datetime.timezone.utc).replace(tzinfo=None)

    def date_today(cls):
        return cls.fromtimestamp(now_micros() // 1_000_000)

    try:
        real_datetime.now = classmethod(dt_now)
        real_datetime.utcnow = classmethod(dt_utcnow)
        real_datetime.today = classmethod(dt_now)
        datetime.date.today = classmethod(date_today)
    except TypeError:
        # datetime is a built-in type here: scripts get a subclass whose clock methods follow simulated time.
        class SimulatedDatetime(real_datetime):
            now = classmethod(dt_now)
            utcnow = classmethod(dt_utcnow)
            today = classmethod(dt_now)

        SimulatedDatetime.__name__ = SimulatedDatetime.__qualname__ = 'datetime'
        SimulatedDatetime.__module__ = 'datetime'
        datetime.datetime = SimulatedDatetime

    real_event = threading.Event

    class Event(real_event):
        """threading.Event whose timed wait passes in simulated time (it wakes at the timeout, or at once if set)."""

        def wait(self, timeout=None):
            if timeout is None or self.is_set():
                return super().wait(timeout)
            sleep(max(0.0, timeout))
            return self.is_set()

    threading.Event = Event


def _json_default(value):
    if hasattr(value, 'tolist'):
        return value.tolist()
    if hasattr(value, 'isoformat'):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    if hasattr(value, 'item'):
        return value.item()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def _to_json(what, value):
    try:
        return json.dumps(value, default=_json_default, allow_nan=False)
    except ValueError as e:
        raise ValueError(f"{what} contains NaN or infinity, which JSON cannot carry") from None
    except TypeError as e:
        raise TypeError(f"{what} must be JSON serializable: {e}") from None


_native = _make_native()
_native.to_json = _to_json
_native.json_default = _json_default
sys.modules['_botlink'] = _native

# Modules that cannot work in a bot, with the reason users see.
_DENIED = {
    'requests': 'bots have no direct network access; use the Exchange API (self.call_endpoint) instead',
    'urllib3': 'bots have no direct network access',
    'httpx': 'bots have no direct network access',
    'aiohttp': 'bots have no direct network access',
    'websocket': 'bots have no direct network access; market data arrives through the callbacks',
    'websockets': 'bots have no direct network access; market data arrives through the callbacks',
    'ccxt': 'bots trade through the Exchange API (self.create_limit_order, ...)',
    'sqlite3': 'bots have no file system; keep state in memory or publish it',
    'cffi': 'bots cannot load native code',
    'redis': 'bots use self.redis to talk to the other bots of the account',
    'sklearn': 'scikit-learn is not available on Botlink yet',
    'psycopg2': 'bots have no direct network access',
    'pymysql': 'bots have no direct network access',
}


class _SourceLoader:
    def __init__(self, source):
        self.source = source

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        origin = module.__spec__.origin
        linecache.cache[origin] = (len(self.source), None, self.source.splitlines(True), origin)
        exec(compile(self.source, origin, 'exec'), module.__dict__)


class _PatchingLoader:
    def __init__(self, loader, patch):
        self.loader = loader
        self.patch = patch

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def exec_module(self, module):
        self.loader.exec_module(module)
        self.patch(module)


class BotlinkFinder:
    """Finds modules shipped in the Botlink jar and refuses the ones bots cannot use."""

    patches = {}

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        top = fullname.partition('.')[0]
        if top in _DENIED:
            raise ModuleNotFoundError(f"No module named '{fullname}' on Botlink: {_DENIED[top]}", name=fullname)
        if fullname in cls.patches:
            return cls._patched_spec(fullname, path, target)
        found = _native.module_source(fullname)
        if found is None:
            return None
        is_package = found[0] == 'P'
        origin = '<botlink>/' + fullname.replace('.', '/') + ('/__init__.py' if is_package else '.py')
        spec = importlib.machinery.ModuleSpec(fullname, _SourceLoader(found[1:]), origin=origin, is_package=is_package)
        if is_package:
            spec.submodule_search_locations = []
        return spec

    @classmethod
    def _patched_spec(cls, fullname, path, target):
        for finder in sys.meta_path:
            if finder is cls or not hasattr(finder, 'find_spec'):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is not None:
                spec.loader = _PatchingLoader(spec.loader, cls.patches[fullname])
                return spec
        return None


sys.meta_path.insert(0, BotlinkFinder)


class _LogWriter:
    """sys.stdout and sys.stderr of a bot: complete lines go to the bot log."""

    def __init__(self, level):
        self.level = level
        self.buffer = ''

    def write(self, text):
        text = str(text)
        self.buffer += text
        if len(self.buffer) > 65536:
            self.buffer, rest = '', self.buffer
            _native.log(self.level, rest)
        while '\n' in self.buffer:
            line, _, self.buffer = self.buffer.partition('\n')
            _native.log(self.level, line)
        return len(text)

    def flush(self):
        if self.buffer:
            line, self.buffer = self.buffer, ''
            _native.log(self.level, line)

    def isatty(self):
        return False

    def writable(self):
        return True


sys.stdout = _LogWriter('INFO')
sys.stderr = _LogWriter('ERROR')

import profitview._threads  # noqa: E402  (needs the finder above)
import profitview._runtime as runtime  # noqa: E402

BotlinkFinder.patches['asyncio'] = profitview._threads.patch_asyncio
runtime
