package dev.botlink.platform.backtest;

/** Scripts the backtest tests run. */
final class BacktestScripts {

    private BacktestScripts() {}

    /**
     * Crosses a 5-trade and a 20-trade moving average of trade prices: long 100 contracts above, short below, with
     * market orders. Decides on trade prices only, so it is deterministic whatever the clock.
     */
    static final String SMA_CROSSOVER = """
            from profitview import Link, logger

            class Trading(Link):
                def __init__(self):
                    super().__init__()
                    self.prices = []
                    self.position = 0
                    self.seen = 0

                def trade_update(self, src, sym, data):
                    if sym != 'XBTUSD':
                        return
                    self.seen += 1
                    self.prices.append(data['price'])
                    if len(self.prices) > 20:
                        self.prices.pop(0)
                    if len(self.prices) < 20:
                        return
                    fast = sum(self.prices[-5:]) / 5
                    slow = sum(self.prices) / 20
                    target = 100 if fast > slow else -100
                    if target != self.position:
                        side = 'Buy' if target > self.position else 'Sell'
                        result = self.create_market_order('BitMEX', 'XBTUSD', side, abs(target - self.position))
                        if result['error'] is None:
                            self.position = target
                            logger.info('crossed to %d at %s after %d trades', target, data['price'], self.seen)
                        else:
                            logger.warning('order refused: %s', result['error'])
            """;

    /** {@link #SMA_CROSSOVER} logging {@code seen n} after handling each trade (a barrier for the live run). */
    static final String SMA_WITH_BARRIER = SMA_CROSSOVER.replace(
            "    def trade_update(self, src, sym, data):\n",
            "    def trade_update(self, src, sym, data):\n"
                    + "        self.decide(src, sym, data)\n"
                    + "        logger.info('seen %d', self.seen)\n\n"
                    + "    def decide(self, src, sym, data):\n");

    /**
     * Tries to see the future: compares every event's time, the candles it can fetch and the wall of time functions
     * with the bot's clock, and logs LOOKAHEAD when anything is later than now.
     */
    static final String PEEKER = """
            import time
            from profitview import Link, logger

            class Trading(Link):
                def __init__(self):
                    super().__init__()
                    self.checked = 0

                def check(self, what, when):
                    if when > self.epoch_now:
                        logger.error('LOOKAHEAD %s at %s, now %s', what, when, self.epoch_now)

                def trade_update(self, src, sym, data):
                    self.check('trade', data['time'])
                    self.check('time.time', int(time.time() * 1000) - 1)
                    if self.checked % 25 == 0:
                        candles = self.fetch_candles('BitMEX', 'XBTUSD', level='1m')
                        for candle in candles['data'] or []:
                            self.check('candle', candle['time'])
                    self.checked += 1
                    if self.checked % 200 == 0:
                        logger.info('checked %d trades', self.checked)

                def quote_update(self, src, sym, data):
                    self.check('quote', data['time'])
            """;

    static final String SYNTAX_ERROR = """
            from profitview import Link

            class Trading(Link):
                def trade_update(self, src, sym, data)
                    pass
            """;

    static final String FAILING_INIT = """
            from profitview import Link

            class Trading(Link):
                def __init__(self):
                    super().__init__()
                    raise ValueError('no strategy today')
            """;

    /** Signals a target position from the sign of the last move. */
    static final String SIGNALS = """
            from profitview import Link

            class Signals(Link):
                def __init__(self):
                    super().__init__()
                    self.last = None
                    self.count = 0

                def trade_update(self, src, sym, data):
                    self.count += 1
                    if self.last is not None and self.count % 50 == 0:
                        self.signal(src, sym, size=0.5 if data['price'] >= self.last else -0.5)
                    self.last = data['price']
            """;
}
