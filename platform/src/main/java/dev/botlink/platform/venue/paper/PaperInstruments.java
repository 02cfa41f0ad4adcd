package dev.botlink.platform.venue.paper;

import dev.botlink.platform.venue.Instrument;
import dev.botlink.platform.venue.Instrument.Kind;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The symbols a paper venue simulates per exchange id. Tick and lot of XBTUSD are BitMEX's; the other figures
 * (multipliers of the USDT contracts, fees, default 10x initial margin and 0.5% maintenance margin) are modelled on
 * the exchanges' public schedules and documented in docs/venues.md, not fetched from them.
 */
public final class PaperInstruments {

    private static final BigDecimal INIT_MARGIN = new BigDecimal("0.1");
    private static final BigDecimal MAINT_MARGIN = new BigDecimal("0.005");
    private static final BigDecimal BITMEX_MAKER = new BigDecimal("0.0002");
    private static final BigDecimal BITMEX_TAKER = new BigDecimal("0.00075");
    private static final BigDecimal WOO_MAKER = new BigDecimal("0.0002");
    private static final BigDecimal WOO_TAKER = new BigDecimal("0.0005");

    private static final Map<String, Map<String, Instrument>> BY_EXCHANGE = Map.of(
            "bitmex", index(bitmex()),
            "woo", index(woo()));

    private PaperInstruments() {}

    /** Exchange ids with a paper simulation. */
    public static List<String> exchangeIds() {
        return List.of("bitmex", "woo");
    }

    /** The simulated instruments of {@code exchangeId}, by symbol, in listing order; empty if not simulated. */
    public static Optional<Map<String, Instrument>> forExchange(String exchangeId) {
        return Optional.ofNullable(BY_EXCHANGE.get(exchangeId));
    }

    private static List<Instrument> bitmex() {
        return List.of(
                new Instrument(
                        "XBTUSD",
                        "bitmex",
                        Kind.INVERSE,
                        "XBT",
                        "USD",
                        "XBT",
                        8,
                        dec("0.5"),
                        dec("100"),
                        BigDecimal.ONE,
                        BigDecimal.ONE,
                        -100_000_000L,
                        BITMEX_MAKER,
                        BITMEX_TAKER,
                        INIT_MARGIN,
                        MAINT_MARGIN),
                linearBitmex("XBTUSDT", "XBT", "0.5", "0.000001"),
                linearBitmex("ETHUSDT", "ETH", "0.05", "0.00001"),
                linearBitmex("LTCUSDT", "LTC", "0.01", "0.0001"),
                linearBitmex("SOLUSDT", "SOL", "0.01", "0.0001"));
    }

    private static Instrument linearBitmex(String symbol, String base, String tick, String multiplier) {
        return new Instrument(
                symbol,
                "bitmex",
                Kind.LINEAR,
                base,
                "USDT",
                "USDT",
                6,
                dec(tick),
                dec("1000"),
                BigDecimal.ONE,
                dec(multiplier),
                1L,
                BITMEX_MAKER,
                BITMEX_TAKER,
                INIT_MARGIN,
                MAINT_MARGIN);
    }

    private static List<Instrument> woo() {
        return List.of(
                linearWoo("PERP_BTC_USDT", "BTC", "0.1", "0.0001"),
                linearWoo("PERP_ETH_USDT", "ETH", "0.01", "0.001"),
                linearWoo("PERP_SOL_USDT", "SOL", "0.001", "0.01"),
                linearWoo("PERP_LTC_USDT", "LTC", "0.01", "0.01"));
    }

    private static Instrument linearWoo(String symbol, String base, String tick, String lot) {
        return new Instrument(
                symbol,
                "woo",
                Kind.LINEAR,
                base,
                "USDT",
                "USDT",
                6,
                dec(tick),
                dec(lot),
                dec(lot),
                BigDecimal.ONE,
                1L,
                WOO_MAKER,
                WOO_TAKER,
                INIT_MARGIN,
                MAINT_MARGIN);
    }

    private static Map<String, Instrument> index(List<Instrument> instruments) {
        Map<String, Instrument> bySymbol = new LinkedHashMap<>();
        instruments.forEach(instrument -> bySymbol.put(instrument.symbol(), instrument));
        return java.util.Collections.unmodifiableMap(bySymbol);
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }
}
