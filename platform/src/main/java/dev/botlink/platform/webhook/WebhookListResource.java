package dev.botlink.platform.webhook;

import dev.botlink.platform.account.AccountService;
import dev.botlink.platform.account.CurrentAccount;
import dev.botlink.platform.bot.Bot;
import dev.botlink.platform.bot.BotService;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The logged-in account's webhook routes, from its running bots, with the URLs that call them (the IDE's bolt panel). */
@Path("/api/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class WebhookListResource {

    /**
     * One route of one running bot. {@code url} is the short URL; it answers 409 while {@code ambiguous} (another
     * running bot has the same route), when {@code botUrl} picks this bot.
     */
    public record RouteView(
            long botId, String botName, String method, String route, String url, String botUrl, boolean ambiguous) {}

    private final WebhookRoutes routes;
    private final BotService bots;
    private final AccountService accounts;
    private final CurrentAccount current;
    private final Optional<URI> publicUrl;

    public WebhookListResource(
            WebhookRoutes routes,
            BotService bots,
            AccountService accounts,
            CurrentAccount current,
            @ConfigProperty(name = "botlink.public-url") Optional<URI> publicUrl) {
        this.routes = routes;
        this.bots = bots;
        this.accounts = accounts;
        this.current = current;
        this.publicUrl = publicUrl;
    }

    @GET
    public List<RouteView> list(@Context UriInfo uri) {
        long accountId = current.id();
        String base = publicUrl.orElse(uri.getBaseUri()).toString().replaceAll("/+$", "") + "/trading/bot/"
                + accounts.secretsOf(accountId).webhookSecret() + "/";
        Map<Long, Bot> byId =
                bots.list(accountId).stream().collect(Collectors.toMap(bot -> bot.id, Function.identity()));
        List<WebhookRoutes.BotRoutes> running = routes.of(accountId);
        Map<String, Long> howMany = running.stream()
                .flatMap(bot -> bot.methods().stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        List<RouteView> views = new ArrayList<>();
        for (WebhookRoutes.BotRoutes bot : running) {
            Bot known = byId.get(bot.botId());
            if (known == null) {
                continue;
            }
            for (String method : bot.methods()) {
                int underscore = method.indexOf('_');
                String verb = method.substring(0, underscore).toUpperCase(java.util.Locale.ROOT);
                String route = method.substring(underscore + 1);
                views.add(new RouteView(
                        bot.botId(),
                        known.name,
                        verb,
                        route,
                        base + route,
                        base + bot.botId() + "/" + route,
                        howMany.get(method) > 1));
            }
        }
        return views;
    }
}
