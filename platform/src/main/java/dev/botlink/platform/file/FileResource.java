package dev.botlink.platform.file;

import dev.botlink.platform.account.CurrentAccount;
import dev.botlink.platform.error.Problem;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;

/** The logged-in account's script files: a tree of paths, each with its history. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class FileResource {

    public record FileBody(String content) {}

    public record Move(String from, String to) {}

    private final FileService files;
    private final CurrentAccount account;

    public FileResource(FileService files, CurrentAccount account) {
        this.files = files;
        this.account = account;
    }

    @GET
    @Path("/files")
    public List<FileService.FileInfo> list() {
        return files.list(account.id());
    }

    @GET
    @Path("/files/{path: .+}")
    public FileService.FileContent read(@PathParam("path") String path, @QueryParam("version") Integer version) {
        return files.read(account.id(), new FilePath(path), Optional.ofNullable(version));
    }

    @PUT
    @Path("/files/{path: .+}")
    @Consumes(MediaType.APPLICATION_JSON)
    public FileService.FileInfo save(@PathParam("path") String path, FileBody body) {
        if (body == null) {
            throw new Problem.Invalid("send {\"content\": \"...\"}");
        }
        return files.save(account.id(), new FilePath(path), body.content());
    }

    @PUT
    @Path("/files/{path: .+}")
    @Consumes(MediaType.TEXT_PLAIN)
    public FileService.FileInfo saveText(@PathParam("path") String path, String content) {
        return files.save(account.id(), new FilePath(path), content == null ? "" : content);
    }

    @DELETE
    @Path("/files/{path: .+}")
    public Response delete(@PathParam("path") String path) {
        files.delete(account.id(), new FilePath(path));
        return Response.noContent().build();
    }

    @GET
    @Path("/file-versions/{path: .+}")
    public List<FileService.VersionInfo> versions(@PathParam("path") String path) {
        return files.versions(account.id(), new FilePath(path));
    }

    @POST
    @Path("/file-moves")
    @Consumes(MediaType.APPLICATION_JSON)
    public FileService.FileInfo move(Move move) {
        if (move == null || move.from() == null || move.to() == null) {
            throw new Problem.Invalid("send {\"from\": \"old/path.py\", \"to\": \"new/path.py\"}");
        }
        return files.move(account.id(), new FilePath(move.from()), new FilePath(move.to()));
    }
}
