package dev.botlink.sandbox.protocol;

import java.time.Duration;

/**
 * Bounds of one connection.
 *
 * @param outboundCapacity frames waiting to be written; a full queue pushes back on senders
 * @param sendTimeout how long {@link Connection#send} waits for room before failing
 * @param heartbeatInterval how often an idle side sends a heartbeat
 * @param silenceTimeout a connection that received nothing for this long is closed
 * @param requestTimeout a request without reply fails after this long
 * @param maxPendingRequests requests waiting for replies at once
 */
public record ConnectionSettings(
        int outboundCapacity,
        Duration sendTimeout,
        Duration heartbeatInterval,
        Duration silenceTimeout,
        Duration requestTimeout,
        int maxPendingRequests) {

    public static ConnectionSettings defaults() {
        return new ConnectionSettings(
                8192,
                Duration.ofSeconds(5),
                Duration.ofSeconds(2),
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                4096);
    }

    public ConnectionSettings withRequestTimeout(Duration timeout) {
        return new ConnectionSettings(
                outboundCapacity, sendTimeout, heartbeatInterval, silenceTimeout, timeout, maxPendingRequests);
    }
}
