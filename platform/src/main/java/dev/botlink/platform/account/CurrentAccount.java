package dev.botlink.platform.account;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/** The account of the authenticated request. Every per-account query filters by {@link #id()}. */
@RequestScoped
public class CurrentAccount {

    private final SecurityIdentity identity;

    public CurrentAccount(SecurityIdentity identity) {
        this.identity = identity;
    }

    public long id() {
        Long id = identity.getAttribute(SessionIdentityProvider.ACCOUNT_ID);
        if (id == null) {
            throw new UnauthorizedException();
        }
        return id;
    }

    public String username() {
        return identity.getPrincipal().getName();
    }
}
