package dev.botlink.sandbox.bot;

import dev.botlink.sandbox.time.BotClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.graalvm.polyglot.Value;

/**
 * The bounded pool of host threads one bot may use (guest code cannot create threads): on_start,
 * threading.Thread, create_thread, timers and cron jobs when they fire, webhook calls. Timers wait on the bot's
 * clock without holding a thread. A request beyond the cap fails with a clear error instead of queueing.
 */
final class BotThreads {
    private final PythonBot bot;
    private final int maxTimers;
    private final ThreadPoolExecutor pool;
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final Map<Long, BotClock.Scheduled> timers = new ConcurrentHashMap<>();
    private final AtomicLong nextHandle = new AtomicLong(1);

    BotThreads(PythonBot bot, int maxThreads, int maxTimers) {
        this.bot = bot;
        this.maxTimers = maxTimers;
        var counter = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(0, maxThreads, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = Thread.ofPlatform()
                    .daemon()
                    .name("bot-" + bot.id() + "-t" + counter.incrementAndGet())
                    .stackSize(PythonBot.STACK_BYTES)
                    .unstarted(() -> {
                        try {
                            task.run();
                        } finally {
                            threads.remove(Thread.currentThread());
                        }
                    });
            threads.add(thread);
            return thread;
        });
    }

    /** Runs a Python callable on a pool thread; returns null, or an error for the guest when the cap is reached. */
    String spawn(Value target, String name) {
        return run(name, () -> bot.runGuest(name, target::executeVoid)) ? null : capError(name);
    }

    /** Runs host work that enters the guest (on_start, webhooks) on a pool thread; false when the cap is reached. */
    boolean run(String name, Runnable work) {
        Simulation simulation = bot.simulation();
        if (simulation != null) {
            return runCounted(simulation, name, work);
        }
        try {
            pool.execute(work);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** Simulated-time mode: the work counts as running (the bot is not quiescent) from now until it ends. */
    private boolean runCounted(Simulation simulation, String name, Runnable work) {
        simulation.begin(name);
        try {
            pool.execute(simulation.counted(name, work));
            return true;
        } catch (RejectedExecutionException e) {
            simulation.end(name);
            return false;
        }
    }

    Object schedule(Duration delay, Value target, String name) {
        if (timers.size() >= maxTimers) {
            return "!RuntimeError:the bot already has " + maxTimers + " timers waiting; cancel some first";
        }
        long handle = nextHandle.getAndIncrement();
        timers.put(handle, bot.clock().schedule(delay, () -> {
            timers.remove(handle);
            Runnable work = () -> bot.runGuestWithin(name, bot.limits().timerBudget(), () -> {}, target::executeVoid);
            if (!run(name, work)) {
                bot.log("ERROR", capError(name) + " (timer dropped)");
            }
        }));
        return handle;
    }

    void cancel(long handle) {
        var timer = timers.remove(handle);
        if (timer != null) {
            timer.cancel();
        }
    }

    private String capError(String name) {
        return "!RuntimeError:cannot start " + name + ": the bot already runs " + pool.getMaximumPoolSize()
                + " threads, the most a bot may use";
    }

    /** Threads currently running this bot's work (for CPU and allocation accounting). */
    List<Thread> threads() {
        return List.copyOf(threads);
    }

    int active() {
        return pool.getActiveCount();
    }

    void shutdown() {
        timers.values().forEach(BotClock.Scheduled::cancel);
        timers.clear();
        pool.shutdownNow();
    }
}
