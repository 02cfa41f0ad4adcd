package dev.botlink.sandbox.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrameCodecTest {
    @Test
    void framesRoundTripWithExactDecimals() throws IOException {
        var frame = new Frame(
                FrameType.CALL,
                7,
                "bot-1",
                Map.of(
                        "method",
                        "create_limit_order",
                        "venue",
                        "BitMEX",
                        "args",
                        Map.of("price", new BigDecimal("25600.5"), "size", new BigDecimal("0.1"), "sym", "XBTUSD")));
        var bytes = new ByteArrayOutputStream();
        FrameCodec.write(new DataOutputStream(bytes), frame);
        Frame read = FrameCodec.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertThat(read).isEqualTo(frame);
        assertThat(FrameCodec.decode("{\"t\":\"event\",\"b\":{\"p\":0.30000000000000004}}".getBytes())
                        .body())
                .containsEntry("p", new BigDecimal("0.30000000000000004"));
    }

    @Test
    void oversizedAndMalformedFramesAreRejected() {
        var huge = new ByteArrayOutputStream();
        assertThatThrownBy(() -> {
                    var out = new DataOutputStream(huge);
                    out.writeInt(FrameCodec.MAX_FRAME_BYTES + 1);
                    FrameCodec.read(new DataInputStream(new ByteArrayInputStream(huge.toByteArray())));
                })
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("outside");
        assertThatThrownBy(() -> FrameCodec.decode("{\"t\":\"launch_missiles\"}".getBytes()))
                .hasMessage("unknown frame type 'launch_missiles'");
        assertThatThrownBy(() -> FrameCodec.decode("{\"t\":\"event\",\"b\":[1]}".getBytes()))
                .hasMessage("frame body must be a JSON object");
        assertThatThrownBy(() -> FrameCodec.encode(
                        Frame.of(FrameType.LOG, "b", Map.of("m", "x".repeat(FrameCodec.MAX_FRAME_BYTES)))))
                .hasMessageContaining("exceeds");
        assertThat(FrameCodec.parse("[1, 2.5]")).isEqualTo(List.of(1, new BigDecimal("2.5")));
    }
}
