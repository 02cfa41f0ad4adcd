package dev.botlink.sandbox.bot;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One thread per worker that keeps bots inside their limits: it interrupts callbacks over their time budget
 * (every 100 ms), stops a bot that keeps a CPU core busy for a whole window, or has a thread that never
 * sleeps or waits during a whole window (an infinite loop in on_start or a thread), and when the heap stays nearly full for 300 ms it stops the bot that allocated most recently.
 */
final class Watchdog implements AutoCloseable {
    private static final long TICK_MILLIS = 100;
    private static final int USAGE_EVERY_TICKS = 10;
    /** Ticks in a row the heap must stay nearly full: a fast-growing bot fills a small heap within seconds. */
    private static final int HEAP_STRIKES = 3;
    /** Ticks to wait after stopping a bot for memory, so the collector can reclaim it before judging again. */
    private static final int HEAP_COOLDOWN_TICKS = 30;

    private final Supplier<List<PythonBot>> bots;
    private final BotLimits limits;
    private final com.sun.management.ThreadMXBean threadBean =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Map<PythonBot, Usage> usage = new WeakHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("bot-watchdog").factory());
    private int ticks;
    private int heapStrikes;
    private int heapCooldown;

    /** CPU and allocation deltas of one bot over the last samples. */
    private static final class Usage {
        final Map<Long, long[]> lastByThread = new HashMap<>();
        final Map<Long, long[]> runnableStreak = new HashMap<>();
        final ArrayDeque<long[]> window = new ArrayDeque<>();
        long cpuInWindow;
        long allocatedInWindow;
    }

    Watchdog(Supplier<List<PythonBot>> bots, BotLimits limits) {
        this.bots = bots;
        this.limits = limits;
        timer.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            long now = System.nanoTime();
            List<PythonBot> current = bots.get();
            current.forEach(bot -> bot.checkBudget(now));
            if (++ticks % USAGE_EVERY_TICKS == 0) {
                sampleUsage(current);
            }
            checkHeap(current);
        } catch (RuntimeException e) {
            // The watchdog must survive anything a single bot does.
        }
    }

    private void sampleUsage(List<PythonBot> current) {
        int samples = (int) Math.max(1, limits.cpuWindow().toMillis() / (TICK_MILLIS * USAGE_EVERY_TICKS));
        for (PythonBot bot : current) {
            Usage u = usage.computeIfAbsent(bot, b -> new Usage());
            long[] delta = {0, 0};
            int longestStreak = 0;
            List<Thread> threads = bot.accountThreads();
            var alive = threads.stream().map(Thread::threadId).collect(java.util.stream.Collectors.toSet());
            u.runnableStreak.keySet().retainAll(alive);
            u.lastByThread.keySet().retainAll(alive);
            bot.reportDroppedLogs();
            for (Thread thread : threads) {
                long tid = thread.threadId();
                long cpuNow = Math.max(0, threadBean.getThreadCpuTime(tid));
                // On a crowded machine a busy loop gets only part of a core, so also watch for a pool thread (the
                // event loop has the callback budget) that is runnable at every sample of a whole window, burning
                // real CPU all along: it never sleeps or waits.
                long[] streak = u.runnableStreak.computeIfAbsent(tid, t -> new long[] {0, cpuNow});
                if (thread.getState() == Thread.State.RUNNABLE && !bot.isLoopThread(thread)) {
                    streak[0]++;
                } else {
                    streak[0] = 0;
                    streak[1] = cpuNow;
                }
                long streakNanos = streak[0] * TICK_MILLIS * USAGE_EVERY_TICKS * 1_000_000;
                if (streak[0] >= samples && cpuNow - streak[1] >= streakNanos / 10) {
                    longestStreak = (int) Math.max(longestStreak, streak[0]);
                }
                long cpu = bot.isLoopThread(thread) ? 0 : cpuNow;
                long allocated = Math.max(0, threadBean.getThreadAllocatedBytes(tid));
                long[] last = u.lastByThread.getOrDefault(tid, new long[] {0, 0});
                delta[0] += Math.max(0, cpu - last[0]);
                delta[1] += Math.max(0, allocated - last[1]);
                u.lastByThread.put(tid, new long[] {cpu, allocated});
            }
            u.window.addLast(delta);
            u.cpuInWindow += delta[0];
            u.allocatedInWindow += delta[1];
            if (u.window.size() > samples) {
                long[] old = u.window.removeFirst();
                u.cpuInWindow -= old[0];
                u.allocatedInWindow -= old[1];
            }
            long limit = (long) (limits.cpuShare() * limits.cpuWindow().toNanos());
            boolean busy = u.window.size() >= samples && u.cpuInWindow > limit;
            // A backtest keeps its threads busy by design; a bot in simulated time that loops is caught by the step's
            // budget instead (it never settles).
            if ((busy || longestStreak >= samples)
                    && bot.state() == PythonBot.State.RUNNING
                    && bot.simulation() == null) {
                bot.stopAsync(
                        "the bot kept a CPU core busy for " + limits.cpuWindow().toSeconds()
                                + " s (an endless loop without time.sleep?)",
                        true);
            }
        }
    }

    private void checkHeap(List<PythonBot> current) {
        if (heapCooldown > 0) {
            heapCooldown--;
            return;
        }
        var heap = memory.getHeapMemoryUsage();
        boolean nearlyFull = heap.getMax() > 0 && heap.getUsed() > limits.heapShare() * heap.getMax();
        heapStrikes = nearlyFull ? heapStrikes + 1 : 0;
        if (heapStrikes < HEAP_STRIKES) {
            return;
        }
        heapStrikes = 0;
        heapCooldown = HEAP_COOLDOWN_TICKS;
        current.stream()
                .filter(bot -> bot.state() == PythonBot.State.RUNNING)
                .max((a, b) -> Long.compare(allocated(a), allocated(b)))
                .ifPresent(bot -> bot.stopAsync(
                        "the worker is nearly out of memory and this bot allocated the most ("
                                + allocated(bot) / (1024 * 1024) + " MB recently)",
                        true));
    }

    private long allocated(PythonBot bot) {
        Usage u = usage.get(bot);
        return u == null ? 0 : u.allocatedInWindow;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
