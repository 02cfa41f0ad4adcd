package dev.botlink.platform.marketdata.rest;

import dev.botlink.platform.account.CurrentAccount;
import dev.botlink.platform.error.Problem;
import dev.botlink.platform.marketdata.Candle;
import dev.botlink.platform.marketdata.CandleLevel;
import dev.botlink.platform.marketdata.runtime.SimulatedMarketRuntime;
import dev.botlink.platform.venue.account.VenueService;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Candle history of the market data the paper venues trade on, for the IDE's chart. */
@Path("/api/markets")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class MarketResource {

    static final int MAX_LIMIT = 3000;

    /** Prices and volume as the exact decimals the store holds. */
    public record CandleView(
            long time, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close, BigDecimal volume) {
        static CandleView of(Candle c) {
            return new CandleView(c.time(), c.open(), c.high(), c.low(), c.close(), c.volume());
        }
    }

    public record Candles(String venue, String exchange, String symbol, String level, List<CandleView> candles) {}

    private final SimulatedMarketRuntime market;
    private final VenueService venues;
    private final CurrentAccount account;

    public MarketResource(SimulatedMarketRuntime market, VenueService venues, CurrentAccount account) {
        this.market = market;
        this.venues = venues;
        this.account = account;
    }

    /**
     * {@code venue} is one of the account's venue names ({@code BitMEX}) or an exchange id ({@code bitmex});
     * candles are oldest first, the last one may still be forming.
     */
    @GET
    @Path("/{venue}/{symbol}/candles")
    public Candles candles(
            @PathParam("venue") String venue,
            @PathParam("symbol") String symbol,
            @QueryParam("level") @DefaultValue("1m") String level,
            @QueryParam("limit") @DefaultValue("500") int limit,
            @QueryParam("since") Long since) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new Problem.Invalid("limit must be between 1 and " + MAX_LIMIT);
        }
        CandleLevel candleLevel = levelOf(level);
        String exchange =
                venues.byName(account.id(), venue).map(found -> found.exchange).orElse(venue.toLowerCase(Locale.ROOT));
        if (!market.market().serves(exchange, symbol)) {
            throw new Problem.NotFound("no market data for " + symbol + " on " + venue);
        }
        List<CandleView> candles = market.market().candles(exchange, symbol, candleLevel, since, limit).stream()
                .map(CandleView::of)
                .toList();
        return new Candles(venue, exchange, symbol, candleLevel.link(), candles);
    }

    private static CandleLevel levelOf(String level) {
        return Arrays.stream(CandleLevel.values())
                .filter(l -> l.link().equals(level))
                .findFirst()
                .orElseThrow(() -> new Problem.Invalid("unknown level '" + level + "': use one of "
                        + String.join(
                                ", ",
                                Arrays.stream(CandleLevel.values())
                                        .map(CandleLevel::link)
                                        .toList())));
    }
}
