package dev.botlink.sandbox.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarketBatchTest {
    static final Map<String, Object> QUOTE =
            Map.of("bid", List.of(21601.5, 170000L), "ask", List.of(new BigDecimal("21602.25"), 223000), "time", 7L);
    static final Map<String, Object> TRADE = Map.of("side", "Buy", "price", 100.5, "size", 2.0, "time", 8L);

    @Test
    void quotesAndTradesRoundTripAsColumnsWithTheirNames() {
        var batch = MarketBatch.open("bot-1");
        assertThat(batch.add(MarketEvent.of("quote", "bitmex", "XBTUSD", QUOTE)))
                .isTrue();
        assertThat(batch.add(MarketEvent.of("trade", "bitmex", "ETHUSD", TRADE)))
                .isTrue();

        var decoded = MarketBatch.decode(batch.encode());

        assertThat(decoded.bot()).isEqualTo("bot-1");
        assertThat(decoded.size()).isEqualTo(2);
        assertThat(decoded.namesText().split("\0")).containsExactly("bitmex", "XBTUSD", "ETHUSD", "Buy");
        assertThat(decoded.callbackName(0)).isEqualTo("quote_update");
        assertThat(decoded.callbackName(1)).isEqualTo("trade_update");
        var columns = ByteBuffer.wrap(decoded.columnsText().getBytes(StandardCharsets.ISO_8859_1))
                .order(ByteOrder.LITTLE_ENDIAN);
        int n = 2;
        assertThat(columns.get(0)).isEqualTo(MarketEvent.QUOTE);
        assertThat(columns.get(1)).isEqualTo(MarketEvent.TRADE);
        assertThat(columns.get(n)).as("bid size and ask size are integers").isEqualTo((byte) 0b1010);
        assertThat(columns.getShort(2 * n + 2)).as("src of the trade").isEqualTo((short) 0);
        assertThat(columns.getShort(4 * n + 2)).as("sym of the trade").isEqualTo((short) 2);
        assertThat(columns.getShort(6 * n)).as("a quote has no side").isEqualTo((short) -1);
        assertThat(columns.getShort(6 * n + 2)).as("side of the trade").isEqualTo((short) 3);
        assertThat(columns.getDouble(8 * n)).isEqualTo(21601.5);
        assertThat(columns.getLong(16 * n)).isEqualTo(170000L);
        assertThat(columns.getDouble(24 * n))
                .as("decimals become the double Python would read")
                .isEqualTo(21602.25);
        assertThat(columns.getDouble(8 * n + 8)).isEqualTo(100.5);
        assertThat(columns.getLong(40 * n + 8)).isEqualTo(8L);
    }

    @Test
    void eventsOfAnyOtherShapeTravelAsJson() {
        assertThat(MarketEvent.of("quote", "bitmex", "XBTUSD", Map.of("bid", List.of(1.0, 2.0), "time", 1L)))
                .isNull();
        assertThat(MarketEvent.of(
                        "quote",
                        "bitmex",
                        "XBTUSD",
                        Map.of("bid", List.of(1.0, 2.0), "ask", List.of(1.0, 2.0), "time", 1L, "extra", 1)))
                .isNull();
        assertThat(MarketEvent.of(
                        "trade", "bitmex", "XBTUSD", Map.of("side", "Buy", "price", "1", "size", 1, "time", 1L)))
                .isNull();
        assertThat(MarketEvent.of("trade", "bit\0mex", "XBTUSD", TRADE)).isNull();
        assertThat(MarketEvent.of("fill", "bitmex", "XBTUSD", TRADE)).isNull();
    }

    @Test
    void aBatchIsFullAtItsEventLimit() {
        var batch = MarketBatch.open("bot-1");
        var quote = MarketEvent.of("quote", "bitmex", "XBTUSD", QUOTE);
        for (int i = 0; i < MarketBatch.MAX_EVENTS; i++) {
            assertThat(batch.add(quote)).isTrue();
        }
        assertThat(batch.add(quote)).isFalse();
        assertThat(MarketBatch.decode(batch.encode()).size()).isEqualTo(MarketBatch.MAX_EVENTS);
    }

    @Test
    void malformedBatchesAreProtocolErrors() {
        var batch = MarketBatch.open("bot-1");
        batch.add(MarketEvent.of("quote", "bitmex", "XBTUSD", QUOTE));
        byte[] bytes = batch.encode();
        byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 1);
        assertThatThrownBy(() -> MarketBatch.decode(truncated)).isInstanceOf(ProtocolException.class);
        int srcColumn = bytes.length - MarketBatch.EVENT_BYTES + 2;
        bytes[srcColumn] = 9;
        assertThatThrownBy(() -> MarketBatch.decode(bytes))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("unknown src or sym");
    }
}
