package dev.botlink.platform.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.botlink.marketplace.metrics.EquityPoint;
import dev.botlink.marketplace.metrics.PerformanceCalculator;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerformanceDailyClosesTest {

    private static final long START = Instant.parse("2026-11-20T09:00:00Z").toEpochMilli();
    private static final long MINUTE = Duration.ofMinutes(1).toMillis();

    @Test
    void keepsTheFirstPointAndTheLastPointOfEveryUtcDay() {
        List<EquityPoint> equity = new ArrayList<>();
        for (long t = START; t < START + Duration.ofDays(2).toMillis(); t += 30 * MINUTE) {
            equity.add(point(t, "100"));
        }

        List<EquityPoint> closes = Performance.dailyCloses(equity);

        assertThat(closes)
                .extracting(EquityPoint::timeMillis)
                .containsExactly(
                        START,
                        Instant.parse("2026-11-20T23:30:00Z").toEpochMilli(),
                        Instant.parse("2026-11-21T23:30:00Z").toEpochMilli(),
                        Instant.parse("2026-11-22T08:30:00Z").toEpochMilli());
    }

    @Test
    void anHourOfMinuteSamplesWithOneFeeHasNoSharpeRatioYet() {
        List<EquityPoint> equity = new ArrayList<>();
        for (int minute = 0; minute <= 60; minute++) {
            equity.add(point(START + minute * MINUTE, minute < 10 ? "100000" : "99999.5"));
        }

        var daily = PerformanceCalculator.compute(List.of(), Performance.dailyCloses(equity), 365);
        var perMinute = PerformanceCalculator.compute(List.of(), equity, 525_600);

        assertThat(daily.sharpe()).isEmpty();
        assertThat(perMinute.sharpe().getAsDouble()).isLessThan(-10);
    }

    @Test
    void daysOfHistoryGiveADailySharpeRatio() {
        String[] closes = {"100000", "100500", "100300", "101000", "101200"};
        List<EquityPoint> equity = new ArrayList<>();
        for (int day = 0; day < closes.length; day++) {
            equity.add(point(START + Duration.ofDays(day).toMillis(), closes[day]));
        }

        var daily = PerformanceCalculator.compute(List.of(), Performance.dailyCloses(equity), 365);

        assertThat(daily.sharpe()).isPresent();
        assertThat(daily.sharpe().getAsDouble()).isBetween(5.0, 30.0);
    }

    private static EquityPoint point(long time, String equity) {
        return new EquityPoint(time, new BigDecimal(equity));
    }
}
