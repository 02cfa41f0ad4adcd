package dev.botlink.platform.equity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** One sample of an account venue's equity in one settlement currency. */
@Entity
@Table(name = "venue_equity")
public class VenueEquity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id", nullable = false)
    public long accountId;

    @Column(nullable = false, length = 64)
    public String venue;

    @Column(nullable = false, length = 16)
    public String currency;

    @Column(name = "time_ms", nullable = false)
    public long timeMs;

    @Column(nullable = false, precision = 38, scale = 18)
    public BigDecimal equity;
}
