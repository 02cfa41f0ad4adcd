package dev.botlink.platform.marketplace;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** A signal a listing emitted, kept (bounded per listing) for its chart. */
@Entity
@Table(name = "marketplace_signals")
public class ListingSignal extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "listing_id", nullable = false)
    public Long listingId;

    @Column(name = "time_ms", nullable = false)
    public long timeMs;

    /** {@code size}, {@code mid} or {@code quote}. */
    @Column(nullable = false, length = 8)
    public String kind;

    @Column(nullable = false, precision = 38, scale = 18)
    public BigDecimal value1;

    /** The ask of a quote signal; null otherwise. */
    @Column(precision = 38, scale = 18)
    public BigDecimal value2;
}
