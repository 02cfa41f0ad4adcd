package dev.botlink.platform.stream;

import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.http.HttpServerRequest;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The private feed {@code ws(s)://host/stream?token=API_KEY[&topics=a,b]}: every publish of the account's bots (of the
 * listed topics) as {@code {"type": topic, "data": data}}. The token is checked before the upgrade by
 * {@link StreamUpgradeCheck}. Nothing is expected from the client.
 */
@WebSocket(path = "/stream", endpointId = StreamSocket.ENDPOINT)
public class StreamSocket {

    static final String ENDPOINT = "botlink-stream";
    static final UserData.TypedKey<Long> ACCOUNT = UserData.TypedKey.forLong("botlink.account");
    static final UserData.TypedKey<String> TOPICS = UserData.TypedKey.forString("botlink.topics");
    private static final UserData.TypedKey<StreamHub.Subscriber> SUBSCRIBER = new UserData.TypedKey<>("botlink.sub");

    private final StreamHub hub;

    public StreamSocket(StreamHub hub) {
        this.hub = hub;
    }

    @OnOpen
    void open(WebSocketConnection connection) {
        long account = connection.userData().get(ACCOUNT);
        Set<String> topics = topics(connection.userData().get(TOPICS));
        connection.userData().put(SUBSCRIBER, hub.open(account, topics, new ConnectionSink(connection)));
    }

    @OnClose
    void close(WebSocketConnection connection) {
        StreamHub.Subscriber subscriber = connection.userData().get(SUBSCRIBER);
        if (subscriber != null) {
            hub.close(subscriber);
        }
    }

    static String topicsParam(HttpServerRequest request) {
        String topics = request.getParam("topics");
        return topics == null ? "" : topics;
    }

    private static Set<String> topics(String list) {
        if (list == null || list.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(list.split(","))
                .map(String::strip)
                .filter(topic -> !topic.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
