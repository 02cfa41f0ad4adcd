package dev.botlink.platform.marketplace;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.botlink.marketplace.BotType;
import dev.botlink.marketplace.parameter.InvalidParametersException;
import dev.botlink.platform.account.Ownership;
import dev.botlink.platform.bot.Bot;
import dev.botlink.platform.bot.BotMetrics;
import dev.botlink.platform.bot.BotService;
import dev.botlink.platform.error.Problem;
import dev.botlink.platform.file.FilePath;
import dev.botlink.platform.file.FileService;
import dev.botlink.platform.venue.VenueConfig;
import dev.botlink.platform.venue.account.AccountVenue;
import dev.botlink.platform.venue.account.VenueService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Listings and deployments: create a listing from a Signals file (its signal bot and its reference execution start),
 * browse, deploy onto one's own venue, pause / resume / stop / remove, unpublish. Desired states are persisted and
 * resumed after a restart. Another account's deployment, and an unlisted listing of another author, are not found.
 */
@Singleton
public class MarketplaceService implements BotMetrics {

    private static final Logger LOG = Logger.getLogger(MarketplaceService.class);
    static final int MAX_BROWSE = 100;

    public record NewListing(
            String file,
            String name,
            String description,
            String exchange,
            String symbol,
            String botType,
            Map<String, ParameterInput> parameters) {}

    /** A parameter as the author sets it; {@code default} falls back to {@code value}. */
    public record ParameterInput(
            Object value,
            @JsonProperty("default") Object defaultValue,
            @JsonProperty("private") boolean hidden) {}

    public record NewDeployment(Long listingId, String venue, Map<String, Object> parameters) {}

    private final MarketplaceConfig config;
    private final ExecutionEngine engine;
    private final BotService bots;
    private final FileService files;
    private final VenueService venues;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();
    private final PerformanceCache performances;

    public MarketplaceService(
            MarketplaceConfig config,
            ExecutionEngine engine,
            BotService bots,
            FileService files,
            VenueService venues,
            ObjectMapper json) {
        this.config = config;
        this.engine = engine;
        this.bots = bots;
        this.files = files;
        this.venues = venues;
        this.json = json;
        this.performances = new PerformanceCache(config.performanceCacheFor(), System::nanoTime);
    }

    void resumeAfterRestart(@Observes StartupEvent started) {
        List<Listing> listed =
                QuarkusTransaction.requiringNew().call(() -> Listing.<Listing>list("status", Listing.Status.LISTED));
        listed.forEach(engine::route);
        List<Deployment> wanted = QuarkusTransaction.requiringNew()
                .call(() -> Deployment.<Deployment>list("desired <> ?1", Deployment.Desired.STOPPED));
        if (wanted.isEmpty()) {
            return;
        }
        LOG.infof("Resuming %d marketplace deployments", wanted.size());
        // The first use of a paper venue may wait for market data: not on the start-up thread.
        Thread.ofVirtual().name("marketplace-resume").start(() -> wanted.forEach(this::launchQuietly));
    }

    public Listing createListing(long accountId, NewListing request) {
        if (request == null) {
            throw new Problem.Invalid("send {\"file\", \"name\", \"description\", \"exchange\", \"symbol\", "
                    + "\"botType\", \"parameters\": {name: {\"value\", \"default\", \"private\"}}}");
        }
        String name = required(request.name(), "name", 64);
        String description = required(request.description(), "description", 2000);
        BotType type = botType(request.botType());
        String exchange = request.exchange() == null
                ? "bitmex"
                : request.exchange().strip().toLowerCase(Locale.ROOT);
        String symbol = required(request.symbol(), "symbol", 32);
        try {
            ExecutionEngine.instrument(exchange, symbol);
        } catch (IllegalArgumentException e) {
            throw new Problem.Invalid(e.getMessage());
        }
        ListedParameters parameters = parameters(type, request.parameters());
        String source = files.read(
                        accountId, new FilePath(request.file() == null ? "" : request.file()), Optional.empty())
                .content();
        if (!source.contains("class Signals(")) {
            throw new Problem.Invalid(
                    "a listing runs a Signals bot: " + request.file() + " must define class Signals(Link)");
        }
        if (QuarkusTransaction.requiringNew().call(() -> Listing.count("authorId", accountId))
                >= config.maxListingsPerAccount()) {
            throw new Problem.Conflict("an account can have at most " + config.maxListingsPerAccount() + " listings");
        }
        Bot bot = bots.create(accountId, request.file(), name);
        record Created(Listing listing, Deployment reference) {}
        Created created = QuarkusTransaction.requiringNew().call(() -> {
            Listing listing = new Listing();
            listing.authorId = accountId;
            listing.botId = bot.id;
            listing.name = name;
            listing.description = description;
            listing.exchangeId = exchange;
            listing.symbol = symbol;
            listing.botType = type.name();
            listing.parameters = write(parameters.entries());
            listing.status = Listing.Status.LISTED;
            listing.createdAt = clock.instant();
            listing.updatedAt = listing.createdAt;
            listing.persist();
            Deployment reference = newDeployment(listing.id, accountId, true, "listing-" + listing.id, Map.of());
            return new Created(listing, reference);
        });
        engine.route(created.listing());
        launchQuietly(created.reference());
        bots.start(accountId, bot.id);
        return created.listing();
    }

    /** Listed listings whose name or description contains {@code query}, newest first. */
    public List<Listing> browse(String query, String symbol, String botType, int limit) {
        String like = "%" + (query == null ? "" : query.strip().toLowerCase(Locale.ROOT)) + "%";
        return QuarkusTransaction.requiringNew().call(() -> Listing.<Listing>find(
                        "status = ?1 and (lower(name) like ?2 or lower(description) like ?2)"
                                + " and (?3 = '' or symbol = ?3) and (?4 = '' or botType = ?4) order by id desc",
                        Listing.Status.LISTED,
                        like,
                        symbol == null ? "" : symbol,
                        botType == null ? "" : botType.toUpperCase(Locale.ROOT))
                .page(0, Math.clamp(limit, 1, MAX_BROWSE))
                .list());
    }

    /** A listing visible to the account: listed, or its own. */
    public Listing listing(long accountId, long listingId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Listing listing = Listing.findById(listingId);
            if (listing == null || (listing.status != Listing.Status.LISTED && listing.authorId != accountId)) {
                throw new Problem.NotFound("no listing " + listingId);
            }
            return listing;
        });
    }

    public List<ListingSignal> signals(long accountId, long listingId, int limit) {
        listing(accountId, listingId);
        return QuarkusTransaction.requiringNew()
                .call(() -> ListingSignal.<ListingSignal>find("listingId = ?1 order by id desc", listingId)
                        .page(0, Math.clamp(limit, 1, config.signalsKept()))
                        .list()
                        .reversed());
    }

    /**
     * The listing's performance since it was listed: its reference execution's metrics, at most
     * {@code botlink.marketplace.performance-cache-for} old.
     */
    public Performance.Metrics performance(Listing listing) {
        return performances.get(
                listing.id, () -> QuarkusTransaction.requiringNew().call(() -> {
                    Deployment reference = Deployment.<Deployment>find(
                                    "listingId = ?1 and reference = true", listing.id)
                            .firstResult();
                    return reference == null ? null : metrics(reference, listing);
                }));
    }

    /** The author takes the listing down: its signal bot and every deployment of it stop. */
    public Listing unpublish(long accountId, long listingId) {
        Listing listing = QuarkusTransaction.requiringNew().call(() -> {
            Listing found = Ownership.requireOwned(
                    accountId, Listing.<Listing>findById(listingId), l -> l.authorId, "no listing " + listingId);
            found.status = Listing.Status.UNLISTED;
            found.updatedAt = clock.instant();
            return found;
        });
        engine.unroute(listing);
        performances.forget(listingId);
        List<Deployment> deployments = QuarkusTransaction.requiringNew().call(() -> {
            List<Deployment> found = Deployment.list("listingId", listingId);
            found.forEach(d -> {
                d.desired = Deployment.Desired.STOPPED;
                d.status = "STOPPED";
                d.reason = "the listing was unpublished by its author";
                d.updatedAt = clock.instant();
            });
            return found;
        });
        deployments.forEach(d -> engine.stop(d.id));
        if (listing.botId != null) {
            try {
                bots.stop(accountId, listing.botId);
            } catch (Problem.NotFound e) {
                LOG.debugf("Listing %d's signal bot is gone already", listingId);
            }
        }
        return listing;
    }

    public Deployment deploy(long accountId, NewDeployment request) {
        if (request == null || request.listingId() == null || request.venue() == null) {
            throw new Problem.Invalid(
                    "send {\"listingId\", \"venue\": \"BitMEX\", \"parameters\": {name: value} (public ones only)}");
        }
        Listing listing = listing(accountId, request.listingId());
        if (listing.status != Listing.Status.LISTED) {
            throw new Problem.Conflict("listing " + listing.id + " is unpublished");
        }
        Map<String, Object> overrides = request.parameters() == null ? Map.of() : request.parameters();
        ListedParameters parameters = read(listing.parameters);
        checkOverrides(listing, parameters, overrides);
        AccountVenue venue = venues.byName(accountId, request.venue())
                .orElseThrow(() -> new Problem.Invalid("you have no venue named '" + request.venue() + "'"));
        if (venue.mode != VenueConfig.Mode.PAPER) {
            throw new Problem.Invalid(
                    "the marketplace deploys onto paper venues only for now; '" + venue.name + "' is live");
        }
        if (!venue.exchange.equals(listing.exchangeId)) {
            throw new Problem.Invalid("listing " + listing.id + " trades " + listing.symbol + " on "
                    + listing.exchangeId + "; venue '" + venue.name + "' is " + venue.exchange);
        }
        Deployment deployment = QuarkusTransaction.requiringNew().call(() -> {
            if (Deployment.count("accountId = ?1 and reference = false", accountId)
                    >= config.maxDeploymentsPerAccount()) {
                throw new Problem.Conflict(
                        "an account can have at most " + config.maxDeploymentsPerAccount() + " deployments");
            }
            return newDeployment(listing.id, accountId, false, venue.name, overrides);
        });
        launch(deployment);
        return deployment(accountId, deployment.id);
    }

    public List<Deployment> deployments(long accountId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Deployment.<Deployment>list("accountId = ?1 and reference = false order by id", accountId));
    }

    public Deployment deployment(long accountId, long deploymentId) {
        return QuarkusTransaction.requiringNew().call(() -> owned(accountId, deploymentId));
    }

    public Deployment pause(long accountId, long deploymentId) {
        Deployment deployment = desire(accountId, deploymentId, Deployment.Desired.PAUSED);
        if (engine.isRunning(deploymentId)) {
            engine.pause(deploymentId, true);
        } else {
            launch(deployment);
        }
        return deployment(accountId, deploymentId);
    }

    public Deployment resume(long accountId, long deploymentId) {
        Deployment deployment = deployment(accountId, deploymentId);
        Listing listing = QuarkusTransaction.requiringNew().call(() -> Listing.<Listing>findById(deployment.listingId));
        if (listing.status != Listing.Status.LISTED) {
            throw new Problem.Conflict("listing " + listing.id + " is unpublished: its signals have stopped");
        }
        desire(accountId, deploymentId, Deployment.Desired.RUNNING);
        if (engine.isRunning(deploymentId)) {
            engine.pause(deploymentId, false);
        } else {
            launch(deployment(accountId, deploymentId));
        }
        return deployment(accountId, deploymentId);
    }

    public Deployment stop(long accountId, long deploymentId) {
        desire(accountId, deploymentId, Deployment.Desired.STOPPED);
        engine.stop(deploymentId);
        return deployment(accountId, deploymentId);
    }

    public void remove(long accountId, long deploymentId) {
        deployment(accountId, deploymentId);
        engine.stop(deploymentId);
        QuarkusTransaction.requiringNew().run(() -> {
            ExecutionFill.delete("deploymentId", deploymentId);
            EquitySample.delete("deploymentId", deploymentId);
            Deployment.deleteById(deploymentId);
        });
    }

    public Performance.Metrics deploymentMetrics(long accountId, long deploymentId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Deployment deployment = owned(accountId, deploymentId);
            return metrics(deployment, Listing.findById(deployment.listingId));
        });
    }

    @Override
    public Optional<Object> metrics(long botId) {
        return QuarkusTransaction.requiringNew().call(() -> Listing.<Listing>find("botId", botId)
                .firstResultOptional()
                .map(this::performance));
    }

    /** The listing of a deployment the caller already may see. */
    Listing listingOf(Deployment deployment) {
        return QuarkusTransaction.requiringNew().call(() -> Listing.<Listing>findById(deployment.listingId));
    }

    ListedParameters read(String text) {
        try {
            return new ListedParameters(
                    json.readValue(text, new TypeReference<Map<String, ListedParameters.Entry>>() {}));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored listing parameters are not JSON", e);
        }
    }

    Map<String, Object> overrides(Deployment deployment) {
        try {
            return json.readValue(deployment.parameters, new TypeReference<Map<String, Object>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored deployment parameters are not JSON", e);
        }
    }

    private Performance.Metrics metrics(Deployment deployment, Listing listing) {
        return Performance.of(
                deployment,
                listing,
                config.referenceCapital(),
                config.equityEvery(),
                engine.mid(deployment.id),
                clock.millis());
    }

    private void checkOverrides(Listing listing, ListedParameters parameters, Map<String, Object> overrides) {
        List<String> hidden = overrides.keySet().stream()
                .filter(parameters::isHidden)
                .sorted()
                .toList();
        if (!hidden.isEmpty()) {
            throw new Problem.Invalid(hidden + " private to the listing's author: they cannot be set");
        }
        try {
            BotType.valueOf(listing.botType).schema().validate(parameters.settingsFor(overrides));
        } catch (InvalidParametersException e) {
            throw new Problem.Invalid(e.getMessage());
        }
    }

    private Deployment desire(long accountId, long deploymentId, Deployment.Desired desired) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Deployment deployment = owned(accountId, deploymentId);
            deployment.desired = desired;
            deployment.status = desired == Deployment.Desired.RUNNING ? "STARTING" : desired.name();
            deployment.reason = desired == Deployment.Desired.RUNNING
                    ? null
                    : desired.name().toLowerCase(Locale.ROOT) + " by the user";
            deployment.updatedAt = clock.instant();
            return deployment;
        });
    }

    private Deployment owned(long accountId, long deploymentId) {
        Deployment found = Deployment.findById(deploymentId);
        return Ownership.requireOwned(
                accountId,
                found == null || found.reference ? null : found,
                d -> d.accountId,
                "no deployment " + deploymentId);
    }

    private Deployment newDeployment(
            long listingId, long accountId, boolean reference, String venueName, Map<String, Object> overrides) {
        Deployment deployment = new Deployment();
        deployment.listingId = listingId;
        deployment.accountId = accountId;
        deployment.reference = reference;
        deployment.venueName = venueName;
        deployment.parameters = write(overrides);
        deployment.desired = Deployment.Desired.RUNNING;
        deployment.status = "STARTING";
        deployment.createdAt = clock.instant();
        deployment.updatedAt = deployment.createdAt;
        deployment.persist();
        return deployment;
    }

    private void launch(Deployment deployment) {
        Listing listing = QuarkusTransaction.requiringNew().call(() -> Listing.<Listing>findById(deployment.listingId));
        try {
            engine.start(deployment, listing, read(listing.parameters), overrides(deployment));
        } catch (IllegalArgumentException | IllegalStateException e) {
            engine.status(deployment.id, "FAILED", e.getMessage());
            throw new Problem.Unavailable("the deployment could not start: " + e.getMessage());
        }
    }

    private void launchQuietly(Deployment deployment) {
        try {
            launch(deployment);
        } catch (Problem e) {
            LOG.warnf("Deployment %d did not start: %s", deployment.id, e.getMessage());
        }
    }

    private ListedParameters parameters(BotType type, Map<String, ParameterInput> given) {
        Map<String, ListedParameters.Entry> entries = new LinkedHashMap<>();
        if (given != null) {
            given.forEach((name, input) -> entries.put(
                    name,
                    input == null
                            ? new ListedParameters.Entry(null, null, false)
                            : new ListedParameters.Entry(input.value(), input.defaultValue(), input.hidden())));
        }
        try {
            return ListedParameters.validate(type, entries);
        } catch (InvalidParametersException e) {
            throw new Problem.Invalid(e.getMessage());
        }
    }

    private static BotType botType(String name) {
        try {
            return BotType.valueOf(name == null ? "" : name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Problem.Invalid("botType must be one of " + List.of(BotType.values()) + ", not '" + name + "'");
        }
    }

    private static String required(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new Problem.Invalid(field + " is required");
        }
        if (value.strip().length() > max) {
            throw new Problem.Invalid(field + " has at most " + max + " characters");
        }
        return value.strip();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new Problem.Invalid("parameters must be JSON values");
        }
    }
}
