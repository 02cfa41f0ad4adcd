package dev.botlink.platform.error;

import jakarta.ws.rs.core.Response;
import java.util.Locale;

/**
 * The body of every 4xx and 5xx answer: a stable machine-readable {@code error} code derived from the HTTP status
 * ({@code not_found}, {@code bad_request}, ...) and a {@code message} a person can act on.
 */
public record ErrorBody(String error, String message) {

    public static ErrorBody of(int status, String message) {
        return new ErrorBody(codeOf(status), message == null || message.isBlank() ? reasonOf(status) : message);
    }

    public static String codeOf(int status) {
        return reasonOf(status).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }

    private static String reasonOf(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        if (known != null) {
            return known.getReasonPhrase();
        }
        return status >= 500 ? "Internal Server Error" : "Bad Request";
    }
}
