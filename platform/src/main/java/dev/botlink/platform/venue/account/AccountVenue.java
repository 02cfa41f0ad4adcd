package dev.botlink.platform.venue.account;

import dev.botlink.platform.venue.VenueConfig;
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

/** A venue an account configured; its exchange keys are stored sealed. */
@Entity
@Table(name = "account_venues")
public class AccountVenue extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id", nullable = false)
    public Long accountId;

    @Column(nullable = false, length = 64)
    public String name;

    @Column(nullable = false, length = 32)
    public String exchange;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public VenueConfig.Mode mode;

    @Column(name = "api_key_sealed", length = 1024)
    public String apiKeySealed;

    @Column(name = "api_secret_sealed", length = 1024)
    public String apiSecretSealed;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public VenueConfig config() {
        return new VenueConfig(name, exchange, mode);
    }
}
