package dev.botlink.platform.marketplace;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** A fill of a deployment's own orders; the fee is in the quote currency. */
@Entity
@Table(name = "marketplace_fills")
public class ExecutionFill extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "deployment_id", nullable = false)
    public Long deploymentId;

    @Column(name = "time_ms", nullable = false)
    public long timeMs;

    @Column(nullable = false, length = 4)
    public String side;

    @Column(nullable = false, precision = 38, scale = 18)
    public BigDecimal price;

    @Column(nullable = false, precision = 38, scale = 18)
    public BigDecimal size;

    @Column(nullable = false, precision = 38, scale = 18)
    public BigDecimal fee;
}
