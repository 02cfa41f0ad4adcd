package dev.botlink.sandbox.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Real Bitstamp BTC/USD trades from ta4j-examples, as Link trade events. */
final class RecordedTrades {
    private RecordedTrades() {}

    static List<Map<String, Object>> load(int count) throws IOException {
        var stream = RecordedTrades.class.getClassLoader().getResourceAsStream("bitstamp_trades_from_20131125_usd.csv");
        if (stream == null) {
            throw new IOException("bitstamp_trades_from_20131125_usd.csv not on the test classpath (ta4j-examples)");
        }
        var trades = new ArrayList<Map<String, Object>>();
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            reader.readLine();
            String line;
            while (trades.size() < count && (line = reader.readLine()) != null) {
                String[] fields = line.split(",");
                trades.add(Map.of(
                        "side",
                        trades.size() % 2 == 0 ? "Buy" : "Sell",
                        "price",
                        new BigDecimal(fields[1]),
                        "size",
                        new BigDecimal(fields[2]),
                        "time",
                        Long.parseLong(fields[0]) * 1000));
            }
        }
        return trades;
    }
}
