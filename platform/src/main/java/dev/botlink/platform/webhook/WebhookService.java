package dev.botlink.platform.webhook;

import dev.botlink.platform.account.Account;
import dev.botlink.platform.account.AccountService;
import dev.botlink.platform.bot.Bot;
import dev.botlink.platform.bot.BotService;
import dev.botlink.platform.bot.BotWebhooks;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Runs a webhook request: finds the account by its secret (constant-time), applies the account's rate limit, picks
 * the running bot that has the route and calls it within the time limit. Every refusal says why and carries its HTTP
 * status; the caller only turns outcomes into responses.
 */
@Singleton
public class WebhookService {

    private static final Pattern ROUTE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,99}");

    /** A bot that defines an ambiguous route, and the URL that picks it. */
    public record Choice(long bot, String name, String url) {}

    /** What to answer. */
    public sealed interface Outcome {
        record Answered(Object result) implements Outcome {}

        record Refused(int status, String message, List<Choice> choices, Duration retryAfter) implements Outcome {
            static Refused of(int status, String message) {
                return new Refused(status, message, List.of(), null);
            }
        }
    }

    /** One request: {@code bot} is the optional bot id or name from the long path. */
    public record Request(String secret, String method, Optional<String> bot, String route, Map<String, ?> args) {}

    private final AccountService accounts;
    private final BotService bots;
    private final BotWebhooks webhooks;
    private final WebhookRoutes routes;
    private final WebhookConfig config;
    private final WebhookThrottle throttle;

    public WebhookService(
            AccountService accounts,
            BotService bots,
            BotWebhooks webhooks,
            WebhookRoutes routes,
            WebhookConfig config) {
        this.accounts = accounts;
        this.bots = bots;
        this.webhooks = webhooks;
        this.routes = routes;
        this.config = config;
        this.throttle =
                new WebhookThrottle(config.ratePerSecond(), config.burst(), config.trackedAccounts(), System::nanoTime);
    }

    /** Blocks for the account lookup (call on a worker thread); the bot's answer arrives later. */
    public CompletionStage<Outcome> handle(Request request, String baseUrl) {
        Optional<Account> account = accounts.byWebhookSecret(request.secret());
        if (account.isEmpty()) {
            return done(
                    Outcome.Refused.of(404, "no webhook here: check the secret in the URL (it may have been rotated)"));
        }
        long accountId = account.get().id;
        Optional<Duration> wait = throttle.acquire(accountId);
        if (wait.isPresent()) {
            return done(new Outcome.Refused(
                    429, "too many webhook requests for this account: slow down", List.of(), wait.get()));
        }
        if (!ROUTE.matcher(request.route()).matches()) {
            return done(Outcome.Refused.of(404, "no webhook route '" + request.route() + "'"));
        }
        String method = request.method().toLowerCase(java.util.Locale.ROOT) + "_" + request.route();
        Object target = request.bot().isPresent()
                ? pickNamed(accountId, request.bot().get(), method)
                : pickOnly(accountId, method, request, baseUrl);
        if (target instanceof Outcome refused) {
            return done(refused);
        }
        return call((Long) target, request, method);
    }

    private Object pickOnly(long accountId, String method, Request request, String baseUrl) {
        List<Long> candidates = routes.botsWith(accountId, method);
        if (candidates.isEmpty()) {
            return Outcome.Refused.of(
                    404,
                    "no running bot has the webhook " + request.method() + " " + request.route()
                            + ": define an @http.route method " + method + " and start the bot");
        }
        if (candidates.size() > 1) {
            List<Choice> choices = bots.list(accountId).stream()
                    .filter(bot -> candidates.contains(bot.id))
                    .map(bot -> new Choice(
                            bot.id,
                            bot.name,
                            baseUrl + "/trading/bot/" + request.secret() + "/" + bot.id + "/" + request.route()))
                    .toList();
            return new Outcome.Refused(
                    409,
                    candidates.size() + " running bots have the webhook " + request.method() + " " + request.route()
                            + ": call one of the choices",
                    choices,
                    null);
        }
        return candidates.getFirst();
    }

    private Object pickNamed(long accountId, String selector, String method) {
        List<Bot> named = bots.list(accountId).stream()
                .filter(bot -> String.valueOf(bot.id).equals(selector) || bot.name.equals(selector))
                .toList();
        if (named.isEmpty()) {
            return Outcome.Refused.of(404, "no bot '" + selector + "'");
        }
        if (named.size() > 1) {
            return Outcome.Refused.of(409, "several bots are named '" + selector + "': use the bot's id instead");
        }
        Bot bot = named.getFirst();
        if (bot.status != Bot.Status.RUNNING) {
            return Outcome.Refused.of(409, "the bot '" + bot.name + "' is not running (" + bot.status + ")");
        }
        if (!routes.botsWith(accountId, method).contains(bot.id)) {
            return Outcome.Refused.of(
                    404, "the bot '" + bot.name + "' has no webhook method " + method + " marked @http.route");
        }
        return bot.id;
    }

    private CompletionStage<Outcome> call(long botId, Request request, String method) {
        Duration limit = config.timeout();
        return webhooks.call(botId, request.method(), request.route(), request.args())
                .orTimeout(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .handle((answer, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException wrapped ? wrapped.getCause() : failure;
                        return cause instanceof TimeoutException
                                ? Outcome.Refused.of(504, method + " did not answer within " + limit.toMillis() + " ms")
                                : Outcome.Refused.of(503, "the bot could not be reached");
                    }
                    return outcomeOf(answer);
                });
    }

    private static Outcome outcomeOf(BotWebhooks.Answer answer) {
        if (answer.error() == null) {
            return new Outcome.Answered(answer.result());
        }
        int status =
                switch (String.valueOf(answer.code())) {
                    case "no_route" -> 404;
                    case "not_running" -> 409;
                    case "busy" -> 429;
                    case "timeout" -> 504;
                    case "unreachable" -> 503;
                    default -> 500;
                };
        return Outcome.Refused.of(status, answer.error());
    }

    private static CompletionStage<Outcome> done(Outcome outcome) {
        return CompletableFuture.completedFuture(outcome);
    }
}
