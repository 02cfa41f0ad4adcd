"""The callbacks the runtime calls on your bot, when your class defines them. Reference only: the runtime never
imports this module; the IDE's completion and hover docs are generated from it."""


class Callbacks:
    """Methods your Trading or Signals class may define; each runs on the bot's event thread unless noted."""

    def on_start(self):
        """Runs once after the bot is loaded, on its own thread beside the callbacks: it may block or loop."""

    def quote_update(self, src, sym, data):
        """Top-of-book quote of a subscribed symbol: data = {'bid': [price, size], 'ask': [price, size], 'time': ms}."""

    def trade_update(self, src, sym, data):
        """A public trade: data = {'side': 'Buy' | 'Sell' (taker), 'price', 'size', 'time': ms}."""

    def order_update(self, src, sym, data):
        """One of your orders changed: data = {venue, order_id, side, order_price, remain_size, status, time}."""

    def fill_update(self, src, sym, data):
        """One of your orders filled (partly): data = {venue, order_id, side, fill_size, fill_price, fee, time}."""

    def position_update(self, src, sym, data):
        """Your position changed: data = {venue, sym, side, pos_size, entry_price, mark_price, liq_price, time}."""

    def candle_update_1m(self, src, sym, bars):
        """Rolling 1-minute bars on every trade: bars.closes (360 items, [-1] still forming), bars[i] = {time, open, ...}.

        Any level works the same way: candle_update_3m, _5m, _15m, _30m, _1h, _2h, _3h, _4h, _6h, _12h, _1d, _1w."""

    def candle_update_1h(self, src, sym, bars):
        """Rolling 1-hour bars on every trade: bars.opens, .highs, .lows, .closes, .volumes hold 360 items."""
