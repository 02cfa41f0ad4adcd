package dev.botlink.platform.backtest.imports;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What an import is; its rows are in {@link BacktestImportData}. */
@Entity
@Table(name = "backtest_imports")
public class BacktestImport extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id", nullable = false)
    public long accountId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String kind;

    public String symbol;

    @Column(name = "row_count", nullable = false)
    public int rowCount;

    @Column(name = "from_ms", nullable = false)
    public long fromMs;

    @Column(name = "to_ms", nullable = false)
    public long toMs;

    @Column(name = "bar_ms", nullable = false)
    public long barMs;

    @Column(name = "csv_bytes", nullable = false)
    public long csvBytes;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
