package dev.botlink.platform.marketdata;

import dev.botlink.platform.venue.Rejection;
import dev.botlink.platform.venue.VenueRejection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The 13 candle levels of the Link API. Bins are epoch aligned: a bin starts at a multiple of the level's length
 * since 1970-01-01T00:00Z, so days start at 00:00 UTC and weeks on Thursday 00:00 UTC (the epoch's weekday).
 */
public enum CandleLevel {
    M1("1m", 60_000L),
    M3("3m", 180_000L),
    M5("5m", 300_000L),
    M15("15m", 900_000L),
    M30("30m", 1_800_000L),
    H1("1h", 3_600_000L),
    H2("2h", 7_200_000L),
    H3("3h", 10_800_000L),
    H4("4h", 14_400_000L),
    H6("6h", 21_600_000L),
    H12("12h", 43_200_000L),
    D1("1d", 86_400_000L),
    W1("1w", 604_800_000L);

    /** Most timestamps {@link #timeRange} returns: a longer range is a mistake in the caller's arguments. */
    public static final int MAX_RANGE = 100_000;

    private final String link;
    private final long millis;

    CandleLevel(String link, long millis) {
        this.link = link;
        this.millis = millis;
    }

    public String link() {
        return link;
    }

    public long millis() {
        return millis;
    }

    /**
     * Parses a level such as "15m".
     *
     * @throws VenueRejection {@link Rejection#UNKNOWN_LEVEL} naming the valid levels
     */
    public static CandleLevel parse(String text) {
        for (CandleLevel level : values()) {
            if (level.link.equals(text)) {
                return level;
            }
        }
        throw new VenueRejection(
                Rejection.UNKNOWN_LEVEL,
                "unknown level '" + text + "': use one of "
                        + Arrays.stream(values()).map(CandleLevel::link).collect(Collectors.joining(", ")));
    }

    /** {@code candle_bin}: the start of the bin holding {@code epochMs}, or with {@code ceil} the next bin edge. */
    public long bin(long epochMs, boolean ceil) {
        long floor = Math.floorDiv(epochMs, millis) * millis;
        return ceil && floor != epochMs ? floor + millis : floor;
    }

    /**
     * {@code time_range}: timestamps from {@code start} to {@code end} inclusive, {@code millis()} apart, without
     * {@code start} unless {@code includeStart}.
     *
     * @throws VenueRejection {@link Rejection#INVALID_ARGUMENT} if the range would exceed {@link #MAX_RANGE} values
     */
    public List<Long> timeRange(long start, long end, boolean includeStart) {
        long first = includeStart ? start : start + millis;
        if (end < first) {
            return List.of();
        }
        long count = (end - first) / millis + 1;
        if (count > MAX_RANGE) {
            throw new VenueRejection(
                    Rejection.INVALID_ARGUMENT,
                    "time_range would return " + count + " values at level " + link + "; the most is " + MAX_RANGE);
        }
        List<Long> range = new ArrayList<>((int) count);
        for (long t = first; t <= end; t += millis) {
            range.add(t);
        }
        return range;
    }
}
