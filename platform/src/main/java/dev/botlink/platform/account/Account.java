package dev.botlink.platform.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A Botlink account. Its secrets are stored sealed with a lookup digest; see {@link AccountService}. */
@Entity
@Table(name = "accounts")
public class Account extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true, length = 64)
    public String username;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "api_key_sealed")
    public String apiKeySealed;

    @Column(name = "api_key_lookup", length = 64)
    public String apiKeyLookup;

    @Column(name = "webhook_secret_sealed")
    public String webhookSecretSealed;

    @Column(name = "webhook_secret_lookup", length = 64)
    public String webhookSecretLookup;

    /** The OpenID Connect subject ({@code sub}) of an account created for a provider's user; null for local ones. */
    @Column(name = "oidc_subject")
    public String oidcSubject;

    public static Optional<Account> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    public static Optional<Account> findByOidcSubject(String subject) {
        return find("oidcSubject", subject).firstResultOptional();
    }

    public static Optional<Account> findByApiKeyLookup(String digest) {
        return find("apiKeyLookup", digest).firstResultOptional();
    }

    public static Optional<Account> findByWebhookSecretLookup(String digest) {
        return find("webhookSecretLookup", digest).firstResultOptional();
    }
}
