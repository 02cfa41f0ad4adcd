"""The market dispatch loop of every bot on a worker. The host parses this once per worker (one cached Source on
the shared engine) and evaluates it in each bot's context, so all bots run the same guest code and the JIT compiles
the loop once, not once per bot. profitview._runtime.bind_market_dispatch binds it to the bot's state. Evaluated in
the context's __main__ namespace (the bootstrap's); it only defines the factory below and returns it."""
import struct as _struct


def _botlink_market_dispatch(_state, report, _with_integers, _update_bars, _unpack_from=_struct.unpack_from):
    def dispatch_market(columns, names, n, start, end, cursor):
        """Delivers events start..end-1 of a market batch of n events, in order, one callback at a time;
        called on the bot's event loop thread. columns is the batch's column section with one char per byte
        (layout in dev.botlink.sandbox.protocol.MarketBatch), names its src/sym/side names joined by NUL.
        cursor.at(i) before each callback lets the host give every callback its own time budget and resume
        after an interrupted one."""
        bot = _state['bot']
        raw = columns.encode('latin-1')
        names = names.split('\x00')
        m = end - start
        kinds = raw[start:end]
        integers = raw[n + start:n + end]
        srcs = _unpack_from(f'<{m}H', raw, 2 * n + 2 * start)
        syms = _unpack_from(f'<{m}H', raw, 4 * n + 2 * start)
        sides = _unpack_from(f'<{m}H', raw, 6 * n + 2 * start)
        first = _unpack_from(f'<{m}d', raw, 8 * n + 8 * start)
        second = _unpack_from(f'<{m}d', raw, 16 * n + 8 * start)
        third = _unpack_from(f'<{m}d', raw, 24 * n + 8 * start)
        fourth = _unpack_from(f'<{m}d', raw, 32 * n + 8 * start)
        times = _unpack_from(f'<{m}q', raw, 40 * n + 8 * start)
        quotes, trades, levels = _state['quotes'], _state['trades'], _state['candle_levels']
        on_quote = getattr(bot, 'quote_update', None)
        on_trade = getattr(bot, 'trade_update', None)
        at = cursor.at
        for j in range(m):
            i = start + j
            at(i)
            kind = kinds[j]
            try:
                src = names[srcs[j]]
                sym = names[syms[j]]
                if kind == 0:
                    if integers[j]:
                        numbers = _with_integers(raw, n, i, integers[j], (first[j], second[j], third[j], fourth[j]))
                        data = {'bid': [numbers[0], numbers[1]], 'ask': [numbers[2], numbers[3]], 'time': times[j]}
                    else:
                        data = {'bid': [first[j], second[j]], 'ask': [third[j], fourth[j]], 'time': times[j]}
                    book = quotes.get(src)
                    if book is None:
                        book = quotes[src] = {}
                    book[sym] = data
                    if on_quote is not None:
                        on_quote(src, sym, data)
                else:
                    price, size = first[j], second[j]
                    if integers[j]:
                        price, size = _with_integers(raw, n, i, integers[j], (price, size))
                    data = {'side': names[sides[j]], 'price': price, 'size': size, 'time': times[j]}
                    book = trades.get(src)
                    if book is None:
                        book = trades[src] = {}
                    book[sym] = data
                    if on_trade is not None:
                        on_trade(src, sym, data)
                    if levels:
                        _update_bars(bot, src, sym, data)
            except BaseException as error:
                report('quote_update' if kind == 0 else 'trade_update', error)

    return dispatch_market


_botlink_market_dispatch
