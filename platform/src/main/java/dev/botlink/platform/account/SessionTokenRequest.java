package dev.botlink.platform.account;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/**
 * A local session token to check. Its own request type, so that it never meets the OpenID Connect provider's
 * identity provider, and access tokens never meet {@link SessionIdentityProvider}.
 */
final class SessionTokenRequest extends BaseAuthenticationRequest {

    private final String token;

    SessionTokenRequest(String token) {
        this.token = token;
    }

    String token() {
        return token;
    }
}
