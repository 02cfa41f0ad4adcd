package dev.botlink.platform.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every exception that leaves a REST resource into a JSON {@link ErrorBody}. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response mapWebApplicationException(WebApplicationException exception, HttpServerRequest request) {
        if (exception.getCause() instanceof MismatchedInputException mismatched) {
            return mapMismatchedInput(mismatched);
        }
        if (exception.getCause() instanceof JsonProcessingException malformed) {
            return mapMalformedJson(malformed);
        }
        Response response = exception.getResponse();
        int status = response.getStatus();
        if (status >= 500) {
            LOG.error("Request failed", exception);
        }
        Response.ResponseBuilder answer = Response.status(status);
        response.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> answer.header(name, value));
            }
        });
        return answer.type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorBody.of(status, messageFor(exception, request)))
                .build();
    }

    /** The framework's messages ("HTTP 404 Not Found") say nothing the status does not; these say more. */
    private static String messageFor(WebApplicationException exception, HttpServerRequest request) {
        String message = exception.getMessage();
        // Routing failures come from the framework with wording of its own; the rest carry our messages.
        return switch (exception.getResponse().getStatus()) {
            case 404 -> "Nothing here: " + request.path();
            case 405 -> "Method " + request.method() + " is not allowed on " + request.path();
            case 406 -> "This endpoint cannot answer in the requested format; accept application/json";
            case 415 ->
                "Content type '" + request.getHeader("Content-Type") + "' is not accepted here; send application/json";
            default -> message;
        };
    }

    @ServerExceptionMapper
    public Response mapMismatchedInput(MismatchedInputException exception) {
        return badJson("the JSON body does not have the expected shape: " + exception.getOriginalMessage(), exception);
    }

    @ServerExceptionMapper
    public Response mapMalformedJson(JsonProcessingException exception) {
        return badJson("the body is not valid JSON: " + exception.getOriginalMessage(), exception);
    }

    @ServerExceptionMapper
    public Response mapProblem(Problem problem) {
        return json(problem.status(), problem.getMessage());
    }

    @ServerExceptionMapper
    public Response mapIllegalArgument(IllegalArgumentException exception) {
        return json(Response.Status.BAD_REQUEST.getStatusCode(), exception.getMessage());
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response mapUnexpected(Throwable exception) {
        LOG.error("Unexpected error while handling a request", exception);
        return json(500, "Something went wrong on our side; the error has been logged.");
    }

    private static Response badJson(String message, JsonProcessingException exception) {
        var location = exception.getLocation();
        String where =
                location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        return json(400, message + where);
    }

    static Response json(int status, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorBody.of(status, message))
                .build();
    }
}
