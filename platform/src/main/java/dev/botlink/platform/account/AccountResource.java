package dev.botlink.platform.account;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The logged-in account: its private-stream API key and webhook secret with the URLs that use them. */
@Path("/api/account")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class AccountResource {

    public record AccountView(
            String username, String apiKey, String streamUrl, String webhookSecret, String webhookBaseUrl) {}

    private final AccountService accounts;
    private final CurrentAccount current;
    private final Optional<URI> publicUrl;

    public AccountResource(
            AccountService accounts,
            CurrentAccount current,
            @ConfigProperty(name = "botlink.public-url") Optional<URI> publicUrl) {
        this.accounts = accounts;
        this.current = current;
        this.publicUrl = publicUrl;
    }

    @GET
    public AccountView get(@Context UriInfo uri) {
        var secrets = accounts.secretsOf(current.id());
        URI base = publicUrl.orElse(uri.getBaseUri());
        String http = stripSlash(base.toString());
        String ws = http.replaceFirst("^http", "ws");
        return new AccountView(
                current.username(),
                secrets.apiKey(),
                ws + "/stream?token=" + secrets.apiKey(),
                secrets.webhookSecret(),
                http + "/trading/bot/" + secrets.webhookSecret() + "/");
    }

    @POST
    @Path("/api-key/rotate")
    public AccountView rotateApiKey(@Context UriInfo uri) {
        accounts.rotateApiKey(current.id());
        return get(uri);
    }

    @POST
    @Path("/webhook-secret/rotate")
    public AccountView rotateWebhookSecret(@Context UriInfo uri) {
        accounts.rotateWebhookSecret(current.id());
        return get(uri);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
