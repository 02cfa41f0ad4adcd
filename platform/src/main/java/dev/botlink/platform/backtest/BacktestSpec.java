package dev.botlink.platform.backtest;

import dev.botlink.platform.venue.Instrument;
import java.math.BigDecimal;
import java.util.Map;

/**
 * A validated backtest: the script, the data, the isolated paper venue and (for Signals scripts) the execution bot
 * type its signals drive.
 *
 * @param data {@code btc-trades}, {@code eth-5m}, {@code synthetic} or {@code import}
 * @param seed seed of synthetic data
 * @param importId the account's import for {@code import}
 * @param from start of the simulated period (epoch ms); earlier data only warms up candles and quotes
 * @param to end of the simulated period (epoch ms)
 * @param startingBalance the venue's starting wallet in USD (USDT 1:1; XBT at the first XBTUSD mid)
 * @param executionType a {@code dev.botlink.marketplace.BotType} name for Signals scripts, else null
 */
public record BacktestSpec(
        String name,
        SimulatedBots.Script script,
        String data,
        long seed,
        String importId,
        String exchange,
        Instrument instrument,
        long from,
        long to,
        BigDecimal startingBalance,
        String executionType,
        Map<String, Object> executionParameters) {

    public String symbol() {
        return instrument.symbol();
    }
}
