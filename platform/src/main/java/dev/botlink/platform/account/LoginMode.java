package dev.botlink.platform.account;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who logs people in: Botlink's own local accounts (the embedded default), or an OpenID Connect provider such as
 * Keycloak when {@code quarkus.oidc.tenant-enabled=true}. Exactly one of the two is active; the other's endpoints and
 * tokens are refused.
 */
@ApplicationScoped
public class LoginMode {

    private final boolean oidc;
    private final Optional<String> provider;
    private final Optional<String> clientId;

    public LoginMode(
            @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "false") boolean oidc,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> provider,
            @ConfigProperty(name = "quarkus.oidc.client-id") Optional<String> clientId) {
        this.oidc = oidc;
        this.provider = provider;
        this.clientId = clientId;
    }

    /** The provider's URL (a Keycloak realm's), when it logs people in. */
    public Optional<String> provider() {
        return oidc ? provider : Optional.empty();
    }

    /** The client the web IDE logs in as at the provider (a public client using the authorization code flow). */
    public Optional<String> clientId() {
        return oidc ? clientId : Optional.empty();
    }

    /** True when an OpenID Connect provider logs people in and local sign-up and login are off. */
    public boolean oidc() {
        return oidc;
    }

    /** Refuses a local sign-up or login while the OpenID Connect provider logs people in. */
    void requireLocal(String what) {
        if (oidc) {
            throw new AccountException.LocalLoginDisabled(what + " is off: this Botlink logs people in through "
                    + provider.orElse("its OpenID Connect provider")
                    + "; get an access token there and send it as 'Authorization: Bearer <token>'");
        }
    }
}
