package dev.botlink.platform.ide;

import dev.botlink.platform.stream.Outbox;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongFunction;

/**
 * One account's IDE events: sequence numbers from 1, the newest events kept (bounded by count and characters) for
 * readers that reconnect, and the open connections' outboxes. Appending and attaching hold the journal's lock, so a
 * reader sees every event exactly once and in order across the replay and the live part. Thread-safe.
 */
final class IdeJournal {

    private record Entry(long seq, String json) {}

    private final int maxEvents;
    private final long maxChars;
    private final ArrayDeque<Entry> kept = new ArrayDeque<>();
    private final List<Outbox> readers = new ArrayList<>();
    private long keptChars;
    private long seq;

    IdeJournal(int maxEvents, long maxChars) {
        this.maxEvents = maxEvents;
        this.maxChars = maxChars;
    }

    /** Numbers, renders (given the sequence number), keeps and sends one event. */
    synchronized void append(LongFunction<String> render) {
        String json = render.apply(++seq);
        kept.addLast(new Entry(seq, json));
        keptChars += json.length();
        while (kept.size() > maxEvents || (keptChars > maxChars && kept.size() > 1)) {
            keptChars -= kept.pollFirst().json().length();
        }
        readers.removeIf(Outbox::isClosed);
        for (Outbox reader : readers) {
            reader.offer(json);
        }
    }

    /**
     * Adds a reader. With {@code since}, first replays the kept events after it, or sends {@code reset} (rendered
     * with the current sequence number) when events after {@code since} are no longer kept, when {@code since} is
     * from an earlier run of the platform, or when the replay would not fit in {@code replayChars}.
     */
    synchronized void attach(Outbox reader, OptionalLong since, LongFunction<String> reset, long replayChars) {
        if (since.isPresent()) {
            long after = since.getAsLong();
            long oldestKept = kept.isEmpty() ? seq + 1 : kept.getFirst().seq();
            List<String> replay = new ArrayList<>();
            long chars = 0;
            for (Entry entry : kept) {
                if (entry.seq() > after) {
                    replay.add(entry.json());
                    chars += entry.json().length();
                }
            }
            if (after > seq || after < oldestKept - 1 || chars > replayChars) {
                reader.offer(reset.apply(seq));
            } else {
                replay.forEach(reader::offer);
            }
        }
        readers.add(reader);
    }

    synchronized void detach(Outbox reader) {
        readers.remove(reader);
    }

    synchronized int readers() {
        readers.removeIf(Outbox::isClosed);
        return readers.size();
    }
}
