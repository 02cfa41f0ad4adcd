package dev.botlink.platform.venue.paper.persistence;

import static dev.botlink.platform.venue.paper.PaperDesk.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.botlink.platform.venue.Balance;
import dev.botlink.platform.venue.ExchangeCommand.CancelOrders;
import dev.botlink.platform.venue.OrderState;
import dev.botlink.platform.venue.OrderStatus;
import dev.botlink.platform.venue.PositionState;
import dev.botlink.platform.venue.Side;
import dev.botlink.platform.venue.VenueConfig;
import dev.botlink.platform.venue.paper.PaperDesk;
import dev.botlink.platform.venue.paper.PaperExchangeClient;
import dev.botlink.platform.venue.paper.PaperPersister;
import dev.botlink.platform.venue.paper.PaperSettings;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.junit.jupiter.api.Test;

/**
 * With group commit on, whatever a Link call acknowledged is in the database when the call returns: the process
 * "crashes" (the committer stops without a last save, the account is dropped without a clean shutdown) and an account
 * rebuilt from the store has every acknowledged order, fill, position and balance, and its finished-orders memory.
 */
@QuarkusTest
class PaperGroupCommitCrashTest {

    private static final RecursiveComparisonConfiguration DECIMALS_BY_VALUE = RecursiveComparisonConfiguration.builder()
            .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
            .build();

    @Inject
    DataSource dataSource;

    @Test
    void everyAcknowledgedChangeSurvivesACrash() throws SQLException {
        String key = "account-" + UUID.randomUUID() + "/BitMEX";
        JdbcPaperStateStore store = new JdbcPaperStateStore(dataSource);
        PaperDesk desk = PaperDesk.bitmex();
        PaperPersister persister = new PaperPersister(store);
        persister.attach(key, desk.client);
        persister.start(Duration.ofSeconds(60), Duration.ofMillis(200));

        desk.market.quote("XBTUSDT", "50000", "5000", "50000.5", "1000");
        desk.market.quote("XBTUSD", "49999.5", "100000", "50000", "100000");
        ok(desk.market("XBTUSDT", Side.BUY, "3000")); // walks three levels: 3 fills
        ok(desk.market("XBTUSD", Side.SELL, "1000"));
        OrderState resting = ok(desk.limit("XBTUSDT", Side.BUY, "2000", "49000"));
        OrderState cancelled = ok(desk.limit("XBTUSD", Side.BUY, "500", "45000"));
        ok(desk.client.cancelOrders(new CancelOrders(cancelled.orderId(), null)));
        OrderState last = ok(desk.limit("XBTUSD", Side.SELL, "200", "60000"));
        // No flush, no detach, no close: the last call returned, so its change must already be in the store.
        assertThat(fillRows(key)).isEqualTo(4);
        List<Balance> balances = ok(desk.client.fetchBalances());
        List<OrderState> open = ok(desk.client.fetchOpenOrders());
        List<PositionState> positions = bySymbol(ok(desk.client.fetchPositions()));
        persister.stopWithoutSaving();

        PaperExchangeClient rebuilt = new PaperExchangeClient(
                new VenueConfig("BitMEX", "bitmex", VenueConfig.Mode.PAPER),
                desk.market,
                desk.clock,
                PaperSettings.defaults());
        new PaperPersister(store).attach(key, rebuilt);

        assertThat(ok(rebuilt.fetchOpenOrders())).isEqualTo(open);
        assertThat(open).extracting(OrderState::orderId).containsExactly(resting.orderId(), last.orderId());
        assertThat(ok(rebuilt.fetchBalances()))
                .usingRecursiveFieldByFieldElementComparator(DECIMALS_BY_VALUE)
                .containsExactlyInAnyOrderElementsOf(balances);
        assertThat(bySymbol(ok(rebuilt.fetchPositions())))
                .usingRecursiveFieldByFieldElementComparator(DECIMALS_BY_VALUE)
                .containsExactlyElementsOf(positions);
        rebuilt.validateInternalState();

        // The finished-orders memory came back too: cancelling the cancelled order again answers its final state.
        assertThat(ok(rebuilt.cancelOrders(new CancelOrders(cancelled.orderId(), null))))
                .singleElement()
                .satisfies(order -> assertThat(order.status()).isEqualTo(OrderStatus.CANCELED));
    }

    @Test
    void changesTheMarketMakesAreCommittedWithoutACall() throws SQLException {
        String key = "account-" + UUID.randomUUID() + "/BitMEX";
        PaperDesk desk = PaperDesk.bitmex();
        PaperPersister persister = new PaperPersister(new JdbcPaperStateStore(dataSource));
        persister.attach(key, desk.client);
        persister.start(Duration.ofSeconds(60), Duration.ofMillis(200));
        desk.market.quote("XBTUSDT", "50000", "5000", "50000.5", "1000");
        ok(desk.limit("XBTUSDT", Side.BUY, "1000", "50000"));
        desk.market.trade("XBTUSDT", Side.SELL, "49999.5", "10"); // prints through the bid: the order fills

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(fillRows(key))
                .isEqualTo(1));
        persister.stop();
    }

    private static List<PositionState> bySymbol(List<PositionState> positions) {
        return positions.stream()
                .sorted(Comparator.comparing(PositionState::sym))
                .map(position -> new PositionState(
                        position.sym(),
                        position.posSize(),
                        position.entryPrice(),
                        position.markPrice(),
                        position.liqPrice(),
                        position.unrealisedPnl(),
                        position.realisedPnl(),
                        position.currency(),
                        0))
                .toList();
    }

    private int fillRows(String key) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count =
                        connection.prepareStatement("select count(*) from paper_fills where venue_key = ?")) {
            count.setString(1, key);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
