package dev.botlink.platform.stream;

import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Test helper: a real websocket client (java.net.http) against the running test app that keeps every text message it
 * receives. A paused client reads nothing until {@link #resume()}, like a consumer that stopped reading.
 */
public final class WsClient implements AutoCloseable {

    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;
    private final StringBuilder partial = new StringBuilder();
    private final java.util.concurrent.atomic.AtomicLong count = new java.util.concurrent.atomic.AtomicLong();
    private final boolean keep;
    private volatile String last;

    private WsClient(String pathAndQuery, boolean paused) {
        this(pathAndQuery, paused, true);
    }

    private WsClient(String pathAndQuery, boolean paused, boolean keep) {
        this.keep = keep;
        URI uri = URI.create("ws://127.0.0.1:" + RestAssured.port + pathAndQuery);
        Listener listener = new Listener(paused);
        this.socket = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(30))
                .buildAsync(uri, listener)
                .orTimeout(60, TimeUnit.SECONDS)
                .join();
    }

    public static WsClient connect(String pathAndQuery) {
        return new WsClient(pathAndQuery, false);
    }

    /** A client that only counts messages and remembers the latest (for benchmarks). */
    public static WsClient connectCounting(String pathAndQuery) {
        return new WsClient(pathAndQuery, false, false);
    }

    public static WsClient connectPaused(String pathAndQuery) {
        return new WsClient(pathAndQuery, true);
    }

    /** The HTTP status the server refused the upgrade with (fails if it accepted). */
    public static int refusal(String pathAndQuery) {
        try {
            new WsClient(pathAndQuery, false).close();
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
        throw new AssertionError("the server accepted " + pathAndQuery);
    }

    /** Whether the latest message is this one (cheap enough to poll in benchmarks). */
    public boolean lastIs(String message) {
        return message.equals(last);
    }

    /** Messages received since the last {@link #resetCount()}. */
    public long count() {
        return count.get();
    }

    public void resetCount() {
        count.set(0);
        last = null;
    }

    public List<String> messages() {
        return new ArrayList<>(messages);
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    public void resume() {
        socket.request(Long.MAX_VALUE);
    }

    /** The close code the server sent, once it has closed the connection. */
    public CompletableFuture<Integer> closed() {
        return closed;
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final boolean paused;

        Listener(boolean paused) {
            this.paused = paused;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            if (!paused) {
                webSocket.request(Long.MAX_VALUE);
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            synchronized (partial) {
                partial.append(data);
                if (last) {
                    String message = partial.toString();
                    if (keep) {
                        messages.add(message);
                    }
                    count.incrementAndGet();
                    WsClient.this.last = message;
                    partial.setLength(0);
                }
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}
