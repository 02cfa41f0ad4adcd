package dev.botlink.sandbox.bot;

import dev.botlink.sandbox.protocol.Frame;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/** How a bot reaches its host: the worker's connection, whichever one is current. */
public interface BotHost {
    /** Sends a frame, waiting for room (back pressure); fails if the host is unreachable. */
    void send(Frame frame) throws IOException;

    /** Sends a frame if there is room now; returns false if it was dropped. */
    boolean trySend(Frame frame);

    /**
     * Like {@link #trySend} (never waits for room), but written on the calling thread when the line is free, saving
     * the writer thread's wake-up. Not for threads that must never block on the socket (the watchdog).
     */
    default boolean offer(Frame frame) {
        return trySend(frame);
    }

    /** Sends a request; the future fails if the host is unreachable or does not answer in time. */
    CompletableFuture<Frame> request(Frame frame);
}
