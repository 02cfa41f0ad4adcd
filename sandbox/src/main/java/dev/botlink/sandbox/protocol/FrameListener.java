package dev.botlink.sandbox.protocol;

/**
 * Receives the frames of one {@link Connection}. Called on the connection's single reader thread, in order:
 * implementations must hand work off quickly (for example to a bounded per-bot queue) and never block.
 */
public interface FrameListener {
    void onFrame(Connection connection, Frame frame);

    /** A batch of quotes and trades for one bot (host to worker only); a host ignores them. */
    default void onMarket(Connection connection, MarketBatch batch) {}

    /** The connection is gone (peer closed, heartbeat lost, protocol error or local close). Called once. */
    void onClosed(Connection connection, Throwable cause);
}
