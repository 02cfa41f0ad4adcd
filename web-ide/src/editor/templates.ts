// New-file templates in ProfitView's style: a Trading bot (class Trading(Link)) and a Signals bot.
export const TEMPLATES: { id: string; label: string; source: string }[] = [
  {
    id: 'trading',
    label: 'Trading bot',
    source: `from profitview import Link, http, logger


class Trading(Link):
    """Reacts to market data and to your orders, fills and positions on your venues."""

    def on_start(self):
        logger.info('Trading bot started')

    def quote_update(self, src, sym, data):
        """Top of book: data = {'bid': [price, size], 'ask': [price, size], 'time': ms}."""
        pass

    def trade_update(self, src, sym, data):
        """Public trade: data = {'side', 'price', 'size', 'time'}."""
        pass

    def order_update(self, src, sym, data):
        logger.info(f"order {data['order_id']} {data['side']} {data['remain_size']} left")

    def fill_update(self, src, sym, data):
        logger.info(f"fill {sym} {data['side']} {data['fill_size']} at {data['fill_price']}")

    def position_update(self, src, sym, data):
        pass

    @http.route
    def get_health(self, data):
        return {'status': 'ok', 'time': self.iso_now}
`,
  },
  {
    id: 'signals',
    label: 'Signals bot',
    source: `from profitview import Link, logger
import talib


class Signals(Link):
    """Turns market data into signals for Position, Grid and Market Maker bots."""

    def on_start(self):
        logger.info('Signals bot started')

    def candle_update_1m(self, src, sym, bars):
        """Rolling 1-minute bars, called on every trade: bars.closes[-1] is the bar in progress."""
        if len(bars) < 15:
            return
        rsi = talib.RSI(bars.closes, timeperiod=14)[-1]
        if rsi > 70:
            self.signal(src, sym, size=-0.5)
        elif rsi < 30:
            self.signal(src, sym, size=0.5)
`,
  },
  { id: 'empty', label: 'Empty file', source: '' },
];
