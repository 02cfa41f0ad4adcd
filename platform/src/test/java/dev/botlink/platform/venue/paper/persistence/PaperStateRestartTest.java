package dev.botlink.platform.venue.paper.persistence;

import static dev.botlink.platform.venue.paper.PaperDesk.ok;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A paper account saved to the platform database resumes in a new engine instance exactly where it stopped. */
@QuarkusTest
class PaperStateRestartTest {

    @Inject
    DataSource dataSource;

    @Test
    void aRestartedEngineResumesOpenOrdersPositionsAndBalances() throws SQLException {
        String key = "account-" + UUID.randomUUID() + "/BitMEX";
        JdbcPaperStateStore store = new JdbcPaperStateStore(dataSource);
        PaperDesk desk = PaperDesk.bitmex();
        PaperPersister persister = new PaperPersister(store);
        persister.attach(key, desk.client);

        desk.market.quote("XBTUSDT", "50000", "5000", "50000.5", "1000");
        desk.market.quote("XBTUSD", "49999.5", "100000", "50000", "100000");
        ok(desk.market("XBTUSDT", Side.BUY, "3000"));
        ok(desk.market("XBTUSD", Side.SELL, "1000"));
        OrderState queued = ok(desk.limit("XBTUSDT", Side.BUY, "2000", "50000"));
        OrderState postOnly = ok(desk.postOnly("XBTUSD", Side.BUY, "500", "45000"));
        desk.market.trade("XBTUSDT", Side.SELL, "50000", "6000"); // eats the 5000 queued ahead, fills 1000 of 2000
        assertThat(persister.flushDirty()).isEqualTo(1);
        assertThat(persister.flushDirty()).as("nothing changed since").isZero();
        List<OrderState> openBefore = ok(desk.client.fetchOpenOrders());
        List<PositionState> positionsBefore = bySymbol(ok(desk.client.fetchPositions()));
        var balancesBefore = ok(desk.client.fetchBalances());
        desk.client.close();

        PaperExchangeClient restarted = new PaperExchangeClient(
                new VenueConfig("BitMEX", "bitmex", VenueConfig.Mode.PAPER),
                desk.market,
                desk.clock,
                PaperSettings.defaults());
        new PaperPersister(store).attach(key, restarted);

        assertThat(ok(restarted.fetchBalances()))
                .usingRecursiveFieldByFieldElementComparator(
                        org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration.builder()
                                .withComparatorForType(java.math.BigDecimal::compareTo, java.math.BigDecimal.class)
                                .build())
                .containsExactlyInAnyOrderElementsOf(balancesBefore);
        assertThat(ok(restarted.fetchOpenOrders())).isEqualTo(openBefore);
        assertThat(openBefore).extracting(OrderState::orderId).containsExactly(queued.orderId(), postOnly.orderId());
        assertThat(openBefore.getFirst().status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        List<PositionState> positionsAfter = bySymbol(ok(restarted.fetchPositions()));
        assertThat(positionsAfter).hasSameSizeAs(positionsBefore);
        for (int i = 0; i < positionsBefore.size(); i++) {
            assertThat(positionsAfter.get(i).posSize())
                    .isEqualByComparingTo(positionsBefore.get(i).posSize());
            assertThat(positionsAfter.get(i).entryPrice())
                    .isEqualByComparingTo(positionsBefore.get(i).entryPrice());
            assertThat(positionsAfter.get(i).realisedPnl())
                    .isEqualByComparingTo(positionsBefore.get(i).realisedPnl());
        }
        restarted.validateInternalState();

        // The restored order kept its place: the next seller at 50000 fills its remaining 1000 on the new engine.
        desk.market.trade("XBTUSDT", Side.SELL, "50000", "1000");
        assertThat(ok(restarted.fetchOpenOrders()))
                .extracting(OrderState::orderId)
                .containsExactly(postOnly.orderId());
        assertThat(ok(restarted.fetchPositions()).stream()
                        .filter(position -> position.sym().equals("XBTUSDT"))
                        .findFirst()
                        .orElseThrow()
                        .posSize())
                .isEqualByComparingTo("5000");
        restarted.validateInternalState();
        assertThat(fillRows(key))
                .as("the 5 fills before the restart were saved")
                .isEqualTo(5);
    }

    private static List<PositionState> bySymbol(List<PositionState> positions) {
        return positions.stream()
                .sorted(java.util.Comparator.comparing(PositionState::sym))
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
