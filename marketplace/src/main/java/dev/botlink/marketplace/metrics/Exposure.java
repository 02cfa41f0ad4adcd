package dev.botlink.marketplace.metrics;

import java.math.BigDecimal;
import java.util.List;

/** Share of the equity curve's time span during which the fills left a position open. */
final class Exposure {
    private Exposure() {}

    static double of(List<Fill> fills, List<EquityPoint> equity) {
        long start = equity.getFirst().timeMillis();
        long end = equity.getLast().timeMillis();
        if (end <= start) {
            return 0;
        }
        BigDecimal position = BigDecimal.ZERO;
        long openSince = start;
        long exposed = 0;
        for (Fill fill : fills) {
            long at = Math.clamp(fill.timeMillis(), start, end);
            BigDecimal next = position.add(fill.signedSize());
            if (position.signum() == 0 && next.signum() != 0) {
                openSince = at;
            } else if (position.signum() != 0 && next.signum() == 0) {
                exposed += at - openSince;
            }
            position = next;
        }
        if (position.signum() != 0) {
            exposed += end - openSince;
        }
        return (double) exposed / (end - start);
    }
}
