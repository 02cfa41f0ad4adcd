package dev.botlink.platform.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * JSON error bodies for answers that no REST resource produced: paths nothing serves, and failures outside JAX-RS.
 */
@Singleton
public class UnmatchedRouteErrors {

    private final ObjectMapper json;

    public UnmatchedRouteErrors(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        router.errorHandler(
                404, ctx -> answer(ctx, 404, "Nothing here: " + ctx.request().path()));
        router.errorHandler(
                405, ctx -> answer(ctx, 405, "Method " + ctx.request().method() + " is not allowed here"));
        router.errorHandler(
                500, ctx -> answer(ctx, 500, "Something went wrong on our side; the error has been logged."));
    }

    private void answer(RoutingContext ctx, int status, String message) {
        if (ctx.response().headWritten()) {
            return;
        }
        try {
            ctx.response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", "application/json")
                    .end(json.writeValueAsString(ErrorBody.of(status, message)));
        } catch (JsonProcessingException impossible) {
            ctx.response().setStatusCode(status).end();
        }
    }
}
