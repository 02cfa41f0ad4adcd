package dev.botlink.platform.check;

import dev.botlink.platform.bot.sandbox.SandboxBotRuntime;
import dev.botlink.platform.error.Problem;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Syntax checks for the IDE's inline markers. The platform never parses or runs user code itself: the source goes to
 * a sandbox worker, which parses it with GraalPy without running it, capped in size and time.
 */
@Path("/api/check")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class CheckResource {

    /** Same cap as a saved file (and as the worker's). */
    static final int MAX_BYTES = 256 * 1024;

    private static final long WAIT_SECONDS = 20;

    public record CheckRequest(String source, String file) {}

    public record CheckError(int line, int column, String message) {}

    public record CheckResult(List<CheckError> errors) {}

    private final SandboxBotRuntime sandbox;

    public CheckResource(SandboxBotRuntime sandbox) {
        this.sandbox = sandbox;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public CheckResult check(CheckRequest request) {
        if (request == null || request.source() == null) {
            throw new Problem.Invalid("send {\"source\": \"...\", \"file\": \"bots/name.py\"}");
        }
        int size = request.source().getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_BYTES) {
            throw new Problem.TooLarge("a script can hold at most " + MAX_BYTES + " bytes; this one has " + size);
        }
        String file = request.file() == null || request.file().isBlank() ? "script.py" : request.file();
        Map<String, Object> reply = await(file, request.source());
        if (reply.get("error") instanceof String error) {
            throw new Problem.Invalid("the script could not be checked: " + error);
        }
        return new CheckResult(errors(reply.get("errors")));
    }

    private Map<String, Object> await(String file, String source) {
        try {
            return sandbox.check(file, source).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (IllegalStateException | UncheckedIOException e) {
            throw new Problem.Unavailable("syntax checking is not available: " + e.getMessage());
        } catch (ExecutionException | TimeoutException e) {
            String why = e instanceof ExecutionException ? e.getCause().getMessage() : "no answer in time";
            throw new Problem.Unavailable("syntax checking is not available yet (" + why + "); try again shortly");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Problem.Unavailable("the check was interrupted");
        }
    }

    private static List<CheckError> errors(Object value) {
        var errors = new ArrayList<CheckError>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> error) {
                    errors.add(new CheckError(
                            number(error.get("line")),
                            number(error.get("column")),
                            String.valueOf(error.get("message"))));
                }
            }
        }
        return errors;
    }

    private static int number(Object value) {
        return value instanceof Number n ? n.intValue() : 1;
    }
}
