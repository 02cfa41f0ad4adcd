package dev.botlink.platform.ide;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.botlink.platform.stream.ConnectionSink;
import dev.botlink.platform.stream.Outbox;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import java.io.IOException;
import java.util.OptionalLong;

/**
 * The web IDE's channel {@code /api/ide/channel?token=<session token>&since=<seq>}: the account's bot status changes,
 * log lines, publishes, orders, fills and positions as JSON events numbered per account. The session token is checked
 * before the upgrade by {@link IdeUpgradeCheck}. A client may send {@code {"type":"ping"}}; it gets
 * {@code {"type":"pong"}}.
 */
@WebSocket(path = "/api/ide/channel", endpointId = IdeSocket.ENDPOINT)
public class IdeSocket {

    static final String ENDPOINT = "botlink-ide-channel";
    static final UserData.TypedKey<Long> ACCOUNT = UserData.TypedKey.forLong("botlink.ide.account");
    /** The {@code since} parameter, or -1 when absent. */
    static final UserData.TypedKey<Long> SINCE = UserData.TypedKey.forLong("botlink.ide.since");

    private static final UserData.TypedKey<Outbox> OUTBOX = new UserData.TypedKey<>("botlink.ide.outbox");
    private static final String PONG = "{\"type\":\"pong\"}";

    private final IdeChannel channel;
    private final ObjectMapper json;

    public IdeSocket(IdeChannel channel, ObjectMapper json) {
        this.channel = channel;
        this.json = json;
    }

    @OnOpen
    void open(WebSocketConnection connection) {
        long account = connection.userData().get(ACCOUNT);
        long since = connection.userData().get(SINCE);
        Outbox outbox = channel.open(
                account, since < 0 ? OptionalLong.empty() : OptionalLong.of(since), new ConnectionSink(connection));
        connection.userData().put(OUTBOX, outbox);
    }

    @OnTextMessage
    String message(String text) {
        try {
            JsonNode message = json.readTree(text);
            return message != null && "ping".equals(message.path("type").asText()) ? PONG : null;
        } catch (IOException e) {
            return null;
        }
    }

    @OnClose
    void close(WebSocketConnection connection) {
        Outbox outbox = connection.userData().get(OUTBOX);
        if (outbox != null) {
            channel.close(connection.userData().get(ACCOUNT), outbox);
        }
    }
}
