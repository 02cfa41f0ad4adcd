package dev.botlink.platform.bot;

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
import java.time.Instant;
import java.util.List;

/** The logged-in account's bots: create from a file, start, stop, restart, status and log. */
@Path("/api/bots")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class BotResource {

    public record NewBot(String file, String name) {}

    public record BotView(
            long id, String name, String file, String status, String desired, String reason, Instant updatedAt) {
        static BotView of(Bot bot) {
            return new BotView(
                    bot.id, bot.name, bot.filePath, bot.status.name(), bot.desired.name(), bot.reason, bot.updatedAt);
        }
    }

    public record LogLineView(long id, Instant at, String level, String message) {}

    public record LogPageView(List<LogLineView> lines, long next) {}

    private final BotService bots;
    private final CurrentAccount account;
    private final BotMetrics metrics;

    public BotResource(BotService bots, CurrentAccount account, BotMetrics metrics) {
        this.bots = bots;
        this.account = account;
        this.metrics = metrics;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewBot request) {
        if (request == null || request.file() == null) {
            throw new Problem.Invalid("send {\"file\": \"path/of/bot.py\", \"name\": \"optional name\"}");
        }
        return Response.status(201)
                .entity(BotView.of(bots.create(account.id(), request.file(), request.name())))
                .build();
    }

    @GET
    public List<BotView> list() {
        return bots.list(account.id()).stream().map(BotView::of).toList();
    }

    @GET
    @Path("/{id}")
    public BotView get(@PathParam("id") long id) {
        return BotView.of(bots.get(account.id(), id));
    }

    @POST
    @Path("/{id}/start")
    public BotView start(@PathParam("id") long id) {
        return BotView.of(bots.start(account.id(), id));
    }

    @POST
    @Path("/{id}/stop")
    public BotView stop(@PathParam("id") long id) {
        return BotView.of(bots.stop(account.id(), id));
    }

    @POST
    @Path("/{id}/restart")
    public BotView restart(@PathParam("id") long id) {
        return BotView.of(bots.restart(account.id(), id));
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") long id) {
        bots.delete(account.id(), id);
        return Response.noContent().build();
    }

    /** Seed 003's metrics of the bot; kept for Signals bots listed in the marketplace (docs/marketplace.md). */
    @GET
    @Path("/{id}/metrics")
    public Object metrics(@PathParam("id") long id) {
        bots.get(account.id(), id);
        return metrics.metrics(id)
                .orElseThrow(() -> new Problem.NotFound("bot " + id + " has no metrics: the platform keeps them for"
                        + " Signals bots listed in the marketplace (their listing's reference execution)"));
    }

    @GET
    @Path("/{id}/logs")
    public LogPageView logs(
            @PathParam("id") long id,
            @QueryParam("since") @DefaultValue("0") long since,
            @QueryParam("limit") @DefaultValue("200") int limit) {
        var page = bots.logs(account.id(), id, since, limit);
        return new LogPageView(
                page.lines().stream()
                        .map(line -> new LogLineView(line.id, line.at, line.level, line.message))
                        .toList(),
                page.next());
    }
}
