package dev.botlink.platform.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A login session; the bearer token itself is never stored, only its keyed digest. */
@Entity
@Table(name = "sessions")
public class Session extends PanacheEntityBase {

    @Id
    @Column(name = "token_lookup", length = 64)
    public String tokenLookup;

    @Column(name = "account_id", nullable = false)
    public Long accountId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
