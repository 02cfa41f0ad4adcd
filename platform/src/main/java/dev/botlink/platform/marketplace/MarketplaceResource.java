package dev.botlink.platform.marketplace;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.botlink.marketplace.BotType;
import dev.botlink.platform.account.CurrentAccount;
import dev.botlink.platform.error.Problem;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The bot marketplace: listings of Signals bots with their live performance, deployments onto one's own venue, the
 * leaderboard. A listing's code and private parameter values are only ever shown to its author.
 */
@Path("/api/marketplace")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Marketplace")
public class MarketplaceResource {

    /** A listing as its viewer may see it: {@code authorParameters} and {@code botId} only for its author. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ListingView(
            long id,
            String name,
            String description,
            String exchange,
            String symbol,
            String botType,
            String signal,
            String status,
            boolean mine,
            Map<String, Object> parameters,
            List<String> privateParameters,
            Instant listedAt,
            Performance.Metrics performance,
            Long botId,
            Map<String, Object> authorParameters) {}

    public record SignalPoint(long time, String kind, BigDecimal value, BigDecimal bid, BigDecimal ask) {}

    public record DeploymentView(
            long id,
            long listingId,
            String venue,
            String symbol,
            String botType,
            Map<String, Object> parameters,
            String desired,
            String status,
            String reason,
            Instant createdAt,
            Instant updatedAt) {}

    public record BotTypeView(String botType, String signal, List<Map<String, Object>> parameters) {}

    private final MarketplaceService marketplace;
    private final CurrentAccount account;

    public MarketplaceResource(MarketplaceService marketplace, CurrentAccount account) {
        this.marketplace = marketplace;
        this.account = account;
    }

    @GET
    @Path("/bot-types")
    @Operation(summary = "The execution bot types a listing can use, with their parameters, bounds and defaults")
    public List<BotTypeView> botTypes() {
        return List.of(BotType.values()).stream()
                .map(type -> new BotTypeView(
                        type.name(),
                        type.signalKeyword(),
                        type.schema().specs().stream()
                                .map(spec -> {
                                    Map<String, Object> item = new LinkedHashMap<>();
                                    item.put("name", spec.name());
                                    item.put("type", spec.type().name());
                                    item.put("description", spec.description());
                                    item.put("min", spec.min().orElse(null));
                                    item.put("max", spec.max().orElse(null));
                                    item.put("choices", spec.choices());
                                    item.put("default", spec.defaultValue().orElse(null));
                                    item.put("required", spec.required());
                                    return item;
                                })
                                .toList()))
                .toList();
    }

    @POST
    @Path("/listings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "List one of my Signals files: its signal bot starts, and so does its reference execution",
            description = "Body: {file, name, description (required), exchange (default bitmex), symbol, botType,"
                    + " parameters: {name: {value, default, private}}}. 201 with the listing (author view).")
    public Response create(MarketplaceService.NewListing request) {
        Listing listing = marketplace.createListing(account.id(), request);
        return Response.status(201).entity(view(listing, false)).build();
    }

    @GET
    @Path("/listings")
    @Operation(summary = "Browse listed bots, newest first, with their performance since listing")
    public List<ListingView> browse(
            @QueryParam("q") String query,
            @QueryParam("symbol") String symbol,
            @QueryParam("botType") String botType,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return marketplace.browse(query, symbol, botType, limit).stream()
                .map(listing -> view(listing, true))
                .toList();
    }

    @GET
    @Path("/leaderboard")
    @Operation(summary = "Listed bots by risk-adjusted return (Sharpe ratio since listing; undefined ones last)")
    public List<ListingView> leaderboard(@QueryParam("limit") @DefaultValue("20") int limit) {
        Comparator<ListingView> bySharpe = Comparator.comparing(
                (ListingView v) ->
                        v.performance() == null ? null : v.performance().sharpeRatio(),
                Comparator.nullsLast(Comparator.reverseOrder()));
        return marketplace.browse("", null, null, MarketplaceService.MAX_BROWSE).stream()
                .map(listing -> view(listing, true))
                .sorted(bySharpe.thenComparing(
                        v -> v.performance() == null ? 0 : v.performance().totalReturn(), Comparator.reverseOrder()))
                .limit(Math.clamp(limit, 1, MarketplaceService.MAX_BROWSE))
                .toList();
    }

    @GET
    @Path("/listings/{id}")
    @Operation(summary = "One listing with its performance since listing")
    public ListingView listing(@PathParam("id") long id) {
        return view(marketplace.listing(account.id(), id), true);
    }

    @GET
    @Path("/listings/{id}/signals")
    @Operation(summary = "The listing's recent signals, oldest first, as chart data")
    public List<SignalPoint> signals(@PathParam("id") long id, @QueryParam("limit") @DefaultValue("500") int limit) {
        return marketplace.signals(account.id(), id, limit).stream()
                .map(s -> new SignalPoint(
                        s.timeMs,
                        s.kind,
                        s.value2 == null ? Performance.exact(s.value1) : null,
                        s.value2 == null ? null : Performance.exact(s.value1),
                        s.value2 == null ? null : Performance.exact(s.value2)))
                .toList();
    }

    @POST
    @Path("/listings/{id}/unpublish")
    @Operation(summary = "The author takes the listing down: its signal bot and all its deployments stop")
    public ListingView unpublish(@PathParam("id") long id) {
        return view(marketplace.unpublish(account.id(), id), false);
    }

    @POST
    @Path("/deployments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Deploy a listing onto one of my paper venues with my values for its public parameters",
            description = "Body: {listingId, venue, parameters: {name: value}}. Private parameters cannot be set.")
    public Response deploy(MarketplaceService.NewDeployment request) {
        return Response.status(201)
                .entity(view(marketplace.deploy(account.id(), request)))
                .build();
    }

    @GET
    @Path("/deployments")
    @Operation(summary = "My deployments")
    public List<DeploymentView> deployments() {
        return marketplace.deployments(account.id()).stream().map(this::view).toList();
    }

    @GET
    @Path("/deployments/{id}")
    public DeploymentView deployment(@PathParam("id") long id) {
        return view(marketplace.deployment(account.id(), id));
    }

    @GET
    @Path("/deployments/{id}/metrics")
    @Operation(summary = "My deployment's metrics (seed 003's fields) since it was deployed")
    public Performance.Metrics deploymentMetrics(@PathParam("id") long id) {
        return marketplace.deploymentMetrics(account.id(), id);
    }

    @POST
    @Path("/deployments/{id}/{action: pause|resume|stop}")
    @Operation(summary = "Pause (orders cancelled, nothing new sent), resume or stop (orders cancelled) my deployment")
    public DeploymentView control(@PathParam("id") long id, @PathParam("action") String action) {
        return view(
                switch (action) {
                    case "pause" -> marketplace.pause(account.id(), id);
                    case "resume" -> marketplace.resume(account.id(), id);
                    case "stop" -> marketplace.stop(account.id(), id);
                    default -> throw new Problem.NotFound("no action " + action);
                });
    }

    @DELETE
    @Path("/deployments/{id}")
    @Operation(summary = "Stop and remove my deployment with its history")
    public Response remove(@PathParam("id") long id) {
        marketplace.remove(account.id(), id);
        return Response.noContent().build();
    }

    private ListingView view(Listing listing, boolean withPerformance) {
        boolean mine = listing.authorId == account.id();
        ListedParameters parameters = marketplace.read(listing.parameters);
        return new ListingView(
                listing.id,
                listing.name,
                listing.description,
                listing.exchangeId,
                listing.symbol,
                listing.botType,
                BotType.valueOf(listing.botType).signalKeyword(),
                listing.status.name(),
                mine,
                parameters.publicView(),
                parameters.entries().entrySet().stream()
                        .filter(entry -> entry.getValue().hidden())
                        .map(Map.Entry::getKey)
                        .sorted()
                        .toList(),
                listing.createdAt,
                withPerformance ? marketplace.performance(listing) : null,
                mine ? listing.botId : null,
                mine ? parameters.authorView() : null);
    }

    private DeploymentView view(Deployment deployment) {
        Listing listing = marketplace.listingOf(deployment);
        ListedParameters parameters = marketplace.read(listing.parameters);
        Map<String, Object> overrides = marketplace.overrides(deployment);
        Map<String, Object> effective = new LinkedHashMap<>();
        parameters.entries().forEach((name, entry) -> {
            if (!entry.hidden()) {
                effective.put(name, overrides.getOrDefault(name, entry.defaultValue()));
            }
        });
        return new DeploymentView(
                deployment.id,
                deployment.listingId,
                deployment.venueName,
                listing.symbol,
                listing.botType,
                effective,
                deployment.desired.name(),
                deployment.status,
                deployment.reason,
                deployment.createdAt,
                deployment.updatedAt);
    }
}
