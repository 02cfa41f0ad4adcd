"""The bot loop of SandboxBenchmark on CPython, with the same per-event work as Botlink's event loop.

batch: what a bot's dispatch_market (sandbox/src/main/resources/dev/botlink/sandbox/bot/market_dispatch.py)
does per batch of 1024 quotes (columns text -> bytes, struct unpack of the columns, then per event: cursor.at(i),
a ProfitView-shaped dict, the quotes book, quote_update).
json: the loop Botlink had before market batches (json.loads per event, then quote_update), for reference.
With several bots, batches go to the bots in turn, as one worker's event loops would get them.

Usage: python3 cpython_quote_loop.py SECONDS [BOTS]; prints one JSON line."""
import json
import struct
import sys
import time

BATCH = 1024
_unpack_from = struct.unpack_from


class Trading:
    def __init__(self):
        self.count = 0
        self.last = None

    def quote_update(self, src, sym, data):
        self.count += 1
        self.last = (data['bid'][0] + data['ask'][0]) / 2


class Cursor:
    def __init__(self):
        self.position = -1
        self.end = 0

    def at(self, index):
        if self.position < index < self.end:
            self.position = index


def columns_of_quotes(n):
    """A batch's column section as MarketBatch encodes it: kinds, integers, src, sym, side, 4 numbers, time."""
    raw = bytes(n) + bytes(n) + struct.pack(f'<{n}H', *[0] * n) + struct.pack(f'<{n}H', *[1] * n)
    raw += struct.pack(f'<{n}H', *[0xFFFF] * n)
    for value in (21601.0, 170000.0, 21601.5, 223000.0):
        raw += struct.pack(f'<{n}d', *[value] * n)
    raw += struct.pack(f'<{n}q', *range(1678364572949, 1678364572949 + n))
    return raw.decode('latin-1')


def dispatch_market(bot, state, columns, names, n, start, end, cursor):
    raw = columns.encode('latin-1')
    names = names.split('\x00')
    m = end - start
    kinds = raw[start:end]
    integers = raw[n + start:n + end]
    srcs = _unpack_from(f'<{m}H', raw, 2 * n + 2 * start)
    syms = _unpack_from(f'<{m}H', raw, 4 * n + 2 * start)
    first = _unpack_from(f'<{m}d', raw, 8 * n + 8 * start)
    second = _unpack_from(f'<{m}d', raw, 16 * n + 8 * start)
    third = _unpack_from(f'<{m}d', raw, 24 * n + 8 * start)
    fourth = _unpack_from(f'<{m}d', raw, 32 * n + 8 * start)
    times = _unpack_from(f'<{m}q', raw, 40 * n + 8 * start)
    quotes = state['quotes']
    on_quote = getattr(bot, 'quote_update', None)
    cursor.end = end
    at = cursor.at
    for j in range(m):
        i = start + j
        at(i)
        kind = kinds[j]
        try:
            src = names[srcs[j]]
            sym = names[syms[j]]
            if kind == 0 and not integers[j]:
                data = {'bid': [first[j], second[j]], 'ask': [third[j], fourth[j]], 'time': times[j]}
                book = quotes.get(src)
                if book is None:
                    book = quotes[src] = {}
                book[sym] = data
                if on_quote is not None:
                    on_quote(src, sym, data)
        except BaseException as error:
            print(error)


def run_batches(seconds, bots):
    columns, names = columns_of_quotes(BATCH), 'bitmex\x00XBTUSD'
    states = [(Trading(), {'quotes': {}}, Cursor()) for _ in range(bots)]
    windows, cpu_windows = [], []
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        start, cpu_start, n = time.perf_counter(), time.process_time(), 0
        while time.perf_counter() - start < 1.0:
            for bot, state, cursor in states:
                cursor.position = -1
                dispatch_market(bot, state, columns, names, BATCH, 0, BATCH, cursor)
                n += BATCH
        windows.append(round(n / (time.perf_counter() - start)))
        cpu_windows.append(round(n / max(1e-6, time.process_time() - cpu_start)))
    return windows, cpu_windows


def run_json(seconds, bots):
    payload = json.dumps({'bid': [21601.0, 170000.0], 'ask': [21601.5, 223000.0], 'time': 1678364572949})
    instances = [Trading() for _ in range(bots)]
    windows = []
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        start, n = time.perf_counter(), 0
        while time.perf_counter() - start < 1.0:
            for bot in instances:
                for _ in range(100):
                    bot.quote_update('bitmex', 'XBTUSD', json.loads(payload))
                n += 100
        windows.append(round(n / (time.perf_counter() - start)))
    return windows


if __name__ == '__main__':
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 10
    bots = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    batch, batch_cpu = run_batches(seconds, bots)
    print(json.dumps({'version': sys.version.split()[0], 'bots': bots,
                      'batch_loop_per_second': batch,
                      'batch_loop_per_cpu_second': batch_cpu,
                      'json_loop_per_second': run_json(seconds, bots)}))
