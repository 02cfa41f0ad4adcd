package dev.botlink.platform.account;

import dev.botlink.platform.secret.SecretBox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Sign-up, login sessions and the account's secrets (private-stream API key, webhook secret). */
@ApplicationScoped
public class AccountService {

    /** Fired inside the sign-up transaction, so features can give a new account its defaults (paper venues, ...). */
    public record AccountCreated(long accountId, String username) {}

    public record LoginToken(String token, Instant expiresAt) {}

    public record AccountSecrets(String apiKey, String webhookSecret) {}

    public enum SecretKind {
        API_KEY,
        WEBHOOK_SECRET
    }

    /** Fired inside the rotating transaction: features holding connections opened with the old secret close them. */
    public record SecretRotated(long accountId, SecretKind secret) {}

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{2,31}");
    private static final int MIN_PASSWORD = 8;
    private static final int MAX_PASSWORD = 256;

    private final SecretBox secrets;
    private final PasswordHasher passwords;
    private final LoginThrottle userThrottle;
    private final LoginThrottle addressThrottle;
    private final Clock clock;
    private final Duration sessionLifetime;
    private final Event<AccountCreated> created;

    @Inject
    Event<SecretRotated> rotated;

    public AccountService(
            SecretBox secrets,
            Event<AccountCreated> created,
            @ConfigProperty(name = "botlink.auth.password-iterations", defaultValue = "600000") int iterations,
            @ConfigProperty(name = "botlink.auth.session-lifetime", defaultValue = "P30D") Duration sessionLifetime,
            @ConfigProperty(name = "botlink.auth.max-login-failures", defaultValue = "5") int maxFailures,
            @ConfigProperty(name = "botlink.auth.login-lockout", defaultValue = "PT15M") Duration lockout) {
        this.secrets = secrets;
        this.created = created;
        this.passwords = new PasswordHasher(iterations);
        this.clock = Clock.systemUTC();
        this.userThrottle = new LoginThrottle(clock, maxFailures, lockout, 10_000);
        // One address may serve many people (a shared office, a proxy): it gets more room than one username.
        this.addressThrottle = new LoginThrottle(clock, maxFailures * 10, lockout, 10_000);
        this.sessionLifetime = sessionLifetime;
    }

    @Transactional
    public Account signUp(String username, String password) {
        String name = normalise(username);
        if (name == null || !USERNAME.matcher(name).matches()) {
            throw new AccountException.Invalid(
                    "username must be 3 to 32 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw new AccountException.Invalid(
                    "password must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters long");
        }
        if (Account.findByUsername(name).isPresent()) {
            throw new AccountException.Taken("the username '" + name + "' is taken");
        }
        Account account = new Account();
        account.username = name;
        account.passwordHash = passwords.hash(password);
        account.createdAt = clock.instant();
        setApiKey(account, newApiKey());
        setWebhookSecret(account, newWebhookSecret());
        try {
            account.persistAndFlush();
        } catch (PersistenceException raced) {
            throw new AccountException.Taken("the username '" + name + "' is taken");
        }
        created.fire(new AccountCreated(account.id, name));
        return account;
    }

    /**
     * The account of an OpenID Connect provider's user, created on first use like a sign-up: the same defaults (an
     * {@link AccountCreated} event), its own API key and webhook secret, and no usable local password. It is named
     * after the provider's preferred username when that is a valid and free Botlink username, else {@code oidc-} and
     * a digest of the subject. Safe to call concurrently for the same subject.
     */
    public Account forOidcSubject(String subject, String preferredUsername) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Account.findByOidcSubject(subject))
                .orElseGet(() -> {
                    try {
                        return QuarkusTransaction.requiringNew().call(() -> createForOidc(subject, preferredUsername));
                    } catch (PersistenceException raced) {
                        return QuarkusTransaction.requiringNew()
                                .call(() -> Account.findByOidcSubject(subject))
                                .orElseThrow(() -> raced);
                    }
                });
    }

    private Account createForOidc(String subject, String preferredUsername) {
        String preferred = normalise(preferredUsername);
        Account account = new Account();
        account.username = preferred != null
                        && USERNAME.matcher(preferred).matches()
                        && Account.findByUsername(preferred).isEmpty()
                ? preferred
                : "oidc-" + subjectDigest(subject);
        account.oidcSubject = subject;
        // Not a PBKDF2 hash: no password ever matches it, so the account cannot log in locally.
        account.passwordHash = "oidc";
        account.createdAt = clock.instant();
        setApiKey(account, newApiKey());
        setWebhookSecret(account, newWebhookSecret());
        account.persistAndFlush();
        created.fire(new AccountCreated(account.id, account.username));
        return account;
    }

    private static String subjectDigest(String subject) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /**
     * Checks the password and opens a session. Throttled per username and per client address; a refused attempt
     * says when to try again. The same answer for an unknown user and a wrong password.
     */
    @Transactional
    public LoginToken logIn(String username, String password, String clientAddress) {
        String name = normalise(username);
        String userKey = String.valueOf(name);
        userThrottle
                .lockedFor(userKey)
                .or(() -> addressThrottle.lockedFor(clientAddress))
                .ifPresent(wait -> {
                    throw new AccountException.Throttled(wait);
                });
        Optional<Account> account = name == null ? Optional.empty() : Account.findByUsername(name);
        if (account.isEmpty() || password == null || !passwords.matches(password, account.get().passwordHash)) {
            userThrottle.failed(userKey);
            addressThrottle.failed(clientAddress);
            throw new AccountException.BadCredentials();
        }
        userThrottle.succeeded(userKey);
        String token = secrets.newToken("bls_", 32);
        Session session = new Session();
        session.tokenLookup = secrets.lookupDigest(token);
        session.accountId = account.get().id;
        session.createdAt = clock.instant();
        session.expiresAt = session.createdAt.plus(sessionLifetime);
        session.persist();
        return new LoginToken(token, session.expiresAt);
    }

    /** The account a bearer token belongs to, if the session exists and has not expired. */
    @Transactional
    public Optional<Account> authenticate(String token) {
        Session session = Session.findById(secrets.lookupDigest(token));
        if (session == null) {
            return Optional.empty();
        }
        if (session.expiresAt.isBefore(clock.instant())) {
            session.delete();
            return Optional.empty();
        }
        return Optional.ofNullable(Account.findById(session.accountId));
    }

    @Transactional
    public void logOut(String token) {
        Session.deleteById(secrets.lookupDigest(token));
    }

    @Transactional
    public Optional<Account> byId(long accountId) {
        return Optional.ofNullable(Account.findById(accountId));
    }

    /** The account whose private-stream API key this is; compared in constant time. */
    @Transactional
    public Optional<Account> byApiKey(String apiKey) {
        return Account.findByApiKeyLookup(secrets.lookupDigest(apiKey))
                .filter(account -> SecretBox.sameSecret(secrets.decrypt(account.apiKeySealed), apiKey));
    }

    /** The account whose webhook secret this is; compared in constant time. */
    @Transactional
    public Optional<Account> byWebhookSecret(String secret) {
        return Account.findByWebhookSecretLookup(secrets.lookupDigest(secret))
                .filter(account -> SecretBox.sameSecret(secrets.decrypt(account.webhookSecretSealed), secret));
    }

    @Transactional
    public AccountSecrets secretsOf(long accountId) {
        Account account = Account.findById(accountId);
        return new AccountSecrets(secrets.decrypt(account.apiKeySealed), secrets.decrypt(account.webhookSecretSealed));
    }

    /** A new API key; the old one stops working at once. */
    @Transactional
    public void rotateApiKey(long accountId) {
        setApiKey(Account.findById(accountId), newApiKey());
        rotated.fire(new SecretRotated(accountId, SecretKind.API_KEY));
    }

    /** A new webhook secret; the old one stops working at once. */
    @Transactional
    public void rotateWebhookSecret(long accountId) {
        setWebhookSecret(Account.findById(accountId), newWebhookSecret());
        rotated.fire(new SecretRotated(accountId, SecretKind.WEBHOOK_SECRET));
    }

    private String newApiKey() {
        return secrets.newToken("blk_", 24);
    }

    private String newWebhookSecret() {
        return secrets.newToken("blw_", 24);
    }

    private void setApiKey(Account account, String apiKey) {
        account.apiKeySealed = secrets.encrypt(apiKey);
        account.apiKeyLookup = secrets.lookupDigest(apiKey);
    }

    private void setWebhookSecret(Account account, String secret) {
        account.webhookSecretSealed = secrets.encrypt(secret);
        account.webhookSecretLookup = secrets.lookupDigest(secret);
    }

    private static String normalise(String username) {
        return username == null ? null : username.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
