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

    public LoginMode(
            @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "false") boolean oidc,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> provider) {
        this.oidc = oidc;
        this.provider = provider;
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
