package dev.botlink.platform.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-connection buffer: bounded by characters, oldest dropped and announced, or the reader disconnected. */
class OutboxTest {

    /** A socket that holds every message in flight until the test lets it complete. */
    static final class HeldSink implements Outbox.Sink {
        final List<String> sent = new ArrayList<>();
        final List<Runnable> pending = new ArrayList<>();
        int closeCode;
        String closeReason;

        @Override
        public void send(String text, Runnable done) {
            sent.add(text);
            pending.add(done);
        }

        @Override
        public void close(int code, String reason) {
            closeCode = code;
            closeReason = reason;
        }

        void completeAll() {
            while (!pending.isEmpty()) {
                pending.removeFirst().run();
            }
        }
    }

    @Test
    void aSlowReaderLosesTheOldestMessagesAndHearsHowManyBeforeTheNext() {
        HeldSink sink = new HeldSink();
        Outbox outbox = new Outbox(sink, 10, 1, Outbox.Overflow.DROP_OLDEST, n -> "dropped " + n);
        outbox.offer("a0000");
        for (String message : List.of("b0000", "c0000", "d0000", "e0000")) {
            outbox.offer(message);
        }
        assertThat(sink.sent).containsExactly("a0000");
        assertThat(outbox.dropped()).isEqualTo(2);
        sink.completeAll();
        assertThat(sink.sent).containsExactly("a0000", "dropped 2", "d0000", "e0000");
        assertThat(sink.closeCode).isZero();
    }

    @Test
    void underTheClosePolicyAReaderTooFarBehindIsDisconnectedWithAReason() {
        HeldSink sink = new HeldSink();
        Outbox outbox = new Outbox(sink, 10, 1, Outbox.Overflow.CLOSE, n -> "unused");
        outbox.offer("a0000");
        outbox.offer("b0000");
        outbox.offer("c0000");
        assertThat(outbox.offer("d0000")).isFalse();
        assertThat(sink.closeCode).isEqualTo(Outbox.TOO_SLOW);
        assertThat(sink.closeReason).contains("too slow");
        assertThat(outbox.isClosed()).isTrue();
        sink.completeAll();
        assertThat(sink.sent).containsExactly("a0000");
    }

    @Test
    void messagesFlowInOrderWithinTheInFlightLimit() {
        HeldSink sink = new HeldSink();
        Outbox outbox = new Outbox(sink, 1_000, 2, Outbox.Overflow.DROP_OLDEST, n -> "dropped " + n);
        for (int i = 0; i < 5; i++) {
            outbox.offer("m" + i);
        }
        assertThat(sink.sent).containsExactly("m0", "m1");
        sink.completeAll();
        assertThat(sink.sent).containsExactly("m0", "m1", "m2", "m3", "m4");
        assertThat(outbox.dropped()).isZero();
    }

    @Test
    void aMessageLargerThanTheBufferIsStillSentAlone() {
        HeldSink sink = new HeldSink();
        Outbox outbox = new Outbox(sink, 4, 1, Outbox.Overflow.DROP_OLDEST, n -> "dropped " + n);
        outbox.offer("longer than four");
        assertThat(sink.sent).containsExactly("longer than four");
    }
}
