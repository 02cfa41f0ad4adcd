package dev.botlink.platform.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.botlink.platform.venue.Rejection;
import dev.botlink.platform.venue.VenueRejection;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CandleLevelTest {

    @Test
    void candleBinRoundsDownAsTheSeedShows() {
        // seed 001: candle_bin(1696016546768, '15m', ceil=False) == 1696015800000
        assertThat(CandleLevel.parse("15m").bin(1696016546768L, false)).isEqualTo(1696015800000L);
    }

    @Test
    void candleBinCeilRoundsUpButKeepsExactEdges() {
        assertThat(CandleLevel.parse("15m").bin(1696016546768L, true)).isEqualTo(1696016700000L);
        assertThat(CandleLevel.parse("15m").bin(1696015800000L, true)).isEqualTo(1696015800000L);
    }

    @Test
    void timeRangeMatchesTheSeedExample() {
        // seed 001: time_range(1696015800000, 1696021200000, '15m', include_start=False)
        assertThat(CandleLevel.parse("15m").timeRange(1696015800000L, 1696021200000L, false))
                .containsExactly(
                        1696016700000L, 1696017600000L, 1696018500000L, 1696019400000L, 1696020300000L, 1696021200000L);
    }

    @Test
    void timeRangeIncludesTheStartByDefault() {
        assertThat(CandleLevel.parse("1h").timeRange(0, 7_200_000L, true)).containsExactly(0L, 3_600_000L, 7_200_000L);
        assertThat(CandleLevel.parse("1h").timeRange(10, 5, true)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "1m,60000",
        "3m,180000",
        "5m,300000",
        "15m,900000",
        "30m,1800000",
        "1h,3600000",
        "2h,7200000",
        "3h,10800000",
        "4h,14400000",
        "6h,21600000",
        "12h,43200000",
        "1d,86400000",
        "1w,604800000"
    })
    void allThirteenLevelsParse(String level, long millis) {
        assertThat(CandleLevel.parse(level).millis()).isEqualTo(millis);
    }

    @Test
    void daysStartAtMidnightUtcAndWeeksOnThursday() {
        long saturdayNoon = 1696075200000L; // 2023-09-30T12:00Z
        assertThat(CandleLevel.D1.bin(saturdayNoon, false)).isEqualTo(1696032000000L);
        assertThat(CandleLevel.W1.bin(saturdayNoon, false)).isEqualTo(1695859200000L); // Thursday 2023-09-28
    }

    @Test
    void anUnknownLevelNamesTheValidOnes() {
        assertThatThrownBy(() -> CandleLevel.parse("10m"))
                .isInstanceOf(VenueRejection.class)
                .hasMessageContaining("1m, 3m, 5m")
                .satisfies(e -> assertThat(((VenueRejection) e).rejection()).isEqualTo(Rejection.UNKNOWN_LEVEL));
        assertThat(Arrays.stream(CandleLevel.values())).hasSize(13);
    }

    @Test
    void aHugeTimeRangeIsRefused() {
        assertThatThrownBy(() -> CandleLevel.M1.timeRange(0, 60_000L * 200_000, true))
                .isInstanceOf(VenueRejection.class)
                .hasMessageContaining("the most is 100000");
    }
}
