package dev.botlink.platform.marketplace;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A Signals bot offered in the marketplace: the author's signal bot ({@code botId}), the execution bot type and
 * symbol its signals drive, and the parameters (JSON, private values included: never shown to others).
 */
@Entity
@Table(name = "marketplace_listings")
public class Listing extends PanacheEntityBase {

    public enum Status {
        LISTED,
        UNLISTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "author_id", nullable = false)
    public Long authorId;

    @Column(name = "bot_id")
    public Long botId;

    @Column(nullable = false, length = 64)
    public String name;

    @Column(nullable = false, length = 2000)
    public String description;

    @Column(name = "exchange_id", nullable = false, length = 32)
    public String exchangeId;

    @Column(nullable = false, length = 32)
    public String symbol;

    @Column(name = "bot_type", nullable = false, length = 32)
    public String botType;

    /** {@code {name: {value, default, private}}} as JSON. */
    @Column(nullable = false, length = 16_000)
    public String parameters;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Status status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
