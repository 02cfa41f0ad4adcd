package dev.botlink.platform.backtest.imports;

import java.math.BigDecimal;

/**
 * An imported CSV in its normal form: gzipped UTF-8 lines, one a row, times in epoch milliseconds, numbers exactly as
 * given (trailing zeros stripped): {@code time,price,size,side} (side {@code Buy}, {@code Sell} or empty) for trades,
 * {@code time,open,high,low,close,volume} for candles. {@code barMillis} is the candle length (the smallest gap
 * between two candles), 0 for trades.
 */
public record ImportedData(ImportKind kind, int rows, long fromMillis, long toMillis, long barMillis, byte[] gzipped) {

    static String tradeRow(long time, BigDecimal price, BigDecimal size, String side) {
        return time + "," + price + "," + size + "," + side + "\n";
    }

    static String candleRow(
            long time, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close, BigDecimal volume) {
        return time + "," + open + "," + high + "," + low + "," + close + "," + volume + "\n";
    }
}
