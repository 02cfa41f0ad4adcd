"""What the host calls: load a script, deliver events, run on_start, answer webhooks. Every user-code error is
caught here and reported to the bot log as a Python traceback naming the user's file, line and column."""
import json
import linecache
import re
import struct
import sys
import traceback
import types

import _botlink
from profitview import _traceback, cron, candles
from profitview.link import Link
from profitview.log import logger
from profitview.redis import BotRedis

_state = {'bot': None, 'quotes': {}, 'trades': {}, 'redis': BotRedis(), 'settings': _botlink.settings,
          'candle_levels': (), 'bars': {}, 'file': 'bot.py'}
_INTERNAL = ('<botlink>/profitview/', '<botlink>/bootstrap')
_LEADING_WS = re.compile(r'^[ \t]+', re.M)
BOT_CLASSES = ('Trading', 'Signals')
# Tracebacks show the innermost frames only: formatting thousands (deep recursion) would eat the callback budget.
MAX_FRAMES = 30


def shared(name):
    return _state[name]


def attach(bot):
    _state['bot'] = bot
    cron.attach(bot)


def report(where, error):
    """Logs an exception from user code with a traceback that starts at the user's code."""
    if isinstance(error, SystemExit):
        _botlink.stop(f"the bot called sys.exit() in {where}")
        return
    text = _traceback.format_exception(error, _INTERNAL, MAX_FRAMES)
    logger.error(f"{where} failed:\n{text}")


def load(file_name, source):
    """Compiles and runs the script, then creates its bot. Returns None, or why the bot cannot start."""
    _state['file'] = file_name
    source = _LEADING_WS.sub(lambda m: m.group(0).expandtabs(4), source)
    linecache.cache[file_name] = (len(source), None, source.splitlines(True), file_name)
    try:
        code = compile(source, file_name, 'exec')
    except SyntaxError as error:
        return _syntax_error(error)
    module = types.ModuleType(file_name.rsplit('/', 1)[-1].removesuffix('.py'))
    module.__file__ = file_name
    sys.modules[module.__name__] = module
    try:
        exec(code, module.__dict__)
    except BaseException as error:
        return _failure('running the script', error)
    bot_class = next((module.__dict__.get(name) for name in BOT_CLASSES if name in module.__dict__), None)
    if not isinstance(bot_class, type) or not issubclass(bot_class, Link):
        return (f"{file_name} defines no bot class: add 'class Trading(Link):' (or 'class Signals(Link):') "
                f"after 'from profitview import Link'")
    try:
        bot = bot_class()
    except BaseException as error:
        return _failure(f"{bot_class.__name__}.__init__", error)
    attach(bot)
    _state['candle_levels'] = tuple(level for level in candles.LEVELS if callable(getattr(bot, f"candle_update_{level}", None)))
    return None


def _syntax_error(error):
    detail = ''.join(traceback.format_exception_only(type(error), error)).rstrip()
    return (f"{type(error).__name__} in {error.filename}, line {error.lineno}, column {error.offset}: "
            f"{error.msg}\n{detail}")


def _failure(what, error):
    return f"{what} failed:\n{_traceback.format_exception(error, _INTERNAL, MAX_FRAMES)}"


def after_load():
    """Starts cron jobs (unless the script turned auto_start off). Returns whether the bot has on_start."""
    if cron.options.get('auto_start', True):
        try:
            cron.start()
        except BaseException as error:
            report('cron.start', error)
    return callable(getattr(_state['bot'], 'on_start', None))


def on_start():
    try:
        _state['bot'].on_start()
    except BaseException as error:
        report('on_start', error)


def dispatch(kind, src, sym, data_json):
    """Delivers one event to its callback; called on the bot's event loop thread, one at a time."""
    bot = _state['bot']
    try:
        data = json.loads(data_json)
        if kind == 'quote':
            _state['quotes'].setdefault(src, {})[sym] = data
        elif kind == 'trade':
            _state['trades'].setdefault(src, {})[sym] = data
        elif kind == 'candles':
            _seed_bars(src, sym, data)
            return
        callback = getattr(bot, f"{kind}_update", None)
        if callback is not None:
            callback(src, sym, data)
        if kind == 'trade' and _state['candle_levels']:
            _update_bars(bot, src, sym, data)
    except BaseException as error:
        report(f"{kind}_update", error)


_unpack_from = struct.unpack_from


def bind_market_dispatch(factory):
    """Makes this bot's dispatch_market from the worker's shared market dispatch code (factory, from
    dev/botlink/sandbox/bot/market_dispatch.py, parsed once per worker so every bot runs the same compiled loop)."""
    global dispatch_market
    dispatch_market = factory(_state, report, _with_integers, _update_bars)
    return dispatch_market


dispatch_market = None


def _with_integers(raw, n, i, integers, numbers):
    """The numbers of event i, with those whose bit is set in integers read as the integers they are."""
    return tuple(_unpack_from('<q', raw, (8 + 8 * k) * n + 8 * i)[0] if integers & (1 << k) else value
                 for k, value in enumerate(numbers))


def _bars(src, sym, level):
    key = (src, sym, level)
    bars = _state['bars'].get(key)
    if bars is None:
        bars = _state['bars'][key] = candles.Bars(level)
    return bars


def _update_bars(bot, src, sym, trade):
    price, size, time = float(trade['price']), float(trade.get('size', 0.0)), trade['time']
    for level in _state['candle_levels']:
        bars = _bars(src, sym, level)
        bars.update(time, price, size)
        try:
            getattr(bot, f"candle_update_{level}")(src, sym, bars)
        except BaseException as error:
            report(f"candle_update_{level}", error)


def _seed_bars(src, sym, data):
    _bars(src, sym, data['level']).seed(data['candles'])


def redis_message(channel, data_json):
    try:
        _state['redis'].deliver(channel, json.loads(data_json))
    except BaseException as error:
        report(f"redis handler for {channel}", error)


def routes():
    """The bot's webhook methods (get_<name> / post_<name> marked with @http.route), sorted."""
    bot = _state['bot']
    names = (name for name in dir(type(bot)) if name.startswith(('get_', 'post_')))
    return sorted(name for name in names if getattr(getattr(bot, name, None), '_botlink_route', False))


def webhook(method, route, args_json):
    """Runs get_<route> / post_<route>; returns JSON text {result} or {error, code}."""
    bot = _state['bot']
    name = f"{method.lower()}_{route}"
    handler = getattr(bot, name, None)
    if handler is None or not getattr(handler, '_botlink_route', False):
        return json.dumps({'error': f"no webhook {method.upper()} {route}: define an @http.route method {name}",
                           'code': 'no_route'})
    try:
        result = handler(json.loads(args_json))
    except BaseException as error:
        report(f"webhook {name}", error)
        return json.dumps({'error': f"{name} raised {type(error).__name__}: {error}", 'code': 'raised'})
    try:
        return _botlink.to_json('result', {'result': result})
    except (TypeError, ValueError) as error:
        return json.dumps({'error': f"{name} returned a value that is not JSON: {error}", 'code': 'raised'})
