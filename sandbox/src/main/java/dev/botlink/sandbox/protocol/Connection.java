package dev.botlink.sandbox.protocol;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One framed, full-duplex connection between a worker and its host, used by both sides.
 *
 * <p>A reader thread decodes frames and hands them to the {@link FrameListener}; a writer thread drains a
 * bounded outbound queue and sends heartbeats when idle. {@link #send} blocks while the queue is full (back
 * pressure) up to the configured timeout; {@link #trySend} never blocks. Requests get ids and complete when the
 * peer's {@link FrameType#REPLY} with the same id arrives, or fail on timeout or close. Thread-safe.
 */
public final class Connection implements AutoCloseable {
    private static final Frame POISON = Frame.of(FrameType.HEARTBEAT, null, null);

    private final Socket socket;
    private final String name;
    private final FrameListener listener;
    private final ConnectionSettings settings;
    private final BlockingQueue<Frame> outbound;
    private final Map<Long, CompletableFuture<Frame>> pending = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile long lastReceivedNanos = System.nanoTime();

    public Connection(Socket socket, String name, FrameListener listener, ConnectionSettings settings) {
        this.socket = socket;
        this.name = name;
        this.listener = listener;
        this.settings = settings;
        this.outbound = new ArrayBlockingQueue<>(settings.outboundCapacity());
    }

    /** Starts the reader and writer threads. */
    public Connection start() throws IOException {
        socket.setTcpNoDelay(true);
        var in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
        var out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 64 * 1024));
        Thread.ofPlatform().daemon().name(name + "-reader").start(() -> readLoop(in));
        Thread.ofPlatform().daemon().name(name + "-writer").start(() -> writeLoop(out));
        return this;
    }

    public String name() {
        return name;
    }

    public boolean isOpen() {
        return !closed.get();
    }

    /** Queues a frame, waiting for room up to the send timeout. */
    public void send(Frame frame) throws IOException {
        if (closed.get()) {
            throw new IOException("connection " + name + " is closed");
        }
        try {
            if (!outbound.offer(frame, settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException("connection " + name + " is congested: peer is not reading");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending", e);
        }
    }

    /** Queues a frame if there is room now; returns false (the frame is dropped) otherwise. */
    public boolean trySend(Frame frame) {
        return !closed.get() && outbound.offer(frame);
    }

    /** Sends a request; the future completes with the reply frame, or fails on timeout or close. */
    public CompletableFuture<Frame> request(Frame frame) {
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
        return reply.orTimeout(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Answers a request frame. */
    public void reply(Frame request, Map<String, Object> body) throws IOException {
        send(new Frame(FrameType.REPLY, request.id(), request.bot(), body));
    }

    private void readLoop(DataInputStream in) {
        Throwable cause = null;
        try {
            while (!closed.get()) {
                Frame frame = FrameCodec.read(in);
                lastReceivedNanos = System.nanoTime();
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

    private void writeLoop(DataOutputStream out) {
        Throwable cause = null;
        long heartbeatMillis = settings.heartbeatInterval().toMillis();
        try {
            while (!closed.get()) {
                Frame frame = outbound.poll(heartbeatMillis, TimeUnit.MILLISECONDS);
                if (frame == POISON && closed.get()) {
                    break;
                }
                FrameCodec.write(out, frame == null ? Frame.of(FrameType.HEARTBEAT, null, null) : frame);
                if (outbound.isEmpty()) {
                    out.flush();
                }
                checkSilence();
            }
        } catch (IOException | RuntimeException e) {
            cause = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeWith(cause);
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
        outbound.clear();
        outbound.offer(POISON);
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
