package dev.botlink.platform.venue.paper.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.botlink.platform.venue.ExchangeCommand.CreateMarketOrder;
import dev.botlink.platform.venue.OrderState;
import dev.botlink.platform.venue.OrderStatus;
import dev.botlink.platform.venue.Side;
import dev.botlink.platform.venue.VenueConfig;
import dev.botlink.platform.venue.VenueEvent;
import dev.botlink.platform.venue.VenueResult;
import dev.botlink.platform.venue.paper.PaperExchangeClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Paper venues inside the platform: the replayed market runs on wall-clock time and every change is saved. */
@QuarkusTest
class PaperVenueRuntimeTest {

    private static final VenueConfig WOO = new VenueConfig("WooPaper", "woo", VenueConfig.Mode.PAPER);

    @Inject
    PaperVenueRuntime runtime;

    @Inject
    DataSource dataSource;

    @Test
    void aPaperVenueTradesOnTheLiveReplayAndIsSaved() throws Exception {
        PaperExchangeClient client = runtime.venue(42L, WOO);
        assertThat(runtime.venue(42L, WOO)).isSameAs(client);
        List<VenueEvent> events = new CopyOnWriteArrayList<>();
        try (AutoCloseable subscription = client.subscribe(events::add)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(events)
                    .anySatisfy(event -> assertThat(event).isInstanceOf(VenueEvent.QuoteUpdated.class)));
            VenueResult<OrderState> order =
                    client.createMarketOrder(new CreateMarketOrder("PERP_BTC_USDT", Side.BUY, new BigDecimal("0.01")));
            assertThat(order.error()).isNull();
            assertThat(order.data().status()).isEqualTo(OrderStatus.FILLED);
            assertThat(savedFills("42/WooPaper"))
                    .as("group commit: the call returned after its fill was saved")
                    .isGreaterThanOrEqualTo(1);
        }
    }

    private int savedFills(String venueKey) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count =
                        connection.prepareStatement("select count(*) from paper_fills where venue_key = ?")) {
            count.setString(1, venueKey);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
