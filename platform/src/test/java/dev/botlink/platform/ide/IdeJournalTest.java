package dev.botlink.platform.ide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.botlink.platform.stream.Outbox;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Numbering, keeping and replaying an account's IDE events. */
class IdeJournalTest {

    private final List<String> received = new ArrayList<>();
    private final Outbox.Sink sink = new Outbox.Sink() {
        @Override
        public void send(String text, Runnable done) {
            received.add(text);
            done.run();
        }

        @Override
        public void close(int code, String reason) {}
    };

    private Outbox reader() {
        return new Outbox(sink, 1_000_000, 8, Outbox.Overflow.CLOSE, n -> "");
    }

    @Test
    void aReaderWithoutSinceGetsOnlyNewEvents() {
        IdeJournal journal = new IdeJournal(100, 1_000_000);
        journal.append(seq -> "e" + seq);
        journal.attach(reader(), OptionalLong.empty(), seq -> "reset" + seq, 1_000);
        journal.append(seq -> "e" + seq);
        assertThat(received).containsExactly("e2");
    }

    @Test
    void aReaderWithSinceGetsTheKeptEventsAfterItThenTheLiveOnes() {
        IdeJournal journal = new IdeJournal(100, 1_000_000);
        for (int i = 0; i < 5; i++) {
            journal.append(seq -> "e" + seq);
        }
        journal.attach(reader(), OptionalLong.of(3), seq -> "reset" + seq, 1_000);
        journal.append(seq -> "e" + seq);
        assertThat(received).containsExactly("e4", "e5", "e6");
    }

    @Test
    void aSinceNoLongerKeptOrFromAnEarlierRunGetsAReset() {
        IdeJournal journal = new IdeJournal(3, 1_000_000);
        for (int i = 0; i < 6; i++) {
            journal.append(seq -> "e" + seq);
        }
        journal.attach(reader(), OptionalLong.of(1), seq -> "reset" + seq, 1_000);
        journal.attach(reader(), OptionalLong.of(99), seq -> "reset" + seq, 1_000);
        journal.attach(reader(), OptionalLong.of(3), seq -> "reset" + seq, 1_000);
        assertThat(received).containsExactly("reset6", "reset6", "e4", "e5", "e6");
    }

    @Test
    void aReplayTooLargeForTheBufferIsAReset() {
        IdeJournal journal = new IdeJournal(100, 1_000_000);
        for (int i = 0; i < 5; i++) {
            journal.append(seq -> "event-" + seq);
        }
        journal.attach(reader(), OptionalLong.of(0), seq -> "reset" + seq, 10);
        assertThat(received).containsExactly("reset5");
    }
}
