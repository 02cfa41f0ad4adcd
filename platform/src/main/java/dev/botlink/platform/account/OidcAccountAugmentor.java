package dev.botlink.platform.account;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Gives an identity from the OpenID Connect provider its Botlink account: found by the token's subject, or created on
 * first use with the same defaults as a sign-up. Identities from local sessions already carry their account and pass
 * through unchanged.
 */
@ApplicationScoped
public class OidcAccountAugmentor implements SecurityIdentityAugmentor {

    private final LoginMode mode;
    private final AccountService accounts;

    public OidcAccountAugmentor(LoginMode mode, AccountService accounts) {
        this.mode = mode;
        this.accounts = accounts;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!mode.oidc()
                || identity.isAnonymous()
                || identity.getAttribute(SessionIdentityProvider.ACCOUNT_ID) != null
                || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        String subject = token.getSubject();
        if (subject == null || subject.isBlank()) {
            return Uni.createFrom().failure(new AuthenticationFailedException("the access token has no subject"));
        }
        String preferred = token.getClaim("preferred_username");
        return context.runBlocking(() -> {
            Account account = accounts.forOidcSubject(subject, preferred);
            return QuarkusSecurityIdentity.builder(identity)
                    .setPrincipal(new QuarkusPrincipal(account.username))
                    .addAttribute(SessionIdentityProvider.ACCOUNT_ID, account.id)
                    .build();
        });
    }
}
