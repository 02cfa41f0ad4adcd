package dev.botlink.platform.backtest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.botlink.platform.account.CurrentAccount;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Backtests: run a script of mine over replayed, imported or synthetic data in simulated time, follow its progress,
 * read its report. Another account's backtests are not found (404).
 */
@Path("/api/backtests")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Backtests")
public class BacktestResource {

    /** A backtest in a listing. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Summary(
            long id,
            String name,
            String status,
            Instant createdAt,
            Instant finishedAt,
            @JsonRawValue String metrics) {}

    public record ProgressView(double percent, Long etaSeconds, Instant simulatedTime) {}

    /** A backtest with its progress, and its report once it ended. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detail(
            long id,
            String name,
            String status,
            ProgressView progress,
            String error,
            @JsonRawValue String request,
            @JsonRawValue String report,
            Instant createdAt,
            Instant startedAt,
            Instant finishedAt) {}

    public record Accepted(long id, String status) {}

    private final BacktestService backtests;
    private final CurrentAccount account;

    public BacktestResource(BacktestService backtests, CurrentAccount account) {
        this.backtests = backtests;
        this.account = account;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Queue a backtest of a script",
            description = "Body: {file (a file of mine) | source + fileName, data: {kind: btc-trades | eth-5m |"
                    + " synthetic | import, seed?, importId?}, exchange: bitmex | woo, symbol, from?, to? (ISO-8601),"
                    + " startingBalance? (USD), settings?, execution?: {type: position | grid | market-maker,"
                    + " parameters} (Signals scripts)}. 202 {id, status: queued}; 400 naming a bad field; 429 when"
                    + " this account (or the platform) already runs as many backtests as allowed.")
    public Response create(BacktestRequests.NewBacktest request) {
        Backtest backtest = backtests.create(account.id(), request);
        return Response.accepted(new Accepted(backtest.id, backtest.status)).build();
    }

    @GET
    @Operation(summary = "My backtests, newest first, with their metrics once completed")
    public List<Summary> list() {
        return backtests.list(account.id()).stream()
                .map(row -> new Summary(row.id, row.name, status(row), row.createdAt, row.finishedAt, row.metrics))
                .toList();
    }

    @GET
    @Path("/{id}")
    @Operation(
            summary = "One backtest: status, progress (percent, ETA, simulated time), error, request and report",
            description = "report = {metrics: {pnl, returnPct, sharpe, sortino, maxDrawdownPct, winRate,"
                    + " exposurePct, fees, trades, fills, ...}, currency, equity: [[epochMillis, equity]...],"
                    + " drawdown: [[epochMillis, pct]...], fills: [{time, side, price, size, fee, orderId}], log:"
                    + " [{time, level, message}]}; curves have at most 2,000 points.")
    public Detail get(@PathParam("id") long id) {
        Backtest row = backtests.get(account.id(), id);
        var run = backtests.progress(row.id);
        ProgressView progress = run.map(r -> new ProgressView(
                        r.percent,
                        r.etaSeconds(),
                        r.simulatedMillis == null ? null : Instant.ofEpochMilli(r.simulatedMillis)))
                .orElse(new ProgressView(row.percent, null, null));
        return new Detail(
                row.id,
                row.name,
                run.map(r -> r.status)
                        .filter(s -> s.equals("queued") || s.equals("running"))
                        .orElse(status(row)),
                progress,
                row.error,
                row.request,
                row.report,
                row.createdAt,
                row.startedAt,
                row.finishedAt);
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel a queued or running backtest: it ends as cancelled with the report so far (202)")
    public Response cancel(@PathParam("id") long id) {
        backtests.cancel(account.id(), id);
        return Response.accepted(Map.of("id", id)).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a backtest and its report (a running one is cancelled first)")
    public Response delete(@PathParam("id") long id) {
        backtests.delete(account.id(), id);
        return Response.noContent().build();
    }

    private static String status(Backtest row) {
        return row.status;
    }
}
