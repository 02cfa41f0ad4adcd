package dev.botlink.sandbox.bot;

import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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

    private final Engine engine;
    private final ModuleSources modules;
    private final ConcurrentLinkedQueue<BotContext> ready = new ConcurrentLinkedQueue<>();
    /** One permit per spare missing: the refill thread takes a permit, then prepares a context. */
    private final Semaphore missing;

    private final Thread refill;
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

    /** A spare if one is ready, else a context prepared now on the calling thread. */
    BotContext obtain() {
        return take().orElseGet(() -> BotContext.prepare(engine, modules));
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
