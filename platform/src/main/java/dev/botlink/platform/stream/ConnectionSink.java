package dev.botlink.platform.stream;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import org.jboss.logging.Logger;

/** An {@link Outbox.Sink} writing to a websockets-next connection without blocking. */
public final class ConnectionSink implements Outbox.Sink {

    private static final Logger LOG = Logger.getLogger(ConnectionSink.class);

    private final WebSocketConnection connection;

    public ConnectionSink(WebSocketConnection connection) {
        this.connection = connection;
    }

    @Override
    public void send(String text, Runnable done) {
        connection.sendText(text).subscribe().with(sent -> done.run(), failure -> {
            LOG.debugf("A websocket send failed: %s", failure.getMessage());
            done.run();
        });
    }

    @Override
    public void close(int code, String reason) {
        connection
                .close(new CloseReason(code, reason))
                .subscribe()
                .with(closed -> {}, failure -> LOG.debugf("Closing a websocket failed: %s", failure.getMessage()));
    }
}
