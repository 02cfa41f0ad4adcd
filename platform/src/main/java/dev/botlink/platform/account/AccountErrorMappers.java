package dev.botlink.platform.account;

import dev.botlink.platform.error.ErrorBody;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** HTTP answers for refused account operations and for requests without a valid login. */
public class AccountErrorMappers {

    @ServerExceptionMapper
    public Response refused(AccountException exception) {
        Response.ResponseBuilder answer =
                switch (exception) {
                    case AccountException.Invalid invalid -> Response.status(400);
                    case AccountException.Taken taken -> Response.status(409);
                    case AccountException.BadCredentials bad -> Response.status(401);
                    case AccountException.LocalLoginDisabled off -> Response.status(403);
                    case AccountException.Throttled throttled ->
                        Response.status(429)
                                .header(
                                        "Retry-After",
                                        Math.max(1, throttled.retryAfter().toSeconds()));
                    default -> Response.status(400);
                };
        int status = answer.build().getStatus();
        return answer.type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorBody.of(status, exception.getMessage()))
                .build();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated() {
        return Response.status(401)
                .header("WWW-Authenticate", "Bearer")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorBody.of(
                        401, "log in first: send 'Authorization: Bearer <token>' from POST /api/auth/login"))
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException exception) {
        return Response.status(403)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorBody.of(403, "not allowed"))
                .build();
    }
}
