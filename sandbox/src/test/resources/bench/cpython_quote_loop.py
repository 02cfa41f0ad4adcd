"""The same bot loop as SandboxBenchmark, on CPython: JSON-decoded quotes into quote_update, and one order call
(serialised to JSON, as Botlink sends it) per quote in the latency variant."""
import json
import sys
import time


class Trading:
    def __init__(self):
        self.count = 0
        self.last = None

    def quote_update(self, src, sym, data):
        self.count += 1
        self.last = (data['bid'][0] + data['ask'][0]) / 2


def run(seconds):
    bot = Trading()
    payload = json.dumps({'bid': [21601, 170000], 'ask': [21601.5, 223000], 'time': 1678364572949})
    windows = []
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        start, n = time.perf_counter(), 0
        while time.perf_counter() - start < 1.0:
            for _ in range(1000):
                data = json.loads(payload)
                bot.quote_update('bitmex', 'XBTUSD', data)
            n += 1000
        windows.append(n / (time.perf_counter() - start))
    return windows


if __name__ == '__main__':
    windows = run(float(sys.argv[1]) if len(sys.argv) > 1 else 10)
    print(json.dumps({'events_per_second_by_second': windows}))
