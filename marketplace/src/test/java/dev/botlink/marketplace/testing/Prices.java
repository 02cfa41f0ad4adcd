package dev.botlink.marketplace.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/** Real recorded prices from ta4j-examples: Apple's 2013 daily bars. */
public final class Prices {
    private Prices() {}

    /** The 252 daily closes of Apple in 2013, oldest first. */
    public static List<BigDecimal> appleCloses2013() {
        var stream = Objects.requireNonNull(
                Prices.class.getClassLoader().getResourceAsStream("appleinc_bars_from_20130101_usd.csv"),
                "ta4j-examples is not on the test class path");
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            return reader.lines()
                    .skip(1)
                    .map(line -> new BigDecimal(line.split(",")[4]))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
