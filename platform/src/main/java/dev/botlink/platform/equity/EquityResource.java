package dev.botlink.platform.equity;

import dev.botlink.platform.account.CurrentAccount;
import dev.botlink.platform.error.Problem;
import dev.botlink.platform.venue.account.VenueService;
import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The equity curve of one of the logged-in account's venues, per settlement currency. */
@Path("/api/equity")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class EquityResource {

    static final int MAX_POINTS = 5_000;

    /** {@code points} are {@code [epochMillis, equity]} pairs, oldest first. */
    public record EquityView(String venue, List<String> currencies, String currency, List<List<Object>> points) {}

    private final VenueService venues;
    private final CurrentAccount account;

    public EquityResource(VenueService venues, CurrentAccount account) {
        this.venues = venues;
        this.account = account;
    }

    @GET
    @Path("/{venue}")
    @Transactional
    public EquityView get(
            @PathParam("venue") String venue,
            @QueryParam("currency") String currency,
            @QueryParam("since") Long since,
            @QueryParam("limit") Integer limit) {
        long accountId = account.id();
        if (venues.byName(accountId, venue).isEmpty()) {
            throw new Problem.NotFound("you have no venue named '" + venue + "'");
        }
        int points = limit == null ? MAX_POINTS : limit;
        if (points < 1 || points > MAX_POINTS) {
            throw new Problem.Invalid("limit must be between 1 and " + MAX_POINTS);
        }
        List<String> currencies = EquitySampler.currencies(accountId, venue);
        String chosen = currency != null ? currency : currencies.isEmpty() ? null : currencies.getFirst();
        if (chosen == null) {
            return new EquityView(venue, currencies, null, List.of());
        }
        if (!currencies.contains(chosen)) {
            throw new Problem.NotFound("venue '" + venue + "' has no equity samples in " + chosen + "; it has "
                    + (currencies.isEmpty() ? "none yet" : String.join(", ", currencies)));
        }
        List<List<Object>> series =
                EquitySampler.series(accountId, venue, chosen, since == null ? 0 : since, points).stream()
                        .map(sample -> List.<Object>of(sample.timeMs, sample.equity.stripTrailingZeros()))
                        .toList();
        return new EquityView(venue, currencies, chosen, series);
    }
}
