package dev.botlink.platform.venue.paper.persistence;

import dev.botlink.platform.venue.Fill;
import dev.botlink.platform.venue.paper.PaperSnapshot;
import dev.botlink.platform.venue.paper.PaperSnapshot.BalanceRow;
import dev.botlink.platform.venue.paper.PaperSnapshot.FinishedOrderRow;
import dev.botlink.platform.venue.paper.PaperSnapshot.OrderRow;
import dev.botlink.platform.venue.paper.PaperSnapshot.PositionRow;
import dev.botlink.platform.venue.paper.PaperStateStore;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link PaperStateStore} on the platform database (tables of migrations V2 and V20), in plain JDBC: one transaction
 * per snapshot, replacing the account's current state and appending its newly finished orders (pruned to the newest
 * {@link PaperSnapshot#FINISHED_ORDERS_KEPT}) and new fills in JDBC batches.
 */
public final class JdbcPaperStateStore implements PaperStateStore {

    /** The columns both order tables share, in {@link OrderRow}'s order (less the queue estimate). */
    private static final String ORDER_COLUMNS = "order_id, sym, side, order_type, post_only, text, price_ticks,"
            + " size_units, filled_units, sequence_no, time_ms, filled_notional";

    private final DataSource dataSource;

    public JdbcPaperStateStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void save(PaperSnapshot snapshot) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                replaceState(connection, snapshot);
                appendFinishedOrders(connection, snapshot);
                appendFills(connection, snapshot);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("saving paper venue " + snapshot.venueKey() + " failed", e);
        }
    }

    @Override
    public Optional<PaperSnapshot> load(String venueKey) {
        try (Connection connection = dataSource.getConnection()) {
            String exchangeId;
            String venueName;
            try (PreparedStatement account = connection.prepareStatement(
                    "select exchange_id, venue_name from paper_accounts where venue_key = ?")) {
                account.setString(1, venueKey);
                try (ResultSet row = account.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    exchangeId = row.getString(1);
                    venueName = row.getString(2);
                }
            }
            return Optional.of(new PaperSnapshot(
                    venueKey,
                    exchangeId,
                    venueName,
                    balances(connection, venueKey),
                    positions(connection, venueKey),
                    orders(connection, venueKey),
                    finishedOrders(connection, venueKey),
                    List.of()));
        } catch (SQLException e) {
            throw new IllegalStateException("loading paper venue " + venueKey + " failed", e);
        }
    }

    private static void replaceState(Connection connection, PaperSnapshot snapshot) throws SQLException {
        String key = snapshot.venueKey();
        for (String table : List.of("paper_open_orders", "paper_positions", "paper_balances", "paper_accounts")) {
            try (PreparedStatement delete =
                    connection.prepareStatement("delete from " + table + " where venue_key = ?")) {
                delete.setString(1, key);
                delete.executeUpdate();
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into paper_accounts (venue_key, exchange_id, venue_name) values (?, ?, ?)")) {
            insert.setString(1, key);
            insert.setString(2, snapshot.exchangeId());
            insert.setString(3, snapshot.venueName());
            insert.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into paper_balances"
                + " (venue_key, currency, balance, deposited, realised, fees) values (?, ?, ?, ?, ?, ?)")) {
            for (BalanceRow row : snapshot.balances()) {
                insert.setString(1, key);
                insert.setString(2, row.currency());
                insert.setBigDecimal(3, row.balance());
                insert.setBigDecimal(4, row.deposited());
                insert.setBigDecimal(5, row.realised());
                insert.setBigDecimal(6, row.fees());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into paper_positions"
                + " (venue_key, sym, units, entry_value, realised_pnl) values (?, ?, ?, ?, ?)")) {
            for (PositionRow row : snapshot.positions()) {
                insert.setString(1, key);
                insert.setString(2, row.sym());
                insert.setLong(3, row.units());
                insert.setString(4, row.entryValue().toString());
                insert.setBigDecimal(5, row.realisedPnl());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into paper_open_orders (venue_key,"
                + " queue_ahead, " + ORDER_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (OrderRow row : snapshot.openOrders()) {
                insert.setString(1, key);
                insert.setLong(2, row.queueAhead());
                setOrderColumns(insert, 3, row);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Sets {@link #ORDER_COLUMNS} from {@code first} on. */
    private static void setOrderColumns(PreparedStatement insert, int first, OrderRow row) throws SQLException {
        insert.setString(first, row.orderId());
        insert.setString(first + 1, row.sym());
        insert.setString(first + 2, row.side());
        insert.setString(first + 3, row.orderType());
        insert.setBoolean(first + 4, row.postOnly());
        insert.setString(first + 5, row.text());
        insert.setLong(first + 6, row.priceTicks());
        insert.setLong(first + 7, row.sizeUnits());
        insert.setLong(first + 8, row.filledUnits());
        insert.setLong(first + 9, row.sequence());
        insert.setLong(first + 10, row.time());
        insert.setString(first + 11, row.filledNotional().toString());
    }

    private static void appendFinishedOrders(Connection connection, PaperSnapshot snapshot) throws SQLException {
        List<FinishedOrderRow> finished = snapshot.finishedOrders();
        if (finished.isEmpty()) {
            return;
        }
        try (PreparedStatement insert =
                connection.prepareStatement("insert into paper_finished_orders (venue_key," + " finished_seq, status, "
                        + ORDER_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (FinishedOrderRow finishedRow : finished) {
                insert.setString(1, snapshot.venueKey());
                insert.setLong(2, finishedRow.finishedSequence());
                insert.setString(3, finishedRow.status());
                setOrderColumns(insert, 4, finishedRow.order());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        long newest = finished.getLast().finishedSequence();
        try (PreparedStatement prune = connection.prepareStatement(
                "delete from paper_finished_orders where venue_key = ? and finished_seq <= ?")) {
            prune.setString(1, snapshot.venueKey());
            prune.setLong(2, newest - PaperSnapshot.FINISHED_ORDERS_KEPT);
            prune.executeUpdate();
        }
    }

    private static List<FinishedOrderRow> finishedOrders(Connection connection, String key) throws SQLException {
        List<FinishedOrderRow> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select " + ORDER_COLUMNS + ", status,"
                + " finished_seq from paper_finished_orders where venue_key = ?"
                + " order by finished_seq desc limit " + PaperSnapshot.FINISHED_ORDERS_KEPT)) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(new FinishedOrderRow(
                            orderRow(row, 0), row.getString("status"), row.getLong("finished_seq")));
                }
            }
        }
        return rows.reversed();
    }

    private static void appendFills(Connection connection, PaperSnapshot snapshot) throws SQLException {
        if (snapshot.newFills().isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into paper_fills (trade_id, venue_key,"
                + " order_id, sym, side, order_type, price, size, maker, fee, fee_currency, liquidation, time_ms)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Fill fill : snapshot.newFills()) {
                insert.setString(1, fill.tradeId());
                insert.setString(2, snapshot.venueKey());
                insert.setString(3, fill.orderId());
                insert.setString(4, fill.sym());
                insert.setString(5, fill.side().link());
                insert.setString(6, fill.orderType().name());
                insert.setBigDecimal(7, fill.fillPrice());
                insert.setBigDecimal(8, fill.fillSize());
                insert.setBoolean(9, fill.maker());
                insert.setBigDecimal(10, fill.fee());
                insert.setString(11, fill.feeCurrency());
                insert.setBoolean(12, fill.liquidation());
                insert.setLong(13, fill.time());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static List<BalanceRow> balances(Connection connection, String key) throws SQLException {
        List<BalanceRow> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select currency, balance, deposited, realised,"
                + " fees from paper_balances where venue_key = ? order by currency")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(new BalanceRow(
                            row.getString(1),
                            plain(row.getBigDecimal(2)),
                            plain(row.getBigDecimal(3)),
                            plain(row.getBigDecimal(4)),
                            plain(row.getBigDecimal(5))));
                }
            }
        }
        return rows;
    }

    private static List<PositionRow> positions(Connection connection, String key) throws SQLException {
        List<PositionRow> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select sym, units, entry_value, realised_pnl from paper_positions where venue_key = ? order by sym")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(new PositionRow(
                            row.getString(1),
                            row.getLong(2),
                            new BigDecimal(row.getString(3)),
                            plain(row.getBigDecimal(4))));
                }
            }
        }
        return rows;
    }

    private static List<OrderRow> orders(Connection connection, String key) throws SQLException {
        List<OrderRow> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select " + ORDER_COLUMNS + ", queue_ahead"
                + " from paper_open_orders where venue_key = ? order by sequence_no")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(orderRow(row, row.getLong("queue_ahead")));
                }
            }
        }
        return rows;
    }

    /** An order as both order tables store it; finished orders have no queue estimate. */
    private static OrderRow orderRow(ResultSet row, long queueAhead) throws SQLException {
        return new OrderRow(
                row.getString("order_id"),
                row.getString("sym"),
                row.getString("side"),
                row.getString("order_type"),
                row.getBoolean("post_only"),
                row.getString("text"),
                row.getLong("price_ticks"),
                row.getLong("size_units"),
                row.getLong("filled_units"),
                queueAhead,
                row.getLong("sequence_no"),
                row.getLong("time_ms"),
                new BigDecimal(row.getString("filled_notional")));
    }

    /** Drops the column's padding zeros so a restored amount compares and prints as it was saved. */
    private static BigDecimal plain(BigDecimal value) {
        return value.stripTrailingZeros();
    }
}
