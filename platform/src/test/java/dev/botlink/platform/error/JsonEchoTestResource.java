package dev.botlink.platform.error;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A JSON endpoint that exists only in tests, to send it bodies the platform must refuse cleanly. */
@Path("/test-only/echo")
public class JsonEchoTestResource {

    public record Order(String side, long size) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Order echo(Order order) {
        if (!"Buy".equals(order.side()) && !"Sell".equals(order.side())) {
            throw new IllegalArgumentException("side must be 'Buy' or 'Sell', not '" + order.side() + "'");
        }
        return order;
    }
}
