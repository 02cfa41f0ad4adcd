package dev.botlink.sandbox.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Frames on the wire: a 4-byte big-endian length, then that many bytes of UTF-8 JSON {@code {t, id, bot, b}}
 * (or a binary {@link MarketBatch}, whose first byte is its tag).
 * Decimal numbers decode to {@link java.math.BigDecimal} so prices and sizes are never rounded.
 */
public final class FrameCodec {
    /** No frame may be larger than this; a bigger one closes the connection. */
    public static final int MAX_FRAME_BYTES = 4 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private FrameCodec() {}

    public static byte[] encode(Frame frame) {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("t", frame.type().wireName());
        if (frame.id() != 0) {
            wire.put("id", frame.id());
        }
        if (frame.bot() != null) {
            wire.put("bot", frame.bot());
        }
        wire.put("b", frame.body());
        try {
            byte[] bytes = JSON.writeValueAsBytes(wire);
            if (bytes.length > MAX_FRAME_BYTES) {
                throw new ProtocolException("frame of " + bytes.length + " bytes exceeds " + MAX_FRAME_BYTES);
            }
            return bytes;
        } catch (JsonProcessingException e) {
            throw new ProtocolException("frame body is not JSON-able: " + e.getOriginalMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Frame decode(byte[] bytes) {
        Map<String, Object> wire = parseObject(bytes);
        Object id = wire.get("id");
        Object body = wire.get("b");
        if (body != null && !(body instanceof Map)) {
            throw new ProtocolException("frame body must be a JSON object");
        }
        Object bot = wire.get("bot");
        return new Frame(
                FrameType.fromWire((String) wire.get("t")),
                id instanceof Number n ? n.longValue() : 0,
                bot == null ? null : bot.toString(),
                (Map<String, Object>) body);
    }

    public static void write(DataOutputStream out, Frame frame) throws IOException {
        byte[] bytes = encode(frame);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    public static Frame read(DataInputStream in) throws IOException {
        return decode(readPayload(in));
    }

    /** Reads one frame's payload: JSON (starts with '{') or a {@link MarketBatch} (starts with its tag). */
    public static byte[] readPayload(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length <= 0 || length > MAX_FRAME_BYTES) {
            throw new ProtocolException("frame length " + length + " outside 1.." + MAX_FRAME_BYTES);
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new IOException("connection closed inside a frame");
        }
        return bytes;
    }

    /** Parses a JSON object (used for payloads that cross into and out of Python as text). */
    public static Map<String, Object> parseObject(byte[] json) {
        try {
            return JSON.readValue(json, MAP);
        } catch (IOException e) {
            throw new ProtocolException("invalid JSON: " + e.getMessage(), e);
        }
    }

    /** Parses any JSON value. */
    public static Object parse(String json) {
        try {
            return JSON.readValue(json, Object.class);
        } catch (IOException e) {
            throw new ProtocolException("invalid JSON: " + e.getMessage(), e);
        }
    }

    /** Writes any JSON-able value as JSON text. */
    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new ProtocolException("not JSON-able: " + e.getOriginalMessage(), e);
        }
    }
}
