package dev.botlink.platform.bot.sandbox;

import dev.botlink.platform.venue.VenueEvent;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Carries venue events to bots off the venue's thread: venues must never wait for a slow worker. The queue is
 * bounded; when it is full the event is dropped and counted, and the count is logged. Events a bot refuses because
 * it is behind on market data (its window is full) are counted and logged the same way, never silently lost.
 */
final class EventForwarder implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EventForwarder.class);
    private static final int CAPACITY = 100_000;

    interface Delivery {
        dev.botlink.sandbox.host.Delivery deliver(
                long botId, String kind, String src, String sym, java.util.Map<String, Object> data);
    }

    private record Pending(long botId, VenueEvent event) {}

    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final Delivery delivery;
    private final Thread thread;
    private volatile boolean open = true;

    EventForwarder(Delivery delivery) {
        this.delivery = delivery;
        this.thread = Thread.ofPlatform().daemon().name("bot-event-forwarder").start(this::run);
    }

    void offer(long botId, VenueEvent event) {
        if (!queue.offer(new Pending(botId, event))) {
            long total = dropped.incrementAndGet();
            if (Long.bitCount(total) == 1) {
                LOG.warnf("Bots fall behind the market: %d events dropped so far", total);
            }
        }
    }

    private void run() {
        while (open) {
            try {
                Pending next = queue.poll(200, TimeUnit.MILLISECONDS);
                if (next != null) {
                    VenueEvent event = next.event();
                    String kind = event.callback().replace("_update", "");
                    var outcome = delivery.deliver(next.botId(), kind, event.src(), event.sym(), event.data());
                    if (outcome == dev.botlink.sandbox.host.Delivery.BOT_BEHIND) {
                        long total = refused.incrementAndGet();
                        if (Long.bitCount(total) == 1) {
                            LOG.warnf(
                                    "Bots behind on market data refused %d events so far (bot %d)",
                                    total, next.botId());
                        }
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.debug("Delivering an event to a bot failed", e);
            }
        }
    }

    @Override
    public void close() {
        open = false;
        thread.interrupt();
    }
}
