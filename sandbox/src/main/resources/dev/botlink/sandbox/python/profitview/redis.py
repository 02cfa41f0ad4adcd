"""self.redis: publish/subscribe between the bots of one account (an outside client may publish too)."""
import threading

import _botlink

MAX_CHANNELS = 64


class BotRedis:
    def __init__(self):
        self._handlers = {}
        self._lock = threading.Lock()

    def publish(self, channel, data):
        """Sends data (anything JSON serializable) to every bot of the account subscribed to channel."""
        _botlink.redis_publish(channel, data)
        return 1

    def subscribe(self, channels=None, **kwargs):
        """subscribe({channel: handler}) or subscribe(channel=handler); handler(message) or handler(channel, data)."""
        mapping = dict(channels or {})
        mapping.update(kwargs)
        for channel, handler in mapping.items():
            if not callable(handler):
                raise TypeError(f"handler for channel {channel!r} must be callable")
            with self._lock:
                if channel not in self._handlers and len(self._handlers) >= MAX_CHANNELS:
                    raise ValueError(f"a bot may subscribe to at most {MAX_CHANNELS} channels")
                self._handlers[channel] = handler
            _botlink.redis_subscribe(channel)

    def deliver(self, channel, data):
        handler = self._handlers.get(channel)
        if handler is None:
            return
        if _arity(handler) >= 2:
            handler(channel, data)
        else:
            handler({'type': 'message', 'channel': channel, 'data': data})


def _arity(handler):
    code = getattr(getattr(handler, '__func__', handler), '__code__', None)
    if code is None:
        return 1
    return code.co_argcount - (1 if hasattr(handler, '__self__') else 0)
