package dev.botlink.platform.bot;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Stores bot log lines in batches from one writer thread, so a chatty bot costs one transaction per batch, not per
 * line. The queue is bounded: when it is full, lines are counted per bot and the count is written as a log line of
 * its own once there is room, so the log says what it lost. Each bot keeps its newest {@value #MAX_LINES_PER_BOT}
 * lines.
 */
@Singleton
public class BotLogWriter {

    private static final Logger LOG = Logger.getLogger(BotLogWriter.class);
    static final int MAX_LINES_PER_BOT = 10_000;
    static final int MAX_MESSAGE = 4_000;
    private static final int QUEUE = 50_000;
    private static final int BATCH = 2_000;

    /** Shutdown order: bot runtimes stop their bots first (lower runs earlier; CDI's default is 2500). */
    public static final int BOT_RUNTIMES_STOP = Interceptor.Priority.APPLICATION;
    /** Shutdown order: the log writer drains last, after every default observer. */
    public static final int STOP = Interceptor.Priority.LIBRARY_AFTER;

    private record Pending(long botId, Instant at, String level, String message) {}

    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Map<Long, AtomicLong> dropped = new ConcurrentHashMap<>();
    private final Map<Long, Integer> writtenSinceTrim = new HashMap<>();
    private final Event<BotActivity.Logged> stored;
    private volatile boolean running = true;
    private Thread writer;

    public BotLogWriter(Event<BotActivity.Logged> stored) {
        this.stored = stored;
    }

    void start(@Observes StartupEvent started) {
        writer = Thread.ofPlatform().daemon().name("bot-log-writer").start(this::writeLoop);
    }

    /**
     * Runs after the default observers, so the bot runtimes have stopped their bots and received their last log
     * lines ({@code SandboxBotRuntime} stops its workers at {@link #BOT_RUNTIMES_STOP}); then drains the queue.
     */
    void stop(@Observes @Priority(STOP) ShutdownEvent stopping) throws InterruptedException {
        running = false;
        if (writer != null) {
            writer.join(5_000);
        }
    }

    public void append(long botId, String level, String message) {
        String bounded = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE - 1) + "…" : message;
        if (!queue.offer(new Pending(botId, Instant.now(), level, bounded))) {
            dropped.computeIfAbsent(botId, id -> new AtomicLong()).incrementAndGet();
        }
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                }
                reportDropped(batch);
                if (!batch.isEmpty()) {
                    write(batch);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.errorf(e, "Could not store %d bot log lines", batch.size());
            } finally {
                batch.clear();
            }
        }
    }

    private void reportDropped(List<Pending> batch) {
        for (Long botId : List.copyOf(dropped.keySet())) {
            long count = dropped.remove(botId).get();
            batch.add(new Pending(
                    botId,
                    Instant.now(),
                    "WARNING",
                    count + " log lines were dropped: the bot logs faster than they can be stored"));
        }
    }

    private void write(List<Pending> batch) {
        List<BotLogLine> lines = new ArrayList<>(batch.size());
        QuarkusTransaction.requiringNew().run(() -> {
            for (Pending pending : batch) {
                BotLogLine line = new BotLogLine();
                line.botId = pending.botId();
                line.at = pending.at();
                line.level = pending.level();
                line.message = pending.message();
                line.persist();
                lines.add(line);
                writtenSinceTrim.merge(pending.botId(), 1, Integer::sum);
            }
        });
        for (BotLogLine line : lines) {
            stored.fire(new BotActivity.Logged(line.botId, line.id, line.at, line.level, line.message));
        }
        trimLongLogs();
    }

    private void trimLongLogs() {
        for (var entry : List.copyOf(writtenSinceTrim.entrySet())) {
            if (entry.getValue() < MAX_LINES_PER_BOT / 10) {
                continue;
            }
            writtenSinceTrim.remove(entry.getKey());
            QuarkusTransaction.requiringNew().run(() -> {
                List<Long> newest = BotLogLine.getEntityManager()
                        .createQuery("select l.id from BotLogLine l where l.botId = ?1 order by l.id desc", Long.class)
                        .setParameter(1, entry.getKey())
                        .setFirstResult(MAX_LINES_PER_BOT - 1)
                        .setMaxResults(1)
                        .getResultList();
                if (!newest.isEmpty()) {
                    BotLogLine.delete("botId = ?1 and id < ?2", entry.getKey(), newest.getFirst());
                }
            });
        }
    }
}
