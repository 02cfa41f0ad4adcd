package dev.botlink.sandbox.time;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The live clock: wall time, with one shared scheduler thread for every bot of a worker. */
public final class WallClock implements BotClock {
    private static final ScheduledThreadPoolExecutor SCHEDULER = scheduler();

    private static ScheduledThreadPoolExecutor scheduler() {
        var executor = new ScheduledThreadPoolExecutor(
                1, Thread.ofPlatform().daemon().name("bot-clock").factory());
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    @Override
    public long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    @Override
    public Scheduled schedule(Duration delay, Runnable task) {
        var future = SCHEDULER.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }
}
