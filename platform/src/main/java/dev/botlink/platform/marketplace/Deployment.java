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
 * A listing's execution bot on one venue: a user's deployment onto their own venue, or the listing's reference
 * execution on a paper venue of its own ({@code reference}). The desired state is persisted so a platform restart
 * resumes every running deployment.
 */
@Entity
@Table(name = "marketplace_deployments")
public class Deployment extends PanacheEntityBase {

    public enum Desired {
        RUNNING,
        PAUSED,
        STOPPED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "listing_id", nullable = false)
    public Long listingId;

    @Column(name = "account_id", nullable = false)
    public Long accountId;

    @Column(nullable = false)
    public boolean reference;

    @Column(name = "venue_name", nullable = false, length = 64)
    public String venueName;

    /** The deployer's values for public parameters, {@code {name: value}} as JSON. */
    @Column(nullable = false, length = 16_000)
    public String parameters;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Desired desired;

    /** What the execution bot is doing: the domain's bot status, or STOPPED / PAUSED / FAILED. */
    @Column(nullable = false, length = 32)
    public String status;

    @Column(length = 1000)
    public String reason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
