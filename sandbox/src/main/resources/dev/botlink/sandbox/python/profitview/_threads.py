"""Threads for bots come from the host: a bounded pool per bot. threading.Thread and threading.Timer are
replaced by classes with the same interface that ask the host for a thread, and asyncio gets an event loop
that waits on a condition instead of a socket pair."""
import itertools
import sys
import threading

import _botlink

_counter = itertools.count(1)
_live = {}
_live_lock = threading.Lock()
_OriginalEvent = threading.Event


def live_threads():
    """{thread id: thread name} of started threads and timers that have not finished."""
    with _live_lock:
        return {key: thread.name for key, thread in _live.items()}


def report_exception(where, error):
    from profitview import _runtime
    _runtime.report(where, error)


_OriginalThread = threading.Thread


class Thread(_OriginalThread):
    """threading.Thread for bots: start() runs run() on a thread from the bot's bounded host pool. It keeps the
    standard class as its base because the threading module itself builds on it (current_thread(), ...)."""

    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        # Named explicitly: threading's own subclasses (_DummyThread) call Thread.__init__ on their instances.
        _OriginalThread.__init__(self, group, target, name, args, kwargs, daemon=True if daemon is None else daemon)
        self._bl_started = False
        self._bl_done = _OriginalEvent()

    def start(self):
        self._bl_mark_started()
        try:
            _botlink.spawn(self._bl_bootstrap, self.name)
        except BaseException:
            self._bl_forget()
            raise

    def _bl_mark_started(self):
        if self._bl_started:
            raise RuntimeError('threads can only be started once')
        self._bl_started = True
        with _live_lock:
            _live[id(self)] = self

    def _bl_forget(self):
        self._bl_done.set()
        with _live_lock:
            _live.pop(id(self), None)

    def _bl_bootstrap(self):
        self._ident = threading.get_ident()
        try:
            self.run()
        except SystemExit:
            pass
        except BaseException as error:
            report_exception(f"thread {self.name}", error)
        finally:
            self._bl_forget()

    def join(self, timeout=None):
        if not self._bl_started:
            raise RuntimeError('cannot join thread before it is started')
        self._bl_done.wait(timeout)

    def is_alive(self):
        return self._bl_started and not self._bl_done.is_set()

    def __repr__(self):
        state = 'started' if self.is_alive() else ('stopped' if self._bl_started else 'initial')
        return f"<{type(self).__name__}({self.name}, {state})>"


class Timer(Thread):
    """threading.Timer for bots: the wait happens on the bot's clock, without holding a thread."""

    def __init__(self, interval, function, args=None, kwargs=None):
        super().__init__(name=f"Timer-{next(_counter)}")
        self.interval = interval
        self.function = function
        self.args = list(args) if args is not None else []
        self.kwargs = dict(kwargs) if kwargs is not None else {}
        self.finished = _OriginalEvent()
        self._handle = None

    def start(self):
        self._bl_mark_started()
        try:
            self._handle = _botlink.schedule(self.interval, self._bl_bootstrap, self.name)
        except BaseException:
            self._bl_forget()
            raise

    def cancel(self):
        self.finished.set()
        if self._handle is not None:
            _botlink.cancel(self._handle)
        self._bl_forget()

    def run(self):
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


def _start_new_thread(function, args, kwargs=None):
    thread = Thread(target=function, args=args, kwargs=kwargs)
    thread.start()
    return id(thread)


threading.Thread = Thread
threading.Timer = Timer
threading._start_new_thread = _start_new_thread


def patch_asyncio(asyncio):
    """Gives asyncio.run and new_event_loop a loop that needs no socket pair (bots have no sockets)."""
    from asyncio import base_events, events

    class _Waker:
        def __init__(self):
            self._condition = threading.Condition()
            self._woken = False

        def select(self, timeout=None):
            if _botlink.simulated and timeout is not None and timeout > 0:
                return self._select_simulated(timeout)
            with self._condition:
                if not self._woken:
                    self._condition.wait(timeout)
                self._woken = False
            return []

        def _select_simulated(self, timeout):
            # Simulated time: the loop's timers are due in simulated time, so wait there (a wake from another
            # thread is seen when the wait ends).
            with self._condition:
                if self._woken:
                    self._woken = False
                    return []
            import time
            time.sleep(timeout)
            with self._condition:
                self._woken = False
            return []

        def wake(self):
            with self._condition:
                self._woken = True
                self._condition.notify_all()

        def close(self):
            pass

    class BotEventLoop(base_events.BaseEventLoop):
        def __init__(self):
            super().__init__()
            self._selector = _Waker()

        def _process_events(self, event_list):
            pass

        def _write_to_self(self):
            self._selector.wake()

    class BotEventLoopPolicy(events.BaseDefaultEventLoopPolicy):
        _loop_factory = BotEventLoop

        def new_event_loop(self):
            return BotEventLoop()

    asyncio.BotEventLoop = BotEventLoop
    asyncio.set_event_loop_policy(BotEventLoopPolicy())
