package dev.botlink.sandbox.bot;

import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.graalvm.polyglot.Engine;

/**
 * A small, bounded set of prepared {@link BotContext}s per worker, so a bot start only has to load the user's
 * script. One background thread keeps {@code target} of them ready, preparing the next one whenever a bot takes
 * one. A spare has only ever run Botlink's bootstrap; it is handed to one bot and never comes back. Thread-safe.
 */
final class SpareContexts implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SpareContexts.class.getName());
    private static final long RETRY_PAUSE_MILLIS = 5_000;
    /** Longest a start waits for the spare being prepared before it prepares its own. */
    private static final long WAIT_FOR_SPARE_MILLIS = 120_000;

    private final Engine engine;
    private final ModuleSources modules;
    private final LinkedBlockingQueue<BotContext> ready = new LinkedBlockingQueue<>();
    /** One permit per spare missing: the refill thread takes a permit, then prepares a context. */
    private final Semaphore missing;

    private final Thread refill;
    /** Whether a start is already waiting for the spare in preparation (the others prepare their own). */
    private final AtomicBoolean waiting = new AtomicBoolean();

    private volatile boolean preparing;
    private volatile boolean closed;

    SpareContexts(Engine engine, ModuleSources modules, int target) {
        this.engine = engine;
        this.modules = modules;
        this.missing = new Semaphore(target);
        this.refill = Thread.ofPlatform()
                .daemon()
                .name("bot-spare-contexts")
                .stackSize(PythonBot.STACK_BYTES)
                .unstarted(this::refillLoop);
    }

    /** Starts preparing spares in the background (idempotent). */
    synchronized void start() {
        if (refill.getState() == Thread.State.NEW && !closed) {
            refill.start();
        }
    }

    /** A prepared context for one bot, or empty when none is ready (the caller then prepares its own). */
    Optional<BotContext> take() {
        BotContext spare = ready.poll();
        if (spare != null) {
            missing.release();
        }
        return Optional.ofNullable(spare);
    }

    /**
     * A spare if one is ready; else the one being prepared, if no other start waits for it already (preparing a
     * second context at the same time would only halve the speed of both on a busy machine); else a context
     * prepared now on the calling thread.
     */
    BotContext obtain() {
        Optional<BotContext> spare = take();
        if (spare.isEmpty() && preparing && waiting.compareAndSet(false, true)) {
            try {
                spare = Optional.ofNullable(ready.poll(WAIT_FOR_SPARE_MILLIS, TimeUnit.MILLISECONDS));
                spare.ifPresent(taken -> missing.release());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                waiting.set(false);
            }
        }
        return spare.orElseGet(() -> BotContext.prepare(engine, modules));
    }

    /** Spares ready now. */
    int ready() {
        return ready.size();
    }

    private void refillLoop() {
        while (!closed) {
            try {
                missing.acquire();
            } catch (InterruptedException e) {
                return;
            }
            preparing = true;
            try {
                BotContext spare = BotContext.prepare(engine, modules);
                ready.add(spare);
                if (closed) {
                    closeAll();
                }
            } catch (RuntimeException e) {
                missing.release();
                LOG.log(Level.WARNING, "could not prepare a spare bot context; retrying in 5 s", e);
                try {
                    TimeUnit.MILLISECONDS.sleep(RETRY_PAUSE_MILLIS);
                } catch (InterruptedException interrupted) {
                    return;
                }
            } finally {
                preparing = false;
            }
        }
    }

    private void closeAll() {
        BotContext spare;
        while ((spare = ready.poll()) != null) {
            spare.close();
        }
    }

    @Override
    public void close() {
        closed = true;
        refill.interrupt();
        closeAll();
    }
}
