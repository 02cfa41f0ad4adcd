package dev.botlink.platform.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticTradesTest {

    @Test
    void theSameSeedGivesTheSameTape() {
        List<TapeTrade> first = take(new SyntheticTrades(7, 0, 100, 0.8, 2, 5), 1000);
        List<TapeTrade> second = take(new SyntheticTrades(7, 0, 100, 0.8, 2, 5), 1000);
        assertThat(first).isEqualTo(second);
        assertThat(take(new SyntheticTrades(8, 0, 100, 0.8, 2, 5), 1000)).isNotEqualTo(first);
    }

    @Test
    void tradesArePositiveInTimeOrderAndArriveAtAboutTheRequestedRate() {
        List<TapeTrade> trades = take(new SyntheticTrades(1, 0, 100, 0.8, 2, 5), 20_000);
        for (int i = 1; i < trades.size(); i++) {
            assertThat(trades.get(i).time()).isGreaterThan(trades.get(i - 1).time());
            assertThat(trades.get(i).price().signum()).isPositive();
            assertThat(trades.get(i).size().signum()).isPositive();
        }
        double perSecond = trades.size() / (trades.getLast().time() / 1000.0);
        assertThat(perSecond).isBetween(1.0, 4.0);
    }

    @Test
    void volatilityClusters() {
        // Squared returns per second of gap are positively autocorrelated under GARCH; i.i.d. would give about zero.
        List<TapeTrade> trades = take(new SyntheticTrades(3, 0, 100, 0.8, 2, 5), 50_000);
        double[] squared = new double[trades.size() - 1];
        for (int i = 1; i < trades.size(); i++) {
            double r = Math.log(trades.get(i).price().doubleValue()
                    / trades.get(i - 1).price().doubleValue());
            double seconds = (trades.get(i).time() - trades.get(i - 1).time()) / 1000.0;
            squared[i - 1] = r * r / seconds;
        }
        assertThat(autocorrelation(squared, 1)).isGreaterThan(0.05);
    }

    @Test
    void takerSideFollowsTheMove() {
        List<TapeTrade> trades = take(new SyntheticTrades(5, 0, 100, 0.8, 2, 5), 200);
        for (int i = 1; i < trades.size(); i++) {
            int move = trades.get(i).price().compareTo(trades.get(i - 1).price());
            if (move != 0) {
                assertThat(trades.get(i).side().sign()).isEqualTo(move);
            }
        }
    }

    private static double autocorrelation(double[] x, int lag) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double num = 0;
        double den = 0;
        for (int i = 0; i < x.length; i++) {
            den += (x[i] - mean) * (x[i] - mean);
            if (i >= lag) {
                num += (x[i] - mean) * (x[i - lag] - mean);
            }
        }
        return num / den;
    }

    private static List<TapeTrade> take(TradeSource source, int count) {
        List<TapeTrade> trades = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            assertThat(source.peekTime()).isNotNegative();
            trades.add(source.next());
        }
        return trades;
    }
}
