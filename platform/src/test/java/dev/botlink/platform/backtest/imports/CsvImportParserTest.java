package dev.botlink.platform.backtest.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.botlink.platform.marketdata.RecordedTape;
import dev.botlink.platform.marketdata.TapeTrade;
import dev.botlink.platform.venue.Side;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvImportParserTest {

    private static ImportedData parse(ImportKind kind, String csv) {
        return new CsvImportParser(1000).parse(kind, new StringReader(csv));
    }

    private static List<TapeTrade> trades(ImportedData data) {
        List<TapeTrade> trades = new ArrayList<>();
        try (ImportedTrades source = new ImportedTrades(data)) {
            while (source.hasNext()) {
                trades.add(source.next());
            }
        }
        return trades;
    }

    @Test
    void tradesWithAHeaderInEpochSecondsKeepTheirExactNumbersAndSides() {
        ImportedData data = parse(ImportKind.TRADES, """
                timestamp,price,amount,side
                1700000000,37000.10,0.005,buy
                1700000000.5,37000.2,0.010,Sell
                1700000001,37001,1,
                """);
        assertThat(data.rows()).isEqualTo(3);
        assertThat(data.fromMillis()).isEqualTo(1_700_000_000_000L);
        assertThat(data.toMillis()).isEqualTo(1_700_000_001_000L);
        assertThat(trades(data))
                .containsExactly(
                        new TapeTrade(1_700_000_000_000L, new BigDecimal("37000.1"), new BigDecimal("0.005"), Side.BUY),
                        new TapeTrade(1_700_000_000_500L, new BigDecimal("37000.2"), new BigDecimal("0.01"), Side.SELL),
                        new TapeTrade(1_700_000_001_000L, new BigDecimal("37001"), BigDecimal.ONE, null));
    }

    @Test
    void commonSpellingsAndTimeFormatsAreUnderstood() {
        String binance = """
                id,price,qty,quoteQty,time,isBuyerMaker
                1,100.5,2,201,1700000000000,true
                2,100.6,1,100.6,1700000000123,false
                """;
        assertThat(trades(parse(ImportKind.TRADES, binance)))
                .extracting(TapeTrade::time, TapeTrade::side)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1_700_000_000_000L, Side.SELL),
                        org.assertj.core.groups.Tuple.tuple(1_700_000_000_123L, Side.BUY));
        String iso = """
                "Date";"Open";"High";"Low";"Close";"Volume"
                2024-01-01 00:00:00;10;12;9;11;5
                2024-01-01T00:01:00Z;11;11;10;10.5;3
                2024-01-01T00:02:00+00:00;10.5;10.5;10.5;10.5;0
                """;
        ImportedData candles = parse(ImportKind.CANDLES, iso);
        assertThat(candles.rows()).isEqualTo(3);
        assertThat(candles.fromMillis()).isEqualTo(1_704_067_200_000L);
        assertThat(candles.barMillis()).isEqualTo(60_000L);
        String headerless = "1704067200000000,1,2,0.5,1.5,10\n1704067260000000,1.5,1.5,1,1,1\n";
        assertThat(parse(ImportKind.CANDLES, headerless).fromMillis()).isEqualTo(1_704_067_200_000L);
    }

    @Test
    void candlesBecomeTheSameTradesAsTheRecordedBars() {
        ImportedData data = parse(ImportKind.CANDLES, """
                open_time,o,h,l,c,v
                1704067200,10,12,9,11,20
                1704067500,11,11.5,10,10.2,0
                1704067800,10.2,10.4,9.8,9.9,40
                """);
        List<TapeTrade> expected = new ArrayList<>(
                RecordedTape.barTrades(1_704_067_200_000L, 300_000L, bd("10"), bd("12"), bd("9"), bd("11"), bd("20")));
        // The bar without volume had no trades.
        expected.addAll(RecordedTape.barTrades(
                1_704_067_800_000L, 300_000L, bd("10.2"), bd("10.4"), bd("9.8"), bd("9.9"), bd("40")));
        assertThat(trades(data)).containsExactlyElementsOf(expected);
        try (ImportedTrades window = new ImportedTrades(data, 1_704_067_800_000L, 1_704_067_800_000L + 15_000)) {
            assertThat(window.peekTime()).isEqualTo(1_704_067_800_000L);
            int count = 0;
            while (window.hasNext()) {
                window.next();
                count++;
            }
            assertThat(count).isEqualTo(1);
            assertThat(window.peekTime()).isEqualTo(Long.MAX_VALUE);
        }
    }

    @Test
    void badRowsAreRefusedNamingTheirLine() {
        assertProblem(
                ImportKind.TRADES,
                "time,price,size\n1700000000,1,1\n1700000001,NaN,1\n",
                "line 3: price NaN is not a number");
        assertProblem(
                ImportKind.TRADES, "time,price,size\n1700000000,1,-2\n1700000001,1,1\n", "line 2: size -2 is negative");
        assertProblem(
                ImportKind.TRADES,
                "time,price,size\n1700000000,1,1\n\n1600000000,1,1\n",
                "line 4: time 1600000000 is before line 2's");
        assertProblem(
                ImportKind.TRADES,
                "time,price,size\n1700000000,1,1\n1700000001,1,abc\n",
                "line 3: size abc is not a number");
        assertProblem(
                ImportKind.TRADES,
                "time,price,size\nyesterday,1,1\n1700000001,1,1\n",
                "line 2: time yesterday is neither");
        assertProblem(ImportKind.TRADES, "when,price,size\n1700000000,1,1\n", "line 1: no time column");
        assertProblem(
                ImportKind.TRADES, "time,price,size,side\n1700000000,1,1,up\n1700000001,1,1,buy\n", "line 2: side up");
        assertProblem(ImportKind.TRADES, "time,price,size\n1700000000,1,1\n", "at least two rows");
        assertProblem(
                ImportKind.CANDLES,
                "time,open,high,low,close,volume\n1700000000,10,9,8,9,1\n1700000060,1,1,1,1,1\n",
                "line 2: high 9 is below");
        assertProblem(
                ImportKind.CANDLES,
                "time,open,high,low,close,volume\n1700000000,10,11,8,9,1\n1700000000,1,1,1,1,1\n",
                "line 3: a second candle");
        assertProblem(
                ImportKind.CANDLES,
                "time,open,high,low,close,volume\n1700000000,10,11,8,9,Infinity\n1700000060,1,1,1,1,1\n",
                "line 2: volume Infinity is not a number");
    }

    @Test
    void rowsBeyondTheCapAreRefused() {
        StringBuilder csv = new StringBuilder("time,price,size\n");
        for (int i = 0; i < 5; i++) {
            csv.append(1_700_000_000 + i).append(",1,1\n");
        }
        assertThatThrownBy(() -> new CsvImportParser(4).parse(ImportKind.TRADES, new StringReader(csv.toString())))
                .isInstanceOf(CsvProblem.class)
                .hasMessageContaining("line 6: more than 4 rows");
    }

    private static void assertProblem(ImportKind kind, String csv, String message) {
        assertThatThrownBy(() -> parse(kind, csv))
                .isInstanceOf(CsvProblem.class)
                .hasMessageContaining(message);
    }

    private static BigDecimal bd(String text) {
        return new BigDecimal(text);
    }
}
