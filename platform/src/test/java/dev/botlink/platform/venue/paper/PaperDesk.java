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
final class PaperDesk {

    static final long START = 1_700_000_000_000L;

    final SimulatedClock clock = new SimulatedClock(START);
    final ScriptedMarket market = new ScriptedMarket(clock);
    final PaperExchangeClient client;
    final List<VenueEvent> events = new CopyOnWriteArrayList<>();

    PaperDesk(String exchangeId, String venueName, PaperSettings settings) {
        client = new PaperExchangeClient(
                new VenueConfig(venueName, exchangeId, VenueConfig.Mode.PAPER), market, clock, settings);
        client.subscribe(events::add);
    }

    static PaperDesk bitmex() {
        return new PaperDesk("bitmex", "BitMEX", PaperSettings.defaults());
    }

    VenueResult<OrderState> limit(String sym, Side side, String size, String price) {
        return client.createLimitOrder(
                new CreateLimitOrder(sym, side, new BigDecimal(size), new BigDecimal(price), false, null));
    }

    VenueResult<OrderState> postOnly(String sym, Side side, String size, String price) {
        return client.createLimitOrder(
                new CreateLimitOrder(sym, side, new BigDecimal(size), new BigDecimal(price), true, null));
    }

    VenueResult<OrderState> market(String sym, Side side, String size) {
        return client.createMarketOrder(new CreateMarketOrder(sym, side, new BigDecimal(size)));
    }

    /** A successful result's data, failing the test with the error otherwise. */
    static <T> T ok(VenueResult<T> result) {
        assertThat(result.error()).as("error of %s", result).isNull();
        return result.data();
    }

    BigDecimal balance(String asset) {
        return ok(client.fetchBalances()).stream()
                .filter(balance -> balance.asset().equals(asset))
                .findFirst()
                .orElseThrow()
                .amount();
    }

    PositionState position(String sym) {
        return ok(client.fetchPositions()).stream()
                .filter(position -> position.sym().equals(sym))
                .findFirst()
                .orElse(null);
    }

    <E extends VenueEvent> List<E> events(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<VenueEvent.OrderFilled> fills() {
        return events(VenueEvent.OrderFilled.class);
    }
}
