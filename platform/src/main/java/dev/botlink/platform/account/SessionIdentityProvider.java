package dev.botlink.platform.account;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns a session token into the identity of its account: principal = username, attribute = account id. */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<SessionTokenRequest> {

    static final String ACCOUNT_ID = "botlink.account-id";

    private final AccountService accounts;

    public SessionIdentityProvider(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public Class<SessionTokenRequest> getRequestType() {
        return SessionTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionTokenRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> accounts.authenticate(request.token())
                .map(SessionIdentityProvider::identityOf)
                .orElseThrow(() -> new AuthenticationFailedException("unknown or expired session")));
    }

    static SecurityIdentity identityOf(Account account) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(account.username))
                .addAttribute(ACCOUNT_ID, account.id)
                .build();
    }
}
