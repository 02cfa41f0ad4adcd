package dev.botlink.sandbox.bot;

import dev.botlink.sandbox.time.BotClock;
import dev.botlink.sandbox.time.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Simulated-time mode of one bot (backtests): knows when the bot is quiescent and runs the host's STEP requests.
 *
 * <p>The bot is quiescent when its event queue is empty (or its event loop is parked in a simulated sleep), no
 * callback runs, every pool thread is idle or parked in a simulated wait, and every host call it made has been
 * answered. Work is counted before it is handed over (an event queued, a pool task submitted, a sleeper woken) and
 * uncounted when it ends, all under this object's monitor, so a quiescent reading is never a gap between two pieces
 * of work. None of this runs for live bots.
 */
final class Simulation {
    /** Most timers, cron runs and sleeps that may fall due in one step. */
    static final int MAX_WAKEUPS_PER_STEP = 100_000;

    /** Most points one step may carry (the host checks the same bound). */
    static final int MAX_POINTS = 10_000;

    /** Most events one point may carry (the host checks the same bound). */
    static final int MAX_EVENTS_PER_POINT = 1_000;

    /** How long a step waits for a bot that is still loading its script. */
    static final Duration START_WAIT = Duration.ofSeconds(120);

    private static final ThreadLocal<String> WORK = new ThreadLocal<>();

    /** A step that cannot go on; {@code stopBot} when the bot is left in an unknown state and must stop. */
    static final class StepFailure extends Exception {
        final boolean stopBot;

        StepFailure(String message, boolean stopBot) {
            super(message, null, false, false);
            this.stopBot = stopBot;
        }
    }

    private final PythonBot bot;
    private final SimulatedClock clock;
    private final Duration budget;
    private final AtomicBoolean stepping = new AtomicBoolean();
    /** What runs now (callbacks, pool work by name), for error messages. Guarded by this. */
    private final Map<String, Integer> busy = new TreeMap<>();
    /** Threads doing bot work: pool work submitted or running (not parked), the loop running a task. */
    private int active;

    private boolean loopParked;
    private int callsOpen;
    private long callNanos;
    private volatile boolean cut;

    Simulation(PythonBot bot, SimulatedClock clock, Duration budget) {
        this.bot = bot;
        this.clock = clock;
        this.budget = budget;
        begin("loading the script");
    }

    SimulatedClock clock() {
        return clock;
    }

    /** Counts work handed to a pool thread (before it is submitted). */
    synchronized void begin(String what) {
        active++;
        busy.merge(what, 1, Integer::sum);
    }

    /** Uncounts work that ended (or was never started). */
    synchronized void end(String what) {
        active--;
        busy.computeIfPresent(what, (k, n) -> n == 1 ? null : n - 1);
        notifyAll();
    }

    /** Wraps pool work so that it is counted until it ends and its thread knows its name (for sleeps). */
    Runnable counted(String what, Runnable work) {
        return () -> {
            WORK.set(what);
            try {
                work.run();
            } finally {
                WORK.remove();
                end(what);
            }
        };
    }

    /** The event loop's next task, counted as running before it leaves the queue. */
    <T> T take(BlockingQueue<T> queue, Function<T, String> name) throws InterruptedException {
        synchronized (this) {
            T task;
            while ((task = queue.poll()) == null) {
                if (!bot.isRunning()) {
                    throw new InterruptedException("the bot stopped");
                }
                // Events from the stepper notify; others (redis messages) are picked up by the timed wait.
                wait(50);
            }
            active++;
            busy.merge(name.apply(task), 1, Integer::sum);
            return task;
        }
    }

    synchronized void queued() {
        notifyAll();
    }

    /**
     * time.sleep (and the waits built on it) in simulated time: parks the calling thread until the stepper moves
     * the clock past the deadline. Returns null, or an error for the guest.
     */
    String sleep(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "!ValueError:sleep length must be a finite number of seconds >= 0";
        }
        if (seconds > 366 * 86_400.0) {
            return "!ValueError:sleep length must be at most one year";
        }
        if (seconds == 0) {
            return null;
        }
        boolean onLoop = bot.isLoopThread(Thread.currentThread());
        String what = onLoop ? bot.runningCallbackName() : WORK.get();
        String name = what == null ? Thread.currentThread().getName() : what;
        var woken = new CountDownLatch(1);
        var done = new AtomicBoolean();
        Runnable wake = () -> {
            if (done.compareAndSet(false, true)) {
                resume(name, onLoop);
                woken.countDown();
            }
        };
        BotClock.Scheduled handle;
        synchronized (this) {
            handle = clock.schedule(Duration.ofNanos((long) (seconds * 1e9)), wake);
            active--;
            busy.computeIfPresent(name, (k, n) -> n == 1 ? null : n - 1);
            loopParked |= onLoop;
            notifyAll();
        }
        Object pause = bot.pauseBudget();
        try {
            woken.await();
            return null;
        } catch (InterruptedException e) {
            handle.cancel();
            if (done.compareAndSet(false, true)) {
                resume(name, onLoop);
            }
            Thread.currentThread().interrupt();
            return "!RuntimeError:the bot is stopping";
        } finally {
            bot.resumeBudget(pause);
        }
    }

    private synchronized void resume(String name, boolean onLoop) {
        active++;
        busy.merge(name, 1, Integer::sum);
        if (onLoop) {
            loopParked = false;
        }
    }

    synchronized void callOpened() {
        callsOpen++;
    }

    /** A host call was answered after {@code nanos}; a reply marked cut ends the step after its point. */
    synchronized Map<String, Object> callAnswered(long nanos, Map<String, Object> reply) {
        callsOpen--;
        callNanos += nanos;
        notifyAll();
        if (reply != null && reply.containsKey("cut")) {
            cut |= Boolean.TRUE.equals(reply.get("cut"));
            var copy = new HashMap<>(reply);
            copy.remove("cut");
            return copy;
        }
        return reply;
    }

    /**
     * Runs one STEP request; returns the reply body {processed, now, state, cut} or {error}. Runs on its own thread
     * (it waits for the bot).
     */
    Map<String, Object> step(Object pointsValue, Function<Map<String, Object>, Void> deliver) {
        if (!stepping.compareAndSet(false, true)) {
            return Map.of("error", "bot " + bot.id() + ": another step is in progress");
        }
        int processed = 0;
        try {
            List<Point> points = parse(pointsValue);
            awaitRunning();
            settle("before the step", processed);
            cut = false;
            int wakeups = 0;
            for (Point point : points) {
                if (point.micros() < clock.epochMicros()) {
                    throw new StepFailure(
                            "step point " + iso(point.micros()) + " is before the bot's simulated time "
                                    + iso(clock.epochMicros()),
                            false);
                }
                Runnable due;
                while ((due = clock.nextDue(point.micros())) != null) {
                    if (++wakeups > MAX_WAKEUPS_PER_STEP) {
                        throw new StepFailure(
                                "more than " + MAX_WAKEUPS_PER_STEP + " timers, cron runs and sleeps fell due in one"
                                        + " step (at " + iso(clock.epochMicros()) + "): send shorter steps",
                                false);
                    }
                    due.run();
                    settle("timers due at " + iso(clock.epochMicros()), processed);
                }
                clock.advanceTo(point.micros());
                for (Map<String, Object> event : point.events()) {
                    deliver.apply(event);
                }
                queued();
                settle("the events at " + iso(point.micros()), processed);
                processed++;
                if (cut) {
                    break;
                }
            }
            var reply = new HashMap<String, Object>();
            reply.put("processed", processed);
            reply.put("now", clock.epochMicros());
            reply.put("state", "running");
            reply.put("cut", cut);
            return reply;
        } catch (StepFailure e) {
            if (e.stopBot) {
                bot.stopAsync(e.getMessage(), true);
            }
            return Map.of("error", "bot " + bot.id() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of("error", "bot " + bot.id() + ": the worker is shutting down");
        } finally {
            stepping.set(false);
        }
    }

    private record Point(long micros, List<Map<String, Object>> events) {}

    @SuppressWarnings("unchecked")
    private static List<Point> parse(Object value) throws StepFailure {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new StepFailure("a step needs a non-empty list of points", false);
        }
        if (list.size() > MAX_POINTS) {
            throw new StepFailure("a step carries at most " + MAX_POINTS + " points, not " + list.size(), false);
        }
        var points = new ArrayList<Point>(list.size());
        long previous = Long.MIN_VALUE;
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> map) || !(map.get("t") instanceof Number t)) {
                throw new StepFailure("every step point needs a time t in epoch microseconds", false);
            }
            long micros = t.longValue();
            if (micros <= previous) {
                throw new StepFailure("step points must be strictly ascending in time", false);
            }
            previous = micros;
            Object events = map.get("events");
            var parsed = new ArrayList<Map<String, Object>>();
            if (events instanceof List<?> eventList) {
                if (eventList.size() > MAX_EVENTS_PER_POINT) {
                    throw new StepFailure(
                            "a step point carries at most " + MAX_EVENTS_PER_POINT + " events, not " + eventList.size(),
                            false);
                }
                for (Object event : eventList) {
                    if (!(event instanceof Map<?, ?> e) || !(e.get("kind") instanceof String)) {
                        throw new StepFailure("every step event needs a kind", false);
                    }
                    parsed.add((Map<String, Object>) e);
                }
            } else if (events != null) {
                throw new StepFailure("a step point's events must be a list", false);
            }
            points.add(new Point(micros, parsed));
        }
        return points;
    }

    private void awaitRunning() throws StepFailure, InterruptedException {
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        synchronized (this) {
            while (bot.state() == PythonBot.State.STARTING) {
                if (System.nanoTime() > deadline) {
                    throw new StepFailure(
                            "the bot did not finish loading within " + START_WAIT.toSeconds() + " s", true);
                }
                wait(50);
            }
        }
        if (!bot.isRunning()) {
            throw new StepFailure("the bot is not running (see its log)", false);
        }
    }

    /** Waits until the bot is quiescent, at most the budget of wall time not spent in host calls. */
    private void settle(String during, int processed) throws StepFailure, InterruptedException {
        long start = System.nanoTime();
        synchronized (this) {
            long callsBefore = callNanos;
            while (!quiescent()) {
                if (!bot.isRunning()) {
                    throw stopped(during, processed);
                }
                long spent = System.nanoTime() - start - (callNanos - callsBefore);
                long left = budget.toNanos() - spent;
                if (left <= 0 && callsOpen == 0) {
                    throw new StepFailure(
                            "the bot did not settle within its budget of " + budget.toMillis() + " ms of wall time"
                                    + " while running " + during + " (still busy: " + describeBusy()
                                    + "); a backtest needs callbacks, threads and timers that finish or wait"
                                    + " (time.sleep) rather than loop",
                            true);
                }
                wait(Math.max(1, Math.min(50, left / 1_000_000)));
            }
        }
        if (!bot.isRunning()) {
            throw stopped(during, processed);
        }
    }

    private StepFailure stopped(String during, int processed) {
        return new StepFailure(
                "the bot stopped while running " + during + " after " + processed + " points (see its log)", false);
    }

    private boolean quiescent() {
        return active <= 0 && callsOpen <= 0 && (loopParked || bot.queueEmpty());
    }

    private String describeBusy() {
        if (busy.isEmpty()) {
            return callsOpen > 0 ? callsOpen + " host calls" : "events waiting";
        }
        var parts = new ArrayList<String>();
        busy.forEach((what, n) -> parts.add(n == 1 ? what : what + " x" + n));
        return String.join(", ", parts);
    }

    static String iso(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L)
                .toString();
    }
}
