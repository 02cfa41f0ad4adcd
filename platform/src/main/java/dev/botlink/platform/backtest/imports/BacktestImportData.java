package dev.botlink.platform.backtest.imports;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The rows of an import in normal form ({@link ImportedData#gzipped()}). */
@Entity
@Table(name = "backtest_import_data")
public class BacktestImportData extends PanacheEntityBase {

    @Id
    @Column(name = "import_id")
    public Long importId;

    @Column(nullable = false)
    public byte[] data;
}
