package dev.botlink.platform.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real recordings of ta4j-examples, loaded and looped. */
class RecordedReplayTest {

    private static RecordedTape btc;
    private static RecordedTape eth;

    @BeforeAll
    static void load() {
        btc = RecordedTape.bitstampBtcUsd();
        eth = RecordedTape.binanceEthUsd5m();
    }

    @Test
    void bitstampTapeHoldsAboutOneHundredThousandTradesInTimeOrder() {
        assertThat(btc.trades()).hasSizeGreaterThan(99_000);
        assertThat(btc.trades().getFirst().time()).isZero();
        assertThat(btc.trades().getFirst().price()).isEqualByComparingTo("800.01");
        assertThat(btc.duration()).isBetween(6 * 86_400_000L, 7 * 86_400_000L);
        for (int i = 1; i < btc.trades().size(); i++) {
            assertThat(btc.trades().get(i).time())
                    .isGreaterThanOrEqualTo(btc.trades().get(i - 1).time());
        }
    }

    @Test
    void ethBarsBecomeTradesVisitingEachBarsHighAndLow() {
        assertThat(eth.trades().size() % RecordedTape.TRADES_PER_BAR).isZero();
        List<TapeTrade> firstBar = eth.trades().subList(0, RecordedTape.TRADES_PER_BAR);
        // first bar of the recording: open 1673.58, high 1677.62, low 1672.44, close 1672.99
        assertThat(firstBar.getFirst().price()).isEqualByComparingTo("1673.58");
        assertThat(firstBar.getLast().price()).isEqualByComparingTo("1672.99");
        assertThat(firstBar.stream()
                        .map(TapeTrade::price)
                        .max(Comparable::compareTo)
                        .orElseThrow())
                .isEqualByComparingTo("1677.62");
        assertThat(firstBar.stream()
                        .map(TapeTrade::price)
                        .min(Comparable::compareTo)
                        .orElseThrow())
                .isEqualByComparingTo("1672.44");
        assertThat(firstBar.getLast().time()).isLessThan(300_000L);
    }

    @Test
    void theReplayIsShiftedToItsAnchorAndLoopsWithoutAJump() {
        long anchor = 1_800_000_000_000L;
        LoopingReplay replay = new LoopingReplay(eth, anchor);
        int n = eth.trades().size();
        List<TapeTrade> played = new ArrayList<>();
        for (int i = 0; i < 2 * n + 5; i++) {
            played.add(replay.next());
        }
        assertThat(played.getFirst().time()).isEqualTo(anchor);
        for (int i = 1; i < played.size(); i++) {
            assertThat(played.get(i).time())
                    .as("time order at %d", i)
                    .isGreaterThan(played.get(i - 1).time());
        }
        // forward pass ends where the backward pass starts; backward ends where the next forward starts
        assertThat(played.get(n).price()).isEqualByComparingTo(played.get(n - 1).price());
        assertThat(played.get(2 * n).price())
                .isEqualByComparingTo(played.get(2 * n - 1).price());
        assertThat(played.get(2 * n).price())
                .isEqualByComparingTo(eth.trades().getFirst().price());
        assertThat(played.get(n).time() - played.get(n - 1).time()).isEqualTo(LoopingReplay.TURN_PAUSE_MILLIS);
    }
}
