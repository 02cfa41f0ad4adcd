"""class Link: the base class of Trading and Signals bots. Every API method is an ordinary method, so scripts
can override it and call super()."""
import datetime
import math

import _botlink
from profitview import _threads, candles

SIDES = ('Buy', 'Sell')


class ApiError(Exception):
    """The exchange refused a request (error type 'api_error'); .response holds the full result dict."""

    def __init__(self, message, response=None):
        super().__init__(message)
        self.response = response


def _venue(venue):
    if not isinstance(venue, str) or not venue:
        raise ValueError(f"venue must be the name of one of your exchange connections, not {venue!r}")
    return venue


def _text(name, value, required=True):
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value:
        raise ValueError(f"{name} must be a non-empty str, not {value!r}")
    return value


def _side(side):
    if side not in SIDES:
        raise ValueError(f"side must be 'Buy' or 'Sell', not {side!r}")
    return side


def _number(name, value, required=True, positive=True):
    if value is None and not required:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) and not hasattr(value, '__float__'):
        raise TypeError(f"{name} must be a number, not {type(value).__name__}")
    if not isinstance(value, int):
        value = float(value)
        if not math.isfinite(value):
            raise ValueError(f"{name} must be a finite number, not {value!r}")
    if positive and value <= 0:
        raise ValueError(f"{name} must be greater than 0, not {value!r}")
    return value


class Link:
    """The base class of your bot: define class Trading(Link) or class Signals(Link) in your script.

    The runtime calls your callbacks (quote_update, trade_update, order_update, fill_update, position_update,
    candle_update_<level>, on_start) and your @http.route methods; self.quotes[src][sym] and self.trades[src][sym]
    hold the latest quote and trade, self.redis talks to your other bots."""

    def __init__(self, *args, **kwargs):
        from profitview import _runtime
        _runtime.attach(self)

    def __getattr__(self, name):
        """Runtime state that scripts read but may also shadow with their own attributes:

        self.quotes: the latest quote of each symbol, self.quotes[src][sym] = {bid, ask, time}.
        self.trades: the latest public trade of each symbol, self.trades[src][sym] = {side, price, size, time}.
        self.redis: publish/subscribe between the bots of your account (publish, subscribe).
        self.settings: the settings the bot was started with (a dict)."""
        from profitview import _runtime
        if name in ('quotes', 'trades', 'redis', 'settings'):
            return _runtime.shared(name)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    # Time: from the bot's clock (the wall clock live, simulated time in backtests).
    @property
    def epoch_now(self):
        """Current epoch time in milliseconds (int), from the bot's clock."""
        return _botlink.now_micros() // 1000

    @property
    def unix_now(self):
        """Current unix time in seconds (int): seconds since midnight UTC on 1 Jan 1970."""
        return _botlink.now_micros() // 1_000_000

    @property
    def now(self):
        """Current UTC time as a timezone-aware datetime.datetime."""
        micros = _botlink.now_micros()
        return datetime.datetime.fromtimestamp(micros // 1_000_000, datetime.timezone.utc).replace(
            microsecond=micros % 1_000_000)

    @property
    def iso_now(self):
        """Current UTC time as an ISO 8601 str, e.g. '2023-03-09T12:22:52.949000'."""
        return self.now.replace(tzinfo=None).isoformat()

    @property
    def second(self):
        """Current second within the minute as a float with microsecond precision (0 <= second < 60)."""
        return (_botlink.now_micros() % 60_000_000) / 1_000_000

    @property
    def background_threads(self):
        """Live background threads of this bot (those started with create_thread, delay_thread and cron)."""
        return _threads.live_threads()

    def candle_bin(self, value, level, ceil=False):
        """The start (epoch ms) of the level's candle holding value; with ceil=True the next boundary unless value is one.

        level is one of '1m', '3m', '5m', '15m', '30m', '1h', '2h', '3h', '4h', '6h', '12h', '1d', '1w'."""
        return candles.candle_bin(value, level, ceil)

    def time_range(self, start, end, level, include_start=True):
        """Candle start times (epoch ms) from start to end inclusive, one per level step; at most 100,000 values."""
        return candles.time_range(start, end, level, include_start)

    def create_thread(self, target, *args, **kwargs):
        """Runs target(*args, **kwargs) on a background thread of the bot (threads are bounded by the platform)."""
        _threads.Thread(target=target, args=args, kwargs=kwargs).start()

    def delay_thread(self, interval, target, *args, **kwargs):
        """Runs target(*args, **kwargs) once on a background thread after interval seconds."""
        _threads.Timer(interval, target, args=args, kwargs=kwargs).start()

    # Exchange API: each returns {src, venue, data, error, rate_limits}; an api_error raises ApiError.
    def fetch_candles(self, venue, sym=None, level='1m', since=None):
        """Historical OHLCV candles of sym: {src, venue, data: [{time, open, high, low, close, volume}], error}.

        level is a candle level ('1m', '1h', '1d', ...); since is an epoch time in ms (default: the latest page)."""
        candles.level_millis(level)
        return self._exchange('fetch_candles', venue, sym=_text('sym', sym), level=level,
                              since=_number('since', since, required=False))

    def fetch_balances(self, venue):
        """Wallet balances on venue: {src, venue, data: [{asset, amount}], error}."""
        return self._exchange('fetch_balances', venue)

    def fetch_open_orders(self, venue):
        """Open orders on venue: {src, venue, data: [{order_id, sym, side, order_price, remain_size, ...}], error}."""
        return self._exchange('fetch_open_orders', venue)

    def fetch_positions(self, venue):
        """Open positions on venue: {src, venue, data: [{sym, side, pos_size, entry_price, mark_price, liq_price}], error}."""
        return self._exchange('fetch_positions', venue)

    def create_limit_order(self, venue, sym=None, side=None, size=None, price=None):
        """Places a limit order: side is 'Buy' or 'Sell', size in the symbol's units, price a limit price.

        Returns {src, venue, data: {order_id, sym, side, order_price, remain_size, ...}, error}; raises ApiError when
        the exchange refuses it."""
        return self._exchange('create_limit_order', venue, sym=_text('sym', sym), side=_side(side),
                              size=_number('size', size), price=_number('price', price))

    def create_market_order(self, venue, sym=None, side=None, size=None):
        """Places a market order: side is 'Buy' or 'Sell', size in the symbol's units.

        Returns {src, venue, data: {order_id, sym, side, fill_price, ...}, error}; raises ApiError when the exchange
        refuses it."""
        return self._exchange('create_market_order', venue, sym=_text('sym', sym), side=_side(side),
                              size=_number('size', size))

    def cancel_order(self, venue, order_id=None, sym=None):
        """Cancels the order order_id, or every open order of sym, or (with neither) every open order on venue."""
        return self._exchange('cancel_order', venue, order_id=_text('order_id', order_id, required=False),
                              sym=_text('sym', sym, required=False))

    def amend_order(self, venue, order_id=None, size=None, price=None):
        """Changes the size and/or price of the open order order_id (at least one of them)."""
        if size is None and price is None:
            raise ValueError('amend_order needs a new price or size (or both)')
        return self._exchange('amend_order', venue, order_id=_text('order_id', order_id),
                              size=_number('size', size, required=False),
                              price=_number('price', price, required=False))

    def call_endpoint(self, venue, path, version, method='GET', params=None):
        """Calls the exchange's native REST API: path such as 'instrument', version 'public' or 'private',
        method 'GET', 'POST', 'PUT' or 'DELETE', params a dict. Returns {src, venue, data, error}."""
        if version not in ('public', 'private'):
            raise ValueError(f"version must be 'public' or 'private', not {version!r}")
        if method not in ('GET', 'POST', 'PUT', 'DELETE'):
            raise ValueError(f"method must be GET, POST, PUT or DELETE, not {method!r}")
        if params is not None and not isinstance(params, dict):
            raise TypeError('params must be a dict')
        return self._exchange('call_endpoint', venue, path=_text('path', path), version=version, method=method,
                              params=params or {})

    def _exchange(self, method, venue, /, **args):
        result = _botlink.call(method, _venue(venue), {k: v for k, v in args.items() if v is not None})
        error = result.get('error')
        if error and error.get('type') == 'api_error':
            raise ApiError(f"{method} on {venue}: {error.get('message')}", result)
        return result

    # Streams out.
    def publish(self, topic, data=None):
        """Sends data (JSON serializable) on topic to the account's private websocket feed."""
        if not isinstance(topic, str) or not topic:
            raise ValueError('topic must be a non-empty str')
        _botlink.publish(topic, data)

    def signal(self, src, sym, size=None, mid=None, quote=None, bid=None, ask=None, **extra):
        """Emits a trading signal for sym with exactly one of size= (target position, -1..1), mid= (grid anchor),
        quote= (fair value, or [bid, ask]) or bid= with ask=; extra keyword arguments travel with it (the platform
        refuses names it does not know, with a line in the bot's log)."""
        given = [k for k, v in (('size', size), ('mid', mid), ('quote', quote), ('bid', bid), ('ask', ask))
                 if v is not None]
        if given in (['bid'], ['ask']):
            raise ValueError(f"signal {given[0]}= needs both bid= and ask=, or use quote=")
        if len(given) != 1 and given != ['bid', 'ask']:
            raise ValueError('signal takes exactly one of size=, mid=, quote= or bid= with ask=')
        payload = {'src': _text('src', src), 'sym': _text('sym', sym)}
        if size is not None:
            payload['size'] = _number('size', size, positive=False)
        elif mid is not None:
            payload['mid'] = _number('mid', mid)
        elif quote is not None:
            payload['quote'] = _quote(quote)
        else:
            payload['quote'] = _quote([bid, ask])
        for key, value in extra.items():
            payload[key] = value
        _botlink.signal(payload)


def _quote(quote):
    if isinstance(quote, (int, float)) and not isinstance(quote, bool):
        return [_number('quote', quote)] * 2
    if not isinstance(quote, (list, tuple)) or len(quote) != 2:
        raise ValueError('quote must be [bid, ask]')
    bid, ask = _number('bid', quote[0]), _number('ask', quote[1])
    if bid > ask:
        raise ValueError(f"quote bid {bid} is above ask {ask}")
    return [bid, ask]
