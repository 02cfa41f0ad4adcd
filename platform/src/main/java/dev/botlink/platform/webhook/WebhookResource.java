package dev.botlink.platform.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.botlink.platform.error.ErrorBody;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Webhooks: {@code GET|POST /trading/bot/{secret}/{route}} (or {@code /{secret}/{bot}/{route}} to pick one bot) call
 * the running bot's {@code get_<route>} / {@code post_<route>} method. Query string and form fields arrive as strings,
 * a JSON object body as its JSON values; the method's return value is the JSON answer. No login: the secret in the
 * path is the credential.
 */
@Path("/trading/bot/{secret}")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    /** A refusal: the usual error body, plus the bots to choose from when a route is ambiguous. */
    public record Refusal(String error, String message, List<WebhookService.Choice> choices) {}

    private final WebhookService webhooks;
    private final WebhookConfig config;
    private final ObjectMapper json;
    private final Optional<URI> publicUrl;

    public WebhookResource(
            WebhookService webhooks,
            WebhookConfig config,
            ObjectMapper json,
            @ConfigProperty(name = "botlink.public-url") Optional<URI> publicUrl) {
        this.webhooks = webhooks;
        this.config = config;
        this.json = json;
        this.publicUrl = publicUrl;
    }

    @GET
    @Path("/{route}")
    @Blocking
    public CompletionStage<Response> get(
            @PathParam("secret") String secret, @PathParam("route") String route, @Context UriInfo uri) {
        return handle(secret, "GET", Optional.empty(), route, queryArgs(uri), uri);
    }

    @GET
    @Path("/{bot}/{route}")
    @Blocking
    public CompletionStage<Response> getFromBot(
            @PathParam("secret") String secret,
            @PathParam("bot") String bot,
            @PathParam("route") String route,
            @Context UriInfo uri) {
        return handle(secret, "GET", Optional.of(bot), route, queryArgs(uri), uri);
    }

    @POST
    @Path("/{route}")
    @Consumes(MediaType.WILDCARD)
    @Blocking
    public CompletionStage<Response> post(
            @PathParam("secret") String secret,
            @PathParam("route") String route,
            @Context UriInfo uri,
            @Context HttpHeaders headers,
            byte[] body) {
        return post(secret, Optional.empty(), route, uri, headers, body);
    }

    @POST
    @Path("/{bot}/{route}")
    @Consumes(MediaType.WILDCARD)
    @Blocking
    public CompletionStage<Response> postToBot(
            @PathParam("secret") String secret,
            @PathParam("bot") String bot,
            @PathParam("route") String route,
            @Context UriInfo uri,
            @Context HttpHeaders headers,
            byte[] body) {
        return post(secret, Optional.of(bot), route, uri, headers, body);
    }

    private CompletionStage<Response> post(
            String secret, Optional<String> bot, String route, UriInfo uri, HttpHeaders headers, byte[] body) {
        byte[] content = body == null ? new byte[0] : body;
        if (content.length > config.maxBodyBytes()) {
            return done(refusal(
                    413,
                    "the body has " + content.length + " bytes; webhooks accept at most " + config.maxBodyBytes(),
                    List.of()));
        }
        Map<String, Object> args = new LinkedHashMap<>(queryArgs(uri));
        MediaType type = headers.getMediaType();
        if (type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            args.putAll(formArgs(new String(content, StandardCharsets.UTF_8)));
        } else if (content.length > 0) {
            Optional<Map<String, Object>> object = jsonObject(content);
            boolean saidJson = type != null && type.getSubtype().endsWith("json");
            if (object.isPresent()) {
                args.putAll(object.get());
            } else if (saidJson) {
                return done(refusal(400, "the body is not a JSON object", List.of()));
            } else {
                args.put("body", new String(content, StandardCharsets.UTF_8));
            }
        }
        return handle(secret, "POST", bot, route, args, uri);
    }

    private CompletionStage<Response> handle(
            String secret, String method, Optional<String> bot, String route, Map<String, ?> args, UriInfo uri) {
        var request = new WebhookService.Request(secret, method, bot, route, args);
        return webhooks.handle(request, baseUrl(uri)).thenApply(this::response);
    }

    private Response response(WebhookService.Outcome outcome) {
        return switch (outcome) {
            case WebhookService.Outcome.Answered answered ->
                Response.ok(resultJson(answered.result()))
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .build();
            case WebhookService.Outcome.Refused refused -> {
                Response.ResponseBuilder answer = Response.status(refused.status())
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(refusalBody(refused.status(), refused.message(), refused.choices()));
                if (refused.retryAfter() != null) {
                    answer.header(
                            "Retry-After", Math.max(1, (refused.retryAfter().toMillis() + 999) / 1000));
                }
                yield answer.build();
            }
        };
    }

    private String resultJson(Object result) {
        try {
            return json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a webhook result that came as JSON could not be written back", e);
        }
    }

    private static Response refusal(int status, String message, List<WebhookService.Choice> choices) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(refusalBody(status, message, choices))
                .build();
    }

    private static Object refusalBody(int status, String message, List<WebhookService.Choice> choices) {
        ErrorBody body = ErrorBody.of(status, message);
        return choices.isEmpty() ? body : new Refusal(body.error(), body.message(), choices);
    }

    private Optional<Map<String, Object>> jsonObject(byte[] content) {
        try {
            JsonNode node = json.readTree(content);
            if (node == null || !node.isObject()) {
                return Optional.empty();
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = json.convertValue(node, Map.class);
            return Optional.of(map);
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> queryArgs(UriInfo uri) {
        Map<String, String> args = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((name, values) -> args.put(name, values.getFirst()));
        return args;
    }

    private static Map<String, String> formArgs(String form) {
        Map<String, String> args = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            args.putIfAbsent(
                    URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return args;
    }

    private String baseUrl(UriInfo uri) {
        String base = publicUrl.orElse(uri.getBaseUri()).toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static CompletionStage<Response> done(Response response) {
        return CompletableFuture.completedFuture(response);
    }
}
