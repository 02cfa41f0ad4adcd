package dev.botlink.sandbox.protocol;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Up to {@link #MAX_EVENTS} quotes and trades for one bot in one binary frame (docs/sandbox.md, "Market batches").
 * The host appends to an open batch while the connection is busy writing (so batches grow with the load and a
 * lone event still leaves at once); the worker hands the column section to Python untouched.
 *
 * <p>Layout, little-endian: {@code u8 tag=1; u16 len + UTF-8 bot; u16 count + (u16 len + UTF-8) names; u32 n;}
 * then columns {@code u8 kind[n], u8 integers[n], u16 src[n], u16 sym[n], u16 side[n] (0xFFFF: none),
 * i64 a[n], b[n], c[n], d[n], i64 time[n]} where a..d are {@link MarketEvent#numbers()}. src, sym and side index
 * the names. Not thread-safe: the connection guards open batches with its lock.
 */
public final class MarketBatch {
    /** First byte of a market batch frame; JSON frames start with '{'. */
    public static final byte TAG = 1;

    public static final int MAX_EVENTS = 1024;
    static final int MAX_NAMES = 64;
    private static final int NO_NAME = 0xFFFF;
    /** Bytes per event in the column section. */
    static final int EVENT_BYTES = 1 + 1 + 2 + 2 + 2 + 8 * 4 + 8;

    private final String bot;
    private final List<String> names;
    private int size;
    // Open batch (host side).
    private Map<String, Integer> nameIndex;
    private MarketEvent[] events;
    // Decoded batch (worker side).
    private byte[] frame;
    private int columnsOffset;

    private MarketBatch(String bot, List<String> names) {
        this.bot = bot;
        this.names = names;
    }

    /** An empty batch that events can be added to. */
    public static MarketBatch open(String bot) {
        var batch = new MarketBatch(bot, new ArrayList<>());
        batch.nameIndex = new HashMap<>();
        batch.events = new MarketEvent[16];
        return batch;
    }

    public String bot() {
        return bot;
    }

    public int size() {
        return size;
    }

    /** Appends an event; false if the batch is full (events or names). */
    public boolean add(MarketEvent event) {
        if (size == MAX_EVENTS || names.size() > MAX_NAMES - 3) {
            return false;
        }
        index(event.src());
        index(event.sym());
        if (event.side() != null) {
            index(event.side());
        }
        if (size == events.length) {
            events = java.util.Arrays.copyOf(events, Math.min(MAX_EVENTS, size * 4));
        }
        events[size++] = event;
        return true;
    }

    private int index(String name) {
        return nameIndex.computeIfAbsent(name, n -> {
            names.add(n);
            return names.size() - 1;
        });
    }

    /** The frame payload (without the length prefix). */
    public byte[] encode() {
        byte[] botBytes = bot.getBytes(StandardCharsets.UTF_8);
        var nameBytes =
                names.stream().map(n -> n.getBytes(StandardCharsets.UTF_8)).toList();
        int header = 1
                + 2
                + botBytes.length
                + 2
                + nameBytes.stream().mapToInt(b -> 2 + b.length).sum()
                + 4;
        var out = ByteBuffer.allocate(header + size * EVENT_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        out.put(TAG).putShort((short) botBytes.length).put(botBytes).putShort((short) names.size());
        nameBytes.forEach(b -> out.putShort((short) b.length).put(b));
        out.putInt(size);
        for (int i = 0; i < size; i++) {
            out.put(events[i].kind());
        }
        for (int i = 0; i < size; i++) {
            out.put((byte) events[i].integers());
        }
        for (int i = 0; i < size; i++) {
            out.putShort((short) (int) nameIndex.get(events[i].src()));
        }
        for (int i = 0; i < size; i++) {
            out.putShort((short) (int) nameIndex.get(events[i].sym()));
        }
        for (int i = 0; i < size; i++) {
            String side = events[i].side();
            out.putShort((short) (side == null ? NO_NAME : nameIndex.get(side)));
        }
        for (int k = 0; k < 4; k++) {
            for (int i = 0; i < size; i++) {
                out.putLong(events[i].numbers()[k]);
            }
        }
        for (int i = 0; i < size; i++) {
            out.putLong(events[i].time());
        }
        return out.array();
    }

    /** Reads a frame payload that starts with {@link #TAG}; checks every index against the names. */
    public static MarketBatch decode(byte[] frame) {
        try {
            var in = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
            if (in.get() != TAG) {
                throw new ProtocolException("not a market batch");
            }
            String bot = utf8(in);
            int nameCount = Short.toUnsignedInt(in.getShort());
            var names = new ArrayList<String>(nameCount);
            for (int i = 0; i < nameCount; i++) {
                names.add(utf8(in));
            }
            int size = in.getInt();
            if (size < 1 || size > MAX_EVENTS || in.remaining() != size * EVENT_BYTES) {
                throw new ProtocolException("market batch of " + size + " events has " + in.remaining() + " bytes");
            }
            var batch = new MarketBatch(bot, List.copyOf(names));
            batch.size = size;
            batch.frame = frame;
            batch.columnsOffset = in.position();
            batch.validate();
            return batch;
        } catch (java.nio.BufferUnderflowException e) {
            throw new ProtocolException("truncated market batch");
        }
    }

    private void validate() {
        var in = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < size; i++) {
            byte kind = frame[columnsOffset + i];
            int side = Short.toUnsignedInt(in.getShort(columnsOffset + 2 * size + 4 * size + 2 * i));
            boolean sideOk = kind == MarketEvent.QUOTE ? side == NO_NAME : side < names.size();
            if ((kind != MarketEvent.QUOTE && kind != MarketEvent.TRADE) || !sideOk) {
                throw new ProtocolException("market batch event " + i + " is malformed");
            }
            for (int column = 0; column < 2; column++) {
                int at = columnsOffset + 2 * size + 2 * (column * size + i);
                if (Short.toUnsignedInt(in.getShort(at)) >= names.size()) {
                    throw new ProtocolException("market batch event " + i + " names an unknown src or sym");
                }
            }
        }
    }

    private static String utf8(ByteBuffer in) {
        int length = Short.toUnsignedInt(in.getShort());
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The column section as text, one char per byte: Python turns it back into bytes in one step. */
    public String columnsText() {
        return new String(frame, columnsOffset, frame.length - columnsOffset, StandardCharsets.ISO_8859_1);
    }

    /** The names, separated by NUL (names never contain NUL). */
    public String namesText() {
        return String.join("\0", names);
    }

    /** The callback event {@code i} goes to. */
    public String callbackName(int i) {
        byte kind = frame != null ? frame[columnsOffset + i] : events[i].kind();
        return kind == MarketEvent.QUOTE ? "quote_update" : "trade_update";
    }
}
