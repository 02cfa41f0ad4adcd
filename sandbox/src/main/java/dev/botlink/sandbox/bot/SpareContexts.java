package dev.botlink.sandbox.bot;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.graalvm.polyglot.Engine;

/**
 * A small, bounded set of prepared {@link BotContext}s per worker, so a bot start only has to load the user's
 * script. Each spare is prepared on its own thread, which then waits for a bot and becomes that bot's event loop
 * thread: GraalPy treats the thread that initialised a context as its main thread, and {@code os._exit} on any
 * other thread fails with an internal {@code ThreadDeath} instead of exiting the context (docs/sandbox.md), so
 * the loop thread must be the one that prepared the context. One background thread keeps {@code target} spares
 * ready, one preparation at a time, and waits while the worker's bots keep all cores but one busy. A spare has
 * only ever run Botlink's bootstrap; it is handed to one bot and never comes back. Thread-safe.
 */
final class SpareContexts implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SpareContexts.class.getName());
    /** Most spares a worker keeps, whatever is configured: each costs about an idle bot's memory. */
    static final int MAX_SPARES = 8;

    private static final long RETRY_PAUSE_MILLIS = 5_000;
    /** Longest a start waits for the spare being prepared before it prepares its own. */
    private static final long WAIT_FOR_SPARE_MILLIS = 120_000;
    /** Longest a refill defers to busy bots before it prepares a spare anyway. */
    private static final long MAX_DEFER_MILLIS = 60_000;

    private static final long CPU_SAMPLE_MILLIS = 500;

    /** A prepared context parked on the thread that prepared it, until a bot claims both. */
    private static final class Spare {
        final CountDownLatch prepared = new CountDownLatch(1);
        final CompletableFuture<PythonBot> claim = new CompletableFuture<>();
        volatile BotContext context;
        volatile RuntimeException failure;
    }

    private final Engine engine;
    private final ModuleSources modules;
    private final LinkedBlockingQueue<Spare> ready = new LinkedBlockingQueue<>();
    /** One permit per spare missing: the refill thread takes a permit, then prepares a context. */
    private final Semaphore missing;

    private final Thread refill;
    /** Whether a start is already waiting for the spare in preparation (the others prepare their own). */
    private final AtomicBoolean waiting = new AtomicBoolean();

    private final AtomicInteger threadNumber = new AtomicInteger();

    private volatile boolean preparing;
    private volatile boolean closed;

    SpareContexts(Engine engine, ModuleSources modules, int target) {
        this.engine = engine;
        this.modules = modules;
        this.missing = new Semaphore(Math.clamp(target, 0, MAX_SPARES));
        this.refill = Thread.ofPlatform()
                .daemon()
                .name("bot-spare-contexts")
                .priority(Thread.MIN_PRIORITY)
                .unstarted(this::refillLoop);
    }

    /** Starts preparing spares in the background (idempotent). */
    synchronized void start() {
        if (refill.getState() == Thread.State.NEW && !closed) {
            refill.start();
        }
    }

    /**
     * Runs {@code bot} on the thread of a ready spare; else, on a new thread, on the spare being prepared if no other
     * start waits for it already (preparing a second context at the same time would only halve the speed of both on
     * a busy machine); else on a new thread that prepares the bot's context itself. Returns at once.
     */
    void launch(PythonBot bot) {
        Spare spare = ready.poll();
        if (spare != null) {
            missing.release();
            spare.claim.complete(bot);
            return;
        }
        Thread.ofPlatform()
                .daemon()
                .name("bot-" + bot.id() + "-loop")
                .stackSize(PythonBot.STACK_BYTES)
                .start(() -> {
                    Spare awaited = awaitPreparing();
                    if (awaited != null) {
                        awaited.claim.complete(bot);
                    } else {
                        bot.runLoop(() -> BotContext.prepare(engine, modules));
                    }
                });
    }

    private Spare awaitPreparing() {
        if (!preparing || !waiting.compareAndSet(false, true)) {
            return null;
        }
        try {
            Spare spare = ready.poll(WAIT_FOR_SPARE_MILLIS, TimeUnit.MILLISECONDS);
            if (spare != null) {
                missing.release();
            }
            return spare;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            waiting.set(false);
        }
    }

    /** Spares ready now. */
    int ready() {
        return ready.size();
    }

    private void refillLoop() {
        while (!closed) {
            try {
                missing.acquire();
                deferToBusyBots();
            } catch (InterruptedException e) {
                return;
            }
            preparing = true;
            try {
                var spare = new Spare();
                // Normal priority: the spare's thread becomes a bot's loop thread (threads inherit the creator's).
                Thread.ofPlatform()
                        .daemon()
                        .name("bot-spare-" + threadNumber.incrementAndGet())
                        .priority(Thread.NORM_PRIORITY)
                        .stackSize(PythonBot.STACK_BYTES)
                        .start(() -> prepareAndPark(spare));
                spare.prepared.await();
                if (spare.failure != null) {
                    missing.release();
                    LOG.log(Level.WARNING, "could not prepare a spare bot context; retrying in 5 s", spare.failure);
                    TimeUnit.MILLISECONDS.sleep(RETRY_PAUSE_MILLIS);
                }
            } catch (InterruptedException e) {
                return;
            } finally {
                preparing = false;
            }
        }
    }

    /**
     * Waits (bounded) while the worker's threads use more than all cores but one, so a refill does not take CPU from
     * running bots; a spare is prepared on one thread, so it then leaves them at least the rest.
     */
    private static void deferToBusyBots() throws InterruptedException {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (!(os instanceof com.sun.management.OperatingSystemMXBean sun)) {
            return;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        if (cores < 2) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_DEFER_MILLIS);
        sun.getProcessCpuLoad();
        do {
            TimeUnit.MILLISECONDS.sleep(CPU_SAMPLE_MILLIS);
            double busyCores = sun.getProcessCpuLoad() * cores;
            if (busyCores <= cores - 1) {
                return;
            }
        } while (System.nanoTime() < deadline);
    }

    /** On the spare's own thread: prepares the context, parks until a bot claims it, then runs that bot's loop. */
    private void prepareAndPark(Spare spare) {
        try {
            spare.context = BotContext.prepare(engine, modules);
        } catch (RuntimeException e) {
            spare.failure = e;
            spare.prepared.countDown();
            return;
        }
        ready.add(spare);
        spare.prepared.countDown();
        if (closed && ready.remove(spare)) {
            spare.context.close();
            return;
        }
        PythonBot bot;
        try {
            bot = spare.claim.get();
        } catch (InterruptedException | ExecutionException e) {
            bot = null;
        }
        if (bot == null) {
            spare.context.close();
            return;
        }
        Thread.currentThread().setName("bot-" + bot.id() + "-loop");
        BotContext context = spare.context;
        bot.runLoop(() -> context);
    }

    @Override
    public void close() {
        closed = true;
        refill.interrupt();
        Spare spare;
        while ((spare = ready.poll()) != null) {
            spare.claim.complete(null);
        }
    }
}
