package dev.botlink.platform.venue.account;

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
import java.util.Locale;

/** The logged-in account's venues. Exchange keys are write-only: answers say whether keys are set, never what. */
@Path("/api/venues")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class VenueResource {

    public record VenueView(long id, String name, String exchange, String mode, boolean hasApiKey, Instant createdAt) {
        static VenueView of(AccountVenue venue) {
            return new VenueView(
                    venue.id,
                    venue.name,
                    venue.exchange,
                    venue.mode.name().toLowerCase(Locale.ROOT),
                    venue.apiKeySealed != null,
                    venue.createdAt);
        }
    }

    private final VenueService venues;
    private final CurrentAccount account;

    public VenueResource(VenueService venues, CurrentAccount account) {
        this.venues = venues;
        this.account = account;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(VenueService.NewVenue request) {
        return Response.status(201)
                .entity(VenueView.of(venues.create(account.id(), request)))
                .build();
    }

    @GET
    public List<VenueView> list() {
        return venues.list(account.id()).stream().map(VenueView::of).toList();
    }

    @GET
    @Path("/{id}")
    public VenueView get(@PathParam("id") long id) {
        return VenueView.of(venues.get(account.id(), id));
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") long id) {
        venues.delete(account.id(), id);
        return Response.noContent().build();
    }
}
