package dev.botlink.sandbox.bot;

import dev.botlink.sandbox.protocol.Frame;
import dev.botlink.sandbox.protocol.FrameType;
import dev.botlink.sandbox.protocol.MarketBatch;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bot's side of the market window: how many quotes and trades wait in its queue (at most the window the worker
 * announced to the host), the credits owed to the host for consumed ones, and how many events one guest entry
 * takes (slices sized from the bot's recent speed, about {@link #SLICE_TARGET_NANOS} of work each).
 */
final class MarketFlow {
    static final long SLICE_TARGET_NANOS = 20_000_000;

    private final int capacity;
    private final int creditEvery;
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong uncredited = new AtomicLong();
    private int slice = 16;

    MarketFlow(int capacity) {
        this.capacity = capacity;
        this.creditEvery = Math.max(1, capacity / 8);
    }

    /** Reserves room for {@code events} queued events; false if the window is exceeded. */
    boolean admit(int events) {
        while (true) {
            int now = queued.get();
            if (now + events > capacity) {
                return false;
            }
            if (queued.compareAndSet(now, now + events)) {
                return true;
            }
        }
    }

    /** Events left the queue (delivered, or given up when the bot stops): the host may send as many again. */
    void consumed(int events) {
        queued.addAndGet(-events);
        uncredited.addAndGet(events);
    }

    /** Events that never entered the queue still leave the host's window. */
    void refused(int events) {
        uncredited.addAndGet(events);
    }

    /**
     * Sends the credit owed to the host when enough piled up or the queue ran empty ({@code force}). Never blocks; a
     * credit that does not fit the connection now stays owed and goes with the next flush.
     */
    void flush(BotHost host, String bot, boolean force) {
        flush(host, bot, force, false);
    }

    /**
     * {@link #flush} from the bot's event loop thread: the credit is written on this thread when the line is free
     * (no writer-thread wake-up per batch), queued otherwise.
     */
    void flushFromLoop(BotHost host, String bot, boolean force) {
        flush(host, bot, force, true);
    }

    private void flush(BotHost host, String bot, boolean force, boolean onLoop) {
        long owed = uncredited.get();
        if (owed == 0 || (!force && owed < creditEvery && queued.get() > 0)) {
            return;
        }
        long taken = uncredited.getAndSet(0);
        if (taken <= 0) {
            return;
        }
        var credit = Frame.of(FrameType.CREDIT, bot, Map.of("events", taken));
        if (!(onLoop ? host.offer(credit) : host.trySend(credit))) {
            uncredited.addAndGet(taken);
        }
    }

    /** Events the next guest entry may take. Loop thread only. */
    int sliceSize() {
        return slice;
    }

    /** Learns from a finished slice. Loop thread only. */
    void sliced(int events, long nanos) {
        long perEvent = Math.max(1, nanos / Math.max(1, events));
        long fitting = SLICE_TARGET_NANOS / perEvent;
        slice = (int) Math.clamp(fitting, 1, Math.min(MarketBatch.MAX_EVENTS, (long) slice * 4));
    }
}
