package dev.botlink.platform.backtest.imports;

import dev.botlink.platform.account.CurrentAccount;
import dev.botlink.platform.error.Problem;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;

/**
 * Imported CSV market data for backtests: trades or candles, uploaded as the body ({@code text/csv}, optionally with
 * Content-Encoding: gzip), checked row by row and kept per account.
 */
@Path("/api/backtests/imports")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ImportResource {

    private final ImportService imports;
    private final CurrentAccount account;

    public ImportResource(ImportService imports, CurrentAccount account) {
        this.imports = imports;
        this.account = account;
    }

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    public Response create(
            @QueryParam("kind") String kind,
            @QueryParam("symbol") String symbol,
            @QueryParam("name") String name,
            @HeaderParam("Content-Encoding") String encoding,
            InputStream body) {
        ImportKind parsed;
        try {
            parsed = ImportKind.parse(kind);
        } catch (IllegalArgumentException e) {
            throw new Problem.Invalid(e.getMessage());
        }
        boolean gzipped = encoding != null && encoding.trim().equalsIgnoreCase("gzip");
        if (encoding != null && !gzipped && !encoding.trim().equalsIgnoreCase("identity")) {
            throw new Problem.Invalid("Content-Encoding must be gzip or identity, not " + encoding);
        }
        ImportService.ImportInfo created = imports.create(account.id(), parsed, symbol, name, body, gzipped);
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @GET
    public List<ImportService.ImportInfo> list() {
        return imports.list(account.id());
    }

    @GET
    @Path("/{id}")
    public ImportService.ImportInfo get(@PathParam("id") String id) {
        return imports.get(account.id(), id);
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        imports.delete(account.id(), id);
        return Response.noContent().build();
    }
}
