package dev.botlink.platform.venue.paper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.botlink.platform.marketdata.SimulatedClock;
import dev.botlink.platform.venue.ExchangeCommand.CreateLimitOrder;
import dev.botlink.platform.venue.ExchangeCommand.CreateMarketOrder;
import dev.botlink.platform.venue.OrderState;
import dev.botlink.platform.venue.PositionState;
import dev.botlink.platform.venue.Side;
import dev.botlink.platform.venue.VenueConfig;
import dev.botlink.platform.venue.VenueEvent;
import dev.botlink.platform.venue.VenueResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** One paper account on a scripted market, with the events it streamed: the fixture of the matching scenarios. */
public final class PaperDesk {

    public static final long START = 1_700_000_000_000L;

    public final SimulatedClock clock = new SimulatedClock(START);
    public final ScriptedMarket market = new ScriptedMarket(clock);
    public final PaperExchangeClient client;
    public final List<VenueEvent> events = new CopyOnWriteArrayList<>();

    public PaperDesk(String exchangeId, String venueName, PaperSettings settings) {
        client = new PaperExchangeClient(
                new VenueConfig(venueName, exchangeId, VenueConfig.Mode.PAPER), market, clock, settings);
        client.subscribe(events::add);
    }

    public static PaperDesk bitmex() {
        return new PaperDesk("bitmex", "BitMEX", PaperSettings.defaults());
    }

    public VenueResult<OrderState> limit(String sym, Side side, String size, String price) {
        return client.createLimitOrder(
                new CreateLimitOrder(sym, side, new BigDecimal(size), new BigDecimal(price), false, null));
    }

    public VenueResult<OrderState> postOnly(String sym, Side side, String size, String price) {
        return client.createLimitOrder(
                new CreateLimitOrder(sym, side, new BigDecimal(size), new BigDecimal(price), true, null));
    }

    public VenueResult<OrderState> market(String sym, Side side, String size) {
        return client.createMarketOrder(new CreateMarketOrder(sym, side, new BigDecimal(size)));
    }

    /** A successful result's data, failing the test with the error otherwise. */
    public static <T> T ok(VenueResult<T> result) {
        assertThat(result.error()).as("error of %s", result).isNull();
        return result.data();
    }

    public BigDecimal balance(String asset) {
        return ok(client.fetchBalances()).stream()
                .filter(balance -> balance.asset().equals(asset))
                .findFirst()
                .orElseThrow()
                .amount();
    }

    public PositionState position(String sym) {
        return ok(client.fetchPositions()).stream()
                .filter(position -> position.sym().equals(sym))
                .findFirst()
                .orElse(null);
    }

    public <E extends VenueEvent> List<E> events(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public List<VenueEvent.OrderFilled> fills() {
        return events(VenueEvent.OrderFilled.class);
    }
}
