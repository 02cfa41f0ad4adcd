package dev.botlink.platform.marketplace;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** A deployment's equity (reference capital plus its own PnL, in the quote currency) at one time. */
@Entity
@Table(name = "marketplace_equity")
public class EquitySample extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "deployment_id", nullable = false)
    public Long deploymentId;

    @Column(name = "time_ms", nullable = false)
    public long timeMs;

    @Column(nullable = false, precision = 38, scale = 18)
    public BigDecimal equity;
}
