package dev.botlink.platform.stream;

import java.util.ArrayDeque;
import java.util.function.LongFunction;

/**
 * The messages waiting for one websocket connection: bounded by their total size, so a slow reader cannot grow the
 * server's memory. When a new message does not fit, the {@link Overflow} policy decides: drop the oldest messages
 * (counted, and the count is sent as a notice before the next message) or close the connection with a reason.
 *
 * <p>At most {@code maxInFlight} messages are handed to the {@link Sink} at once; the rest wait here, where the bound
 * applies. Thread-safe: {@link #offer} may be called from any thread and never blocks.
 */
public final class Outbox {

    /** Where messages go: a websocket connection. */
    public interface Sink {
        /** Sends one text message; {@code done} must be called once when it is written or has failed. */
        void send(String text, Runnable done);

        /** Closes the connection with a websocket close code and reason. */
        void close(int code, String reason);
    }

    public enum Overflow {
        DROP_OLDEST,
        CLOSE
    }

    /** Close code sent when a reader is too slow under {@link Overflow#CLOSE} (1008: policy violation). */
    public static final int TOO_SLOW = 1008;

    private final Sink sink;
    private final long maxChars;
    private final int maxInFlight;
    private final Overflow overflow;
    private final LongFunction<String> droppedNotice;
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private long queuedChars;
    private int inFlight;
    private long droppedSinceNotice;
    private long droppedTotal;
    private boolean pumping;
    private boolean closed;

    /**
     * @param maxChars the most characters waiting at once (one message larger than this is sent alone)
     * @param droppedNotice the message announcing {@code n} dropped messages (used with {@link Overflow#DROP_OLDEST})
     */
    public Outbox(Sink sink, long maxChars, int maxInFlight, Overflow overflow, LongFunction<String> droppedNotice) {
        this.sink = sink;
        this.maxChars = maxChars;
        this.maxInFlight = maxInFlight;
        this.overflow = overflow;
        this.droppedNotice = droppedNotice;
    }

    /** Queues a message; false when the outbox is closed (or closes now because the reader is too slow). */
    public boolean offer(String text) {
        synchronized (this) {
            if (closed) {
                return false;
            }
            if (queuedChars + text.length() > maxChars && !queue.isEmpty()) {
                if (overflow == Overflow.CLOSE) {
                    closeTooSlow();
                    return false;
                }
                while (!queue.isEmpty() && queuedChars + text.length() > maxChars) {
                    queuedChars -= queue.pollFirst().length();
                    droppedSinceNotice++;
                    droppedTotal++;
                }
            }
            queue.addLast(text);
            queuedChars += text.length();
        }
        pump();
        return true;
    }

    /** Messages dropped so far because the reader was too slow. */
    public synchronized long dropped() {
        return droppedTotal;
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    /** Forgets waiting messages and accepts no more; the connection itself is closed by its owner. */
    public synchronized void close() {
        closed = true;
        queue.clear();
        queuedChars = 0;
    }

    /** Closes the connection itself, for its owner (a rotated key, a shutdown). */
    public void closeSink(int code, String reason) {
        sink.close(code, reason);
    }

    private void closeTooSlow() {
        closed = true;
        droppedTotal += queue.size();
        queue.clear();
        queuedChars = 0;
        sink.close(TOO_SLOW, "too slow: more than " + maxChars + " characters waiting; reconnect to resume");
    }

    private void pump() {
        synchronized (this) {
            if (pumping) {
                return;
            }
            pumping = true;
        }
        while (true) {
            String next;
            synchronized (this) {
                next = closed || inFlight >= maxInFlight ? null : next();
                if (next == null) {
                    pumping = false;
                    return;
                }
                inFlight++;
            }
            sink.send(next, this::sent);
        }
    }

    private String next() {
        if (droppedSinceNotice > 0) {
            long count = droppedSinceNotice;
            droppedSinceNotice = 0;
            return droppedNotice.apply(count);
        }
        String head = queue.pollFirst();
        if (head != null) {
            queuedChars -= head.length();
        }
        return head;
    }

    private void sent() {
        synchronized (this) {
            inFlight--;
        }
        pump();
    }
}
