package dev.botlink.platform.account;

import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;

/** How to log in, and local accounts: sign up, log in for a bearer token, log out. */
@Path("/api/auth")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    public record Credentials(String username, String password) {}

    public record SignedUp(long id, String username) {}

    public record Token(String token, Instant expiresAt) {}

    /**
     * How to log in: {@code local} (sign-up and login here), or {@code oidc} with the provider's URL (its
     * {@code /.well-known/openid-configuration} names the endpoints) and the client id the IDE uses there.
     */
    public record LoginConfig(String mode, String provider, String clientId) {}

    private final AccountService accounts;
    private final LoginMode mode;

    public AuthResource(AccountService accounts, LoginMode mode) {
        this.accounts = accounts;
        this.mode = mode;
    }

    @GET
    @Path("/config")
    public LoginConfig config() {
        return mode.oidc()
                ? new LoginConfig(
                        "oidc", mode.provider().orElse(null), mode.clientId().orElse(null))
                : new LoginConfig("local", null, null);
    }

    @POST
    @Path("/signup")
    public Response signUp(Credentials credentials) {
        mode.requireLocal("local sign-up");
        Credentials given = credentials == null ? new Credentials(null, null) : credentials;
        Account account = accounts.signUp(given.username(), given.password());
        return Response.status(201)
                .entity(new SignedUp(account.id, account.username))
                .build();
    }

    @POST
    @Path("/login")
    public Token logIn(Credentials credentials, @Context HttpServerRequest request) {
        mode.requireLocal("local login");
        Credentials given = credentials == null ? new Credentials(null, null) : credentials;
        var token = accounts.logIn(
                given.username(), given.password(), request.remoteAddress().hostAddress());
        return new Token(token.token(), token.expiresAt());
    }

    @POST
    @Path("/logout")
    @Consumes(MediaType.WILDCARD)
    @Authenticated
    public Response logOut(@HeaderParam("Authorization") String authorization) {
        accounts.logOut(authorization.substring("Bearer ".length()).trim());
        return Response.noContent().build();
    }
}
