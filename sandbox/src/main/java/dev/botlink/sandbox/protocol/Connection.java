package dev.botlink.sandbox.protocol;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One framed, full-duplex connection between a worker and its host, used by both sides.
 *
 * <p>A reader thread decodes frames and hands them to the {@link FrameListener}. Outbound frames go through one
 * bounded queue guarded by a lock: {@link #send} and {@link #request} write the frame themselves when the queue is
 * empty and nobody is writing (no thread hand-off on the latency path), otherwise they queue it for the writer
 * thread, waiting for room up to the send timeout (back pressure). {@link #trySend} only queues and never blocks,
 * so reader threads can use it without risking a write deadlock. {@link #sendMarket} appends quotes and trades to
 * the bot's open {@link MarketBatch} while market data streams, so batches grow with the load; a frame about a bot
 * closes that bot's open batch, keeping each bot's events in order. Requests get ids and complete when the peer's
 * {@link FrameType#REPLY} with the same id arrives, or fail on timeout or close. The writer sends heartbeats when
 * idle. Thread-safe.
 */
public final class Connection implements AutoCloseable {
    /**
     * A market event is written on the caller's thread only when no market batch was written for this long: a lone
     * quote leaves without a hand-off to the writer thread (even right after a reply or call on the same line), a
     * stream goes through the writer so that batches form.
     */
    private static final long DIRECT_IDLE_NANOS = 200_000;

    private final Socket socket;
    private final String name;
    private final FrameListener listener;
    private final ConnectionSettings settings;
    private final Map<Long, CompletableFuture<Frame>> pending = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ready = lock.newCondition();
    private final Condition room = lock.newCondition();
    /** Frames and market batches waiting to be written; guarded by {@link #lock}. */
    private final ArrayDeque<Object> outbound = new ArrayDeque<>();
    /** The batch per bot that still takes events (queued, not yet being written); guarded by {@link #lock}. */
    private final Map<String, MarketBatch> openBatches = new HashMap<>();
    /** Someone (writer thread or a sender) is writing to {@link #out}; guarded by {@link #lock}. */
    private boolean writing;

    private DataOutputStream out;
    private volatile long lastReceivedNanos = System.nanoTime();
    private volatile long lastWrittenNanos = System.nanoTime();
    private volatile long lastMarketWrittenNanos = System.nanoTime() - DIRECT_IDLE_NANOS;

    public Connection(Socket socket, String name, FrameListener listener, ConnectionSettings settings) {
        this.socket = socket;
        this.name = name;
        this.listener = listener;
        this.settings = settings;
    }

    /** Starts the reader and writer threads. */
    public Connection start() throws IOException {
        socket.setTcpNoDelay(true);
        var in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
        out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 64 * 1024));
        Thread.ofPlatform().daemon().name(name + "-reader").start(() -> readLoop(in));
        Thread.ofPlatform().daemon().name(name + "-writer").start(this::writeLoop);
        return this;
    }

    public String name() {
        return name;
    }

    public boolean isOpen() {
        return !closed.get();
    }

    /** Sends a frame: writes it now if the line is free, else queues it, waiting for room up to the send timeout. */
    public void send(Frame frame) throws IOException {
        boolean direct;
        lock.lock();
        try {
            awaitRoom();
            closeBatchOf(frame.bot());
            direct = !writing && outbound.isEmpty();
            if (direct) {
                writing = true;
            } else {
                enqueue(frame);
            }
        } finally {
            lock.unlock();
        }
        if (direct) {
            writeDirect(frame);
        }
    }

    /** Queues a frame if there is room now; returns false (the frame is dropped) otherwise. Never blocks on I/O. */
    public boolean trySend(Frame frame) {
        lock.lock();
        try {
            if (closed.get() || outbound.size() >= settings.outboundCapacity()) {
                return false;
            }
            closeBatchOf(frame.bot());
            enqueue(frame);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Like {@link #trySend} (never waits for room), but writes on the calling thread when the line is free. The
     * write itself blocks only while the peer's socket buffer is full, so use it where that is acceptable.
     */
    public boolean offer(Frame frame) {
        lock.lock();
        try {
            if (closed.get() || outbound.size() >= settings.outboundCapacity()) {
                return false;
            }
            closeBatchOf(frame.bot());
            if (writing || !outbound.isEmpty()) {
                enqueue(frame);
                return true;
            }
            writing = true;
        } finally {
            lock.unlock();
        }
        try {
            writeDirect(frame);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Sends a quote or trade for a bot in a market batch: appended to the bot's open batch if there is one, else in
     * a new batch, waiting for room up to the send timeout. A lone event on an idle line is written at once on the
     * calling thread; a stream of them goes through the writer thread so that batches form.
     */
    public void sendMarket(String bot, MarketEvent event) throws IOException {
        MarketBatch direct = null;
        lock.lock();
        try {
            MarketBatch open = openBatches.get(bot);
            if (open != null && open.add(event)) {
                return;
            }
            awaitRoom();
            var batch = MarketBatch.open(bot);
            batch.add(event);
            if (!writing && outbound.isEmpty() && System.nanoTime() - lastMarketWrittenNanos > DIRECT_IDLE_NANOS) {
                writing = true;
                direct = batch;
            } else {
                openBatches.put(bot, batch);
                enqueue(batch);
            }
        } finally {
            lock.unlock();
        }
        if (direct != null) {
            writeDirect(direct);
        }
    }

    private void awaitRoom() throws IOException {
        long nanos = settings.sendTimeout().toNanos();
        try {
            while (!closed.get() && outbound.size() >= settings.outboundCapacity()) {
                if (nanos <= 0) {
                    throw new IOException("connection " + name + " is congested: peer is not reading");
                }
                nanos = room.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending", e);
        }
        if (closed.get()) {
            throw new IOException("connection " + name + " is closed");
        }
    }

    private void closeBatchOf(String bot) {
        if (bot != null) {
            openBatches.remove(bot);
        }
    }

    private void enqueue(Object item) {
        outbound.addLast(item);
        ready.signal();
    }

    private void writeDirect(Object item) throws IOException {
        boolean failed = true;
        try {
            write(item);
            out.flush();
            lastWrittenNanos = System.nanoTime();
            failed = false;
        } finally {
            releaseWriting();
            if (failed) {
                close();
            }
        }
    }

    private void releaseWriting() {
        lock.lock();
        try {
            writing = false;
            if (!outbound.isEmpty()) {
                ready.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Sends a request; the future completes with the reply frame, or fails on timeout or close. */
    public CompletableFuture<Frame> request(Frame frame) {
        return request(frame, settings.requestTimeout());
    }

    /** Sends a request that may take longer (or must take less) than the settings' request timeout. */
    public CompletableFuture<Frame> request(Frame frame, java.time.Duration timeout) {
        if (pending.size() >= settings.maxPendingRequests()) {
            return CompletableFuture.failedFuture(new IOException("too many requests waiting for replies"));
        }
        long id = nextId.getAndIncrement();
        var reply = new CompletableFuture<Frame>();
        pending.put(id, reply);
        reply.whenComplete((f, e) -> pending.remove(id));
        try {
            send(frame.withId(id));
        } catch (IOException e) {
            reply.completeExceptionally(e);
            return reply;
        }
        return reply.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Answers a request frame. */
    public void reply(Frame request, Map<String, Object> body) throws IOException {
        send(new Frame(FrameType.REPLY, request.id(), request.bot(), body));
    }

    private void readLoop(DataInputStream in) {
        Throwable cause = null;
        try {
            while (!closed.get()) {
                byte[] payload = FrameCodec.readPayload(in);
                lastReceivedNanos = System.nanoTime();
                if (payload[0] == MarketBatch.TAG) {
                    listener.onMarket(this, MarketBatch.decode(payload));
                    continue;
                }
                Frame frame = FrameCodec.decode(payload);
                if (frame.type() == FrameType.HEARTBEAT) {
                    continue;
                }
                if (frame.type() == FrameType.REPLY) {
                    var waiting = pending.get(frame.id());
                    if (waiting != null) {
                        waiting.complete(frame);
                    }
                    continue;
                }
                listener.onFrame(this, frame);
            }
        } catch (IOException | RuntimeException e) {
            cause = e;
        }
        closeWith(cause);
    }

    private void writeLoop() {
        Throwable cause = null;
        try {
            Object item;
            while ((item = nextToWrite()) != null) {
                boolean more;
                try {
                    write(item);
                } finally {
                    more = hasQueued();
                }
                if (!more) {
                    out.flush();
                }
                lastWrittenNanos = System.nanoTime();
                releaseWriting();
                checkSilence();
            }
        } catch (IOException | RuntimeException e) {
            cause = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeWith(cause);
    }

    private void write(Object item) throws IOException {
        if (item instanceof MarketBatch batch) {
            byte[] payload = batch.encode();
            out.writeInt(payload.length);
            out.write(payload);
            lastMarketWrittenNanos = System.nanoTime();
        } else {
            FrameCodec.write(out, (Frame) item);
        }
    }

    /** Waits for something to write (or a heartbeat to send) and takes the line; null once closed. */
    private Object nextToWrite() throws InterruptedException, IOException {
        long heartbeatNanos = settings.heartbeatInterval().toNanos();
        lock.lock();
        try {
            while (!closed.get()) {
                if (!writing && !outbound.isEmpty()) {
                    Object item = outbound.pollFirst();
                    if (item instanceof MarketBatch batch) {
                        openBatches.remove(batch.bot(), batch);
                    }
                    writing = true;
                    room.signalAll();
                    return item;
                }
                long idle = System.nanoTime() - lastWrittenNanos;
                if (!writing && idle >= heartbeatNanos) {
                    writing = true;
                    return Frame.of(FrameType.HEARTBEAT, null, null);
                }
                ready.awaitNanos(Math.max(1_000_000, heartbeatNanos - idle));
                checkSilence();
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    private boolean hasQueued() {
        lock.lock();
        try {
            return !outbound.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    private void checkSilence() throws IOException {
        long silentNanos = System.nanoTime() - lastReceivedNanos;
        if (silentNanos > settings.silenceTimeout().toNanos()) {
            throw new IOException("no heartbeat from peer for " + TimeUnit.NANOSECONDS.toMillis(silentNanos) + " ms");
        }
    }

    @Override
    public void close() {
        closeWith(null);
    }

    private void closeWith(Throwable cause) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        lock.lock();
        try {
            outbound.clear();
            openBatches.clear();
            ready.signalAll();
            room.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already broken: nothing more to release.
        }
        var gone = new IOException("connection " + name + " closed", cause);
        pending.values().forEach(f -> f.completeExceptionally(gone));
        listener.onClosed(this, cause);
    }
}
