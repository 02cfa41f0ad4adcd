package dev.botlink.sandbox.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedClockTest {
    @Test
    void tasksComeDueInTimeOrderTiesInSchedulingOrderAndOnlyUpToTheLimit() {
        var clock = new SimulatedClock(1_000_000);
        List<String> ran = new ArrayList<>();
        clock.schedule(Duration.ofSeconds(3), () -> ran.add("c@3"));
        clock.schedule(Duration.ofSeconds(1), () -> ran.add("a@1"));
        clock.schedule(Duration.ofSeconds(3), () -> ran.add("d@3"));
        clock.schedule(Duration.ofMillis(1500), () -> ran.add("b@1.5"));
        clock.schedule(Duration.ofSeconds(10), () -> ran.add("late"));

        List<Long> times = new ArrayList<>();
        Runnable due;
        while ((due = clock.nextDue(4_000_000)) != null) {
            times.add(clock.epochMicros());
            due.run();
        }
        assertThat(ran).containsExactly("a@1", "b@1.5", "c@3", "d@3");
        assertThat(times).containsExactly(2_000_000L, 2_500_000L, 4_000_000L, 4_000_000L);
        assertThat(clock.epochMicros()).isEqualTo(4_000_000);
        assertThat(clock.pending()).isEqualTo(1);
    }

    @Test
    void theClockStandsStillUntilMovedAndNeverGoesBack() {
        var clock = new SimulatedClock(5_000_000);
        assertThat(clock.epochMicros()).isEqualTo(5_000_000);
        clock.advanceTo(7_000_000);
        clock.advanceTo(6_000_000);
        assertThat(clock.epochMicros()).isEqualTo(7_000_000);
        var zero = new ArrayList<String>();
        clock.schedule(Duration.ZERO, () -> zero.add("now"));
        clock.nextDue(7_000_000).run();
        assertThat(zero).containsExactly("now");
        assertThat(clock.epochMicros()).isEqualTo(7_000_000);
    }

    @Test
    void cancelledTasksNeverComeDue() {
        var clock = new SimulatedClock(0);
        var scheduled = clock.schedule(Duration.ofSeconds(1), () -> {});
        scheduled.cancel();
        scheduled.cancel();
        assertThat(clock.nextDue(Long.MAX_VALUE)).isNull();
        assertThat(clock.epochMicros()).isZero();
    }
}
