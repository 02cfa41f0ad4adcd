package dev.botlink.platform.account;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Authenticates a bearer token that a browser sends outside the Authorization header (a websocket URL's
 * {@code ?token=}: browsers cannot set headers on websockets). In local mode it is a login session token; with an
 * OpenID Connect provider it is the provider's access token, verified as the REST API verifies it (signature, issuer,
 * expiry), and its subject is mapped to the Botlink account as for REST calls.
 */
@ApplicationScoped
public class BrowserTokens {

    /** Longest token looked at: a session token is 48 characters, a provider's JWT a few kilobytes at most. */
    public static final int MAX_LENGTH = 16_384;

    private final LoginMode mode;
    private final AccountService accounts;
    private final Instance<TenantIdentityProvider> provider;

    public BrowserTokens(LoginMode mode, AccountService accounts, Instance<TenantIdentityProvider> provider) {
        this.mode = mode;
        this.accounts = accounts;
        this.provider = provider;
    }

    /** The token's account; empty for a missing, malformed, expired or foreign token. Never fails. */
    public Uni<Optional<Account>> account(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_LENGTH) {
            return Uni.createFrom().item(Optional.empty());
        }
        if (!mode.oidc()) {
            return blocking(() -> accounts.authenticate(token));
        }
        return provider.get()
                .authenticate(new AccessTokenCredential(token))
                .onItem()
                .transformToUni(this::accountOf)
                .onFailure()
                .recoverWithItem(Optional.empty());
    }

    private Uni<Optional<Account>> accountOf(SecurityIdentity identity) {
        if (identity.getAttribute(SessionIdentityProvider.ACCOUNT_ID) instanceof Long id) {
            return blocking(() -> accounts.byId(id));
        }
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt)
                || jwt.getSubject() == null
                || jwt.getSubject().isBlank()) {
            return Uni.createFrom().item(Optional.empty());
        }
        String preferred = jwt.getClaim("preferred_username");
        return blocking(() -> Optional.of(accounts.forOidcSubject(jwt.getSubject(), preferred)));
    }

    private static Uni<Optional<Account>> blocking(Supplier<Optional<Account>> lookup) {
        return Uni.createFrom().item(lookup).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
