package dev.botlink.platform.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandleStoreTest {

    private static final long T0 = 1_696_015_800_000L; // a 15m (and 1m) bin edge

    @Test
    void aggregatesTradesIntoOhlcvAtEveryLevel() {
        CandleStore store = new CandleStore(100);
        trade(store, T0 + 1_000, "100", "1");
        trade(store, T0 + 20_000, "105", "2");
        trade(store, T0 + 40_000, "95", "3");
        trade(store, T0 + 61_000, "101", "4");

        List<Candle> minutes = store.candles(CandleLevel.M1, null, 10);
        assertThat(minutes).hasSize(2);
        assertCandle(minutes.get(0), T0, "100", "105", "95", "95", "6");
        assertCandle(minutes.get(1), T0 + 60_000, "101", "101", "101", "101", "4");
        assertCandle(store.candles(CandleLevel.M15, null, 10).getFirst(), T0, "100", "105", "95", "101", "10");
        assertThat(store.candles(CandleLevel.W1, null, 10)).hasSize(1);
    }

    @Test
    void binsWithoutTradesAreFlatAtThePreviousClose() {
        CandleStore store = new CandleStore(100);
        trade(store, T0, "100", "1");
        trade(store, T0 + 3 * 60_000, "110", "1");
        List<Candle> minutes = store.candles(CandleLevel.M1, null, 10);
        assertThat(minutes).extracting(Candle::time).containsExactly(T0, T0 + 60_000, T0 + 120_000, T0 + 180_000);
        assertCandle(minutes.get(1), T0 + 60_000, "100", "100", "100", "100", "0");
    }

    @Test
    void sinceSelectsFromTheBinHoldingItAndLimitCaps() {
        CandleStore store = new CandleStore(100);
        for (int minute = 0; minute < 10; minute++) {
            trade(store, T0 + minute * 60_000L, String.valueOf(100 + minute), "1");
        }
        assertThat(store.candles(CandleLevel.M1, T0 + 5 * 60_000L + 30_000, 3))
                .extracting(Candle::time)
                .containsExactly(T0 + 300_000, T0 + 360_000, T0 + 420_000);
        assertThat(store.candles(CandleLevel.M1, null, 2))
                .extracting(Candle::time)
                .containsExactly(T0 + 480_000, T0 + 540_000);
    }

    @Test
    void keepsOnlyTheLatestCandlesPerLevel() {
        CandleStore store = new CandleStore(5);
        for (int minute = 0; minute < 20; minute++) {
            trade(store, T0 + minute * 60_000L, "100", "1");
        }
        assertThat(store.candles(CandleLevel.M1, null, 100)).hasSize(5).first().satisfies(candle -> assertThat(
                        candle.time())
                .isEqualTo(T0 + 15 * 60_000L));
    }

    @Test
    void refusesTradesOlderThanTheFormingCandle() {
        CandleStore store = new CandleStore(5);
        trade(store, T0 + 120_000, "100", "1");
        assertThatThrownBy(() -> trade(store, T0, "100", "1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void linkShapeHasTheSeedKeys() {
        Candle candle = new Candle(
                T0,
                new BigDecimal("1"),
                new BigDecimal("2"),
                new BigDecimal("0.5"),
                new BigDecimal("1.5"),
                new BigDecimal("10"));
        assertThat(candle.toLink())
                .containsOnlyKeys("open", "high", "low", "close", "volume", "time")
                .containsEntry("time", T0)
                .containsEntry("high", 2.0);
    }

    private static void trade(CandleStore store, long time, String price, String size) {
        store.add(time, new BigDecimal(price), new BigDecimal(size));
    }

    private static void assertCandle(
            Candle candle, long time, String open, String high, String low, String close, String volume) {
        assertThat(candle.time()).isEqualTo(time);
        assertThat(candle.open()).isEqualByComparingTo(open);
        assertThat(candle.high()).isEqualByComparingTo(high);
        assertThat(candle.low()).isEqualByComparingTo(low);
        assertThat(candle.close()).isEqualByComparingTo(close);
        assertThat(candle.volume()).isEqualByComparingTo(volume);
    }
}
